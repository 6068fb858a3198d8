package org.segmint.app.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code segmint bench WS [--runs 5] [--only a,b] [--json]}: runs the benchmark cases of PERFORMANCE.md on a
 * workspace and reports, per case, the median (and min/max) of the runs after one warm-up run.
 * New cases are added to {@link #cases()}.
 */
@Command(name = "bench", description = "Benchmark the segment engine on a workspace (median of N runs after a"
        + " warm-up).")
public final class BenchCommand extends EvaluatingCommand {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Timed runs per case (default 5).")
    int runs;

    @Option(names = "--only", paramLabel = "NAMES", split = ",", description = "Run only these cases (e.g. a,b,edit).")
    List<String> only;

    /** Every benchmark case, in report order. */
    static List<BenchCase> cases() {
        List<BenchCase> cases = new ArrayList<>(SegmentBenchCases.all());
        cases.addAll(InsightBenchCases.all());
        cases.addAll(TabBenchCases.all());
        return cases;
    }

    @Override
    protected int execute() throws Exception {
        if (runs < 1) {
            throw new WorkspaceException("--runs must be at least 1");
        }
        try (Workspace ws = openWorkspace()) {
            SegmentStore store = new SegmentStore(ws);
            LocalDate asOf = asOf(ws);
            BenchSamples samples = BenchSamples.pick(ws);
            List<Map<String, Object>> results = new ArrayList<>();
            try (SegmentEngine engine = engine(ws, store)) {
                BenchContext context = new BenchContext(ws, engine, asOf, samples);
                for (BenchCase c : selected()) {
                    results.add(measure(c, context));
                    if (!json) {
                        printRow(results.get(results.size() - 1));
                    }
                }
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("workspace", ws.file().toString());
            report.put("customers", ws.rowCount("customers"));
            report.put("asOf", asOf.toString());
            report.put("runs", runs);
            report.put("samples", samples.describe());
            report.put("cases", results);
            if (json) {
                printJson(report);
            }
            return Cli.OK;
        }
    }

    private List<BenchCase> selected() {
        List<BenchCase> all = cases();
        if (only == null || only.isEmpty()) {
            return all;
        }
        List<BenchCase> chosen = new ArrayList<>();
        for (String name : only) {
            chosen.add(all.stream().filter(c -> c.name().equals(name.strip())).findFirst()
                    .orElseThrow(() -> new WorkspaceException("--only: unknown case '" + name + "' (cases: "
                            + String.join(", ", all.stream().map(BenchCase::name).toList()) + ")")));
        }
        return chosen;
    }

    /** Warm-up (run 0), then the timed runs; prepare is never timed. */
    private Map<String, Object> measure(BenchCase c, BenchContext context) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", c.name());
        result.put("description", c.description());
        try {
            c.prepare(context, 0);
            c.run(context, 0);
            double[] ms = new double[runs];
            double[] cpuMs = new double[runs];
            long size = 0;
            for (int i = 1; i <= runs; i++) {
                c.prepare(context, i);
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                size = c.run(context, i);
                ms[i - 1] = (System.nanoTime() - start) / 1e6;
                cpuMs[i - 1] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            }
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            result.put("medianMs", round(median(ms)));
            result.put("minMs", round(sorted[0]));
            result.put("maxMs", round(sorted[runs - 1]));
            result.put("runsMs", Arrays.stream(ms).map(BenchCommand::round).boxed().toList());
            // the engine and SQLite work on the calling thread, so its CPU time is the cost without
            // waiting for a core: the better measure on a shared machine
            result.put("medianCpuMs", round(median(cpuMs)));
            result.put("result", size);
        } catch (BenchCase.Skipped e) {
            result.put("skipped", e.getMessage());
        }
        return result;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private void printRow(Map<String, Object> r) {
        if (r.containsKey("skipped")) {
            println(String.format("%-13s skipped: %s", r.get("name"), r.get("skipped")));
        } else {
            println(String.format("%-13s %9.1f ms median (min %.1f, max %.1f, CPU %.1f)  %,d  %s", r.get("name"),
                    (Double) r.get("medianMs"), (Double) r.get("minMs"), (Double) r.get("maxMs"),
                    (Double) r.get("medianCpuMs"), (Long) r.get("result"), r.get("description")));
        }
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
