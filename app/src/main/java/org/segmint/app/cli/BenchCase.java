package org.segmint.app.cli;

/**
 * One case of {@code segmint bench}: a short name (the PERFORMANCE.md class, e.g. "a"), what it measures,
 * and one timed run. The runner calls {@link #prepare} before every run, untimed, then times
 * {@link #run}; run 0 is the warm-up and is not reported. A case that cannot run on this workspace
 * (a column it needs is missing) throws {@link Skipped}.
 */
public interface BenchCase {

    String name();

    String description();

    /** Untimed set-up before run {@code run}: cold cases drop the engine's caches here. */
    default void prepare(BenchContext context, int run) {
        context.engine().invalidate();
    }

    /** The timed work of run {@code run}; returns the size of the result (customers, rows...). */
    long run(BenchContext context, int run);

    /** Thrown when the workspace lacks what the case needs; the reason is reported instead of a time. */
    final class Skipped extends RuntimeException {
        public Skipped(String reason) {
            super(reason);
        }
    }
}
