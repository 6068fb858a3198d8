package org.segmint.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs each case on both engines: a warm-up (run 0, repeated for a while), then {@code runs} timed runs,
 * each engine's median reported, and every run's two answers compared (plus the exact checks on the warm-up). Cases run one after the other,
 * Segmint's runs then DuckDB's, so the engines never compete for the cores.
 */
final class SideBySide {
    private final SegmintSide segmint;
    private final Connection duck;
    private final int runs;
    private final long warmUpNanos;

    /** @param warmUpNanos how long the warm-up repeats run 0 (0: once) */
    SideBySide(SegmintSide segmint, Connection duck, int runs, long warmUpNanos) {
        this.segmint = segmint;
        this.duck = duck;
        this.runs = runs;
        this.warmUpNanos = warmUpNanos;
    }

    /** One case's outcome: the medians, or why it was skipped, and the disagreements found. */
    record Outcome(String name, String description, double segmintMs, double duckDbMs, long result,
                   String skipped, List<String> differences) {

        boolean agrees() {
            return differences.isEmpty();
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            if (skipped != null) {
                m.put("skipped", skipped);
                return m;
            }
            m.put("segmintMs", round(segmintMs));
            m.put("duckdbMs", round(duckDbMs));
            m.put("ratio", Math.round(segmintMs / duckDbMs * 100) / 100.0);
            m.put("result", result);
            if (!agrees()) {
                m.put("differences", differences);
            }
            return m;
        }
    }

    <R> Outcome run(BenchCase<R> c) {
        try {
            return measure(c);
        } catch (Segments.Skipped e) {
            return new Outcome(c.name(), c.description(), 0, 0, 0, e.getMessage(), List.of());
        }
    }

    private <R> Outcome measure(BenchCase<R> c) {
        double[] segmintMs = new double[runs];
        double[] duckMs = new double[runs];
        List<Answer> segmintAnswers = new ArrayList<>();
        R warmUp = null;
        for (int run = 0; run <= runs; run++) {
            int r = run;
            R result = timed(run, segmintMs, repeat -> {
                if (repeat == 0) {
                    c.prepare(segmint, r);
                } else {
                    c.prepareRepeat(segmint);
                }
            }, () -> c.segmint(segmint, r));
            if (run == 0) {
                warmUp = result;
            }
            segmintAnswers.add(c.answer(result));
        }
        List<String> differences = new ArrayList<>();
        long result = 0;
        for (int run = 0; run <= runs; run++) {
            int r = run;
            Answer answer = timed(run, duckMs, repeat -> { }, () -> c.duckDb(duck, r));
            for (String d : segmintAnswers.get(run).differences(answer)) {
                differences.add("run " + run + ": " + d);
            }
            result = segmintAnswers.get(run).result();
        }
        differences.addAll(c.exactCheck(warmUp, duck));
        return new Outcome(c.name(), c.description(), median(segmintMs), median(duckMs), result, null, differences);
    }

    /**
     * Run {@code run} of one engine: {@code prepare} (untimed, given the repeat number), then {@code work}, timed
     * into {@code ms} unless it is the warm-up, which repeats while {@link #warmingUp}. Returns the first result.
     */
    private <T> T timed(int run, double[] ms, IntConsumer prepare, Supplier<T> work) {
        T first = null;
        long since = System.nanoTime();
        for (int repeat = 0; run == 0 ? warmingUp(repeat, since) : repeat == 0; repeat++) {
            prepare.accept(repeat);
            long start = System.nanoTime();
            T result = work.get();
            long elapsed = System.nanoTime() - start;
            first = repeat == 0 ? result : first;
            if (run > 0) {
                ms[run - 1] = elapsed / 1e6;
            }
        }
        return first;
    }

    /**
     * Whether the warm-up (run 0) goes on: it runs at least once, and again until the warm-up time has passed or it
     * ran {@link #MOST_WARM_UPS} times, so that the timed runs meet code the JIT has compiled, as in an app used
     * for a few seconds, rather than a case's first passes through it.
     */
    private boolean warmingUp(int repeat, long since) {
        return repeat == 0 || (repeat < MOST_WARM_UPS && System.nanoTime() - since < warmUpNanos);
    }

    private static final int MOST_WARM_UPS = 200;

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double round(double ms) {
        return ms >= 100 ? Math.round(ms) : Math.round(ms * 10) / 10.0;
    }
}
