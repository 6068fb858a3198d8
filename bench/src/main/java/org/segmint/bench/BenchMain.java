package org.segmint.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.persistence.columns.ColumnStore;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * {@code java -jar segmint-bench.jar WS [--json] [--runs N] [--only a,b,...]}: copies the workspace's tables
 * into a private in-memory DuckDB database (the workspace is only read), runs every case on Segmint and on
 * DuckDB (2 threads, data loaded), checks that both give the same answer, and reports per case each engine's
 * median time and the ratio Segmint / DuckDB.
 *
 * <p>Exit codes: 0 every answer agreed; 1 some answer differed (each difference on standard error) or
 * something failed; 2 bad input (one line).
 */
public final class BenchMain {
    static final String USAGE = "usage: java -jar segmint-bench.jar WORKSPACE [--json] [--runs N] [--warm-up SECONDS]"
            + " [--only a,b,...]";
    static final int DUCKDB_THREADS = 2;

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the benchmark; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        try (Workspace ws = Workspace.open(options.workspace())) {
            ColumnStore.of(ws).keepInMemoryOnly();
            return bench(ws, options, out, err);
        } catch (WorkspaceException e) {
            err.println(e.getMessage());
            return 2;
        } catch (SQLException | RuntimeException e) {
            err.println("The benchmark failed: " + e.getMessage());
            return 1;
        }
    }

    private static int bench(Workspace ws, Options options, PrintStream out, PrintStream err) throws SQLException {
        Samples samples = Samples.pick(ws);
        List<BenchCase<?>> cases = selected(Cases.all(samples), options.only());
        Map<String, Double> opening = opening(ws.file(), samples);
        long copyStart = System.nanoTime();
        List<SideBySide.Outcome> outcomes = new ArrayList<>();
        double copySeconds;
        try (Connection duck = DuckDbCopy.open(ws, DUCKDB_THREADS);
             SegmintSide segmint = new SegmintSide(ws, samples.asOf())) {
            copySeconds = (System.nanoTime() - copyStart) / 1e9;
            if (!options.json()) {
                out.printf("DuckDB copy of the workspace: %.1f s%n", copySeconds);
                out.printf("Opening the workspace again, to the first counts: %s%n", opening);
            }
            SideBySide runner = new SideBySide(segmint, duck, options.runs(),
                    (long) (options.warmUpSeconds() * 1e9));
            for (BenchCase<?> c : cases) {
                SideBySide.Outcome o = runner.run(c);
                outcomes.add(o);
                if (!options.json()) {
                    out.println(line(o));
                }
            }
        }
        if (options.json()) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("workspace", ws.file().toString());
            report.put("customers", ws.rowCount("customers"));
            report.put("orders", ws.rowCount("orders"));
            report.put("asOf", samples.asOf().toString());
            report.put("runs", options.runs());
            report.put("warmUpSeconds", options.warmUpSeconds());
            report.put("duckdbThreads", DUCKDB_THREADS);
            report.put("copySeconds", Math.round(copySeconds * 10) / 10.0);
            report.put("opening", opening);
            report.put("heapPeakMb", heapPeakMb());
            report.put("heapLiveMb", heapLiveMb());
            report.put("heapMaxMb", Runtime.getRuntime().maxMemory() >> 20);
            report.put("samples", samples.describe());
            report.put("cases", outcomes.stream().map(SideBySide.Outcome::json).toList());
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        int code = 0;
        for (SideBySide.Outcome o : outcomes) {
            for (String d : o.differences()) {
                err.println("case " + o.name() + ": Segmint and DuckDB differ: " + d);
                code = 1;
            }
        }
        return code;
    }

    /**
     * The workspace opened a second time, as the app opens it: the time to the first count of case a (the
     * customer columns read, from the stored columns when the workspace has them), then to the first count of
     * case b (the order columns), then of case d (the events). Untimed work before it has the file in the
     * operating system's cache.
     */
    private static Map<String, Double> opening(Path file, Samples samples) {
        Segments s = new Segments(samples);
        Map<String, Double> times = new LinkedHashMap<>();
        long start = System.nanoTime();
        try (Workspace ws = Workspace.open(file)) {
            ColumnStore.of(ws).keepInMemoryOnly();
            try (SegmintSide segmint = new SegmintSide(ws, samples.asOf())) {
                segmint.members(s.attributes().definition());
                times.put("toCountAMs", ms(start));
                segmint.members(s.purchases(Segments.REVENUE).definition());
                times.put("thenCountBMs", ms(start));
                segmint.members(s.events().definition());
                times.put("thenCountDMs", ms(start));
            }
        }
        return times;
    }

    private static double ms(long start) {
        return Math.round((System.nanoTime() - start) / 1e5) / 10.0;
    }

    /** The largest heap in use so far (the sum of the heap pools' peaks; DuckDB's memory is outside it). */
    private static long heapPeakMb() {
        long bytes = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory
                .getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    /**
     * The heap still in use after a full collection, with the workspace open and every column, index and cache
     * the cases built still held: what editing at this scale keeps in memory (the peak above also counts garbage
     * not yet collected).
     */
    private static long heapLiveMb() {
        System.gc();
        java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean()
                .getHeapMemoryUsage();
        return heap.getUsed() >> 20;
    }

    private static String line(SideBySide.Outcome o) {
        if (o.skipped() != null) {
            return String.format("%-15s skipped: %s", o.name(), o.skipped());
        }
        return String.format("%-15s Segmint %9.1f ms  DuckDB %9.1f ms  ratio %6.2f  %,12d  %s%s", o.name(),
                o.segmintMs(), o.duckDbMs(), o.segmintMs() / o.duckDbMs(), o.result(), o.description(),
                o.agrees() ? "" : "  ** ANSWERS DIFFER **");
    }

    private static List<BenchCase<?>> selected(List<BenchCase<?>> all, List<String> only) {
        if (only.isEmpty()) {
            return all;
        }
        List<BenchCase<?>> chosen = new ArrayList<>();
        for (String name : only) {
            chosen.add(all.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new WorkspaceException("--only: unknown case '" + name + "' (cases: "
                            + String.join(", ", all.stream().map(BenchCase::name).toList()) + ")")));
        }
        return chosen;
    }

    /** The command line. */
    record Options(Path workspace, boolean json, int runs, double warmUpSeconds, List<String> only) {
        static Options parse(String[] args) {
            Path workspace = null;
            boolean json = false;
            int runs = 5;
            double warmUp = 2;
            List<String> only = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--json")) {
                    json = true;
                } else if (a.equals("--runs") || a.equals("--only") || a.equals("--warm-up")) {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException(a + " needs a value; " + USAGE);
                    }
                    String value = args[++i];
                    if (a.equals("--runs")) {
                        runs = runs(value);
                    } else if (a.equals("--warm-up")) {
                        warmUp = seconds(value);
                    } else {
                        for (String name : value.split(",")) {
                            if (!name.isBlank()) {
                                only.add(name.strip());
                            }
                        }
                    }
                } else if (a.startsWith("-") || workspace != null) {
                    throw new IllegalArgumentException("Unknown argument '" + a + "'; " + USAGE);
                } else {
                    workspace = Path.of(a);
                }
            }
            if (workspace == null) {
                throw new IllegalArgumentException(USAGE);
            }
            return new Options(workspace, json, runs, warmUp, only);
        }

        private static double seconds(String value) {
            try {
                double n = Double.parseDouble(value.strip());
                if (n >= 0 && n <= 60) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--warm-up: expected seconds from 0 to 60, not '" + value + "'");
        }

        private static int runs(String value) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 1 && n <= 1000) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--runs: expected a number from 1 to 1000, not '" + value + "'");
        }
    }
}
