package org.segmint.bench;

import java.sql.Connection;
import java.util.List;

/**
 * One case of the benchmark, run by both engines. The runner calls {@link #prepare} before every Segmint run
 * (untimed: cold cases drop Segmint's caches there), times {@link #segmint}, and turns its result into an
 * {@link Answer} untimed; it times {@link #duckDb}, whose answer is read from DuckDB's rows inside the timing.
 * Run 0 is the warm-up. The two answers of each run must agree.
 *
 * @param <R> what Segmint's run returns (members, a summary, a comparison...)
 */
interface BenchCase<R> {

    String name();

    String description();

    /** Untimed set-up before Segmint's run {@code run}. */
    void prepare(SegmintSide segmint, int run);

    /**
     * Untimed set-up before a repeat of the warm-up (run 0 again): as before any later run, so cold cases drop
     * their caches again and cached cases keep what the first pass of run 0 filled.
     */
    default void prepareRepeat(SegmintSide segmint) {
        prepare(segmint, 1);
    }

    /** Segmint's timed work for run {@code run}. */
    R segmint(SegmintSide segmint, int run);

    /** Segmint's result as comparable numbers (untimed). */
    Answer answer(R result);

    /** DuckDB's timed work for run {@code run}: the same question, answered from its rows. */
    Answer duckDb(Connection duck, int run);

    /**
     * Untimed checks beyond the answer, on the warm-up run (for example the exact member keys); the
     * differences found, empty when there are none.
     */
    default List<String> exactCheck(R result, Connection duck) {
        return List.of();
    }
}
