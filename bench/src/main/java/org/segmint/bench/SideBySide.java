package org.segmint.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs each case on both engines: a warm-up run, then {@code runs} timed runs, each engine's median reported,
 * and every run's two answers compared (plus the exact checks on the warm-up). Cases run one after the other,
 * Segmint's runs then DuckDB's, so the engines never compete for the cores.
 */
final class SideBySide {
    private final SegmintSide segmint;
    private final Connection duck;
    private final int runs;

    SideBySide(SegmintSide segmint, Connection duck, int runs) {
        this.segmint = segmint;
        this.duck = duck;
        this.runs = runs;
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
            c.prepare(segmint, run);
            long start = System.nanoTime();
            R result = c.segmint(segmint, run);
            long elapsed = System.nanoTime() - start;
            if (run == 0) {
                warmUp = result;
            } else {
                segmintMs[run - 1] = elapsed / 1e6;
            }
            segmintAnswers.add(c.answer(result));
        }
        List<String> differences = new ArrayList<>();
        long result = 0;
        for (int run = 0; run <= runs; run++) {
            long start = System.nanoTime();
            Answer answer = c.duckDb(duck, run);
            long elapsed = System.nanoTime() - start;
            if (run > 0) {
                duckMs[run - 1] = elapsed / 1e6;
            }
            for (String d : segmintAnswers.get(run).differences(answer)) {
                differences.add("run " + run + ": " + d);
            }
            result = segmintAnswers.get(run).result();
        }
        differences.addAll(c.exactCheck(warmUp, duck));
        return new Outcome(c.name(), c.description(), median(segmintMs), median(duckMs), result, null, differences);
    }

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
