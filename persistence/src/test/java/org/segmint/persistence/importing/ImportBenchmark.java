package org.segmint.persistence.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.workspace.Workspace;

/**
 * The CSV import benchmark (a command, not a unit test): generates an orders CSV of N rows (default
 * 10 million) for 1 million customers into a folder, imports customers and then the orders into a new
 * workspace there, and prints the time and rows per second. Run from the repository root after
 * {@code ./mvnw -q -o -pl persistence -am test-compile}, see docs/performance.md.
 */
public final class ImportBenchmark {
    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/import-benchmark");
        int customers = (int) Math.max(1, Math.min(1_000_000, rows / 10));
        Files.createDirectories(dir);
        Path orders = dir.resolve("orders-" + rows + ".csv");
        Path customersCsv = dir.resolve("customers-" + customers + ".csv");
        if (!Files.exists(orders)) {
            long t = System.nanoTime();
            OrdersCsv.write(orders, rows, customers, 42);
            OrdersCsv.writeCustomers(customersCsv, customers);
            System.out.printf("generated %,d rows (%,d MB) in %.1f s%n", rows, Files.size(orders) >> 20,
                    (System.nanoTime() - t) / 1e9);
        }
        Path file = dir.resolve("bench.segmint");
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir.resolve("bench.segmint-wal"));
        Files.deleteIfExists(dir.resolve("bench.segmint-shm"));
        try (Workspace ws = Workspace.create(file)) {
            ImportSummary c = Importer.importCsv(ws, customersCsv, null, ImportRequest.replace("customers"),
                    Progress.NONE, Cancellation.none());
            System.out.printf("customers: %,d rows in %.2f s (%,.0f rows/s)%n", c.rows(), c.seconds(),
                    c.rowsPerSecond());
            long start = System.nanoTime();
            long cpuStart = cpuTime();
            long[] loaded = {0, 0};
            String[] phase = {null};
            long[] phaseStart = {start};
            Progress phases = (done, total, message) -> {
                String name = message == null || message.startsWith("Importing") ? "loading" : message;
                if (!name.equals(phase[0])) {
                    long now = System.nanoTime();
                    if (phase[0] != null) {
                        System.out.printf("  %-50s %7.2f s%n", phase[0], (now - phaseStart[0]) / 1e9);
                    }
                    phase[0] = name;
                    phaseStart[0] = now;
                }
                if (loaded[0] == 0 && name.startsWith("Finishing")) {
                    loaded[0] = System.nanoTime();
                    loaded[1] = cpuTime();
                    double wall = (loaded[0] - start) / 1e9;
                    double cpu = (loaded[1] - cpuStart) / 1e9;
                    System.out.printf("orders read and inserted in %.2f s (%,.0f rows/s), %.2f s of CPU (both"
                            + " threads, %,.0f rows per CPU second); now the derived data%n", wall, rows / wall, cpu,
                            rows / cpu);
                }
            };
            ImportSummary s = Importer.importCsv(ws, orders, null, ImportRequest.replace("orders"), phases,
                    Cancellation.none());
            double load = (loaded[0] - start) / 1e9;
            // The import returns after storing the columns for counting (after its commit): part of the wait.
            long end = System.nanoTime();
            double whole = (end - start) / 1e9;
            System.out.printf("  %-50s %7.2f s%n", phase[0], (end - phaseStart[0]) / 1e9);
            System.out.printf("orders: %,d rows, %,d rejected, %,d orphans committed in %.2f s (%,.0f rows/s); reading"
                    + " and inserting %.2f s (%,.0f rows/s), derived data %.2f s; whole import with the columns stored"
                    + " %.2f s (%,.0f rows/s), %.1f s of CPU%n", s.rows(), s.rejected(), s.orphans(), s.seconds(),
                    s.rowsPerSecond(), load, s.rows() / load, s.seconds() - load, whole, s.rows() / whole,
                    (cpuTime() - cpuStart) / 1e9);
        }
    }

    /** CPU time of the whole process: a load-independent measure on a shared machine. */
    private static long cpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
