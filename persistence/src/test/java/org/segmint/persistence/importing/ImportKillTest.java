package org.segmint.persistence.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.workspace.Workspace;

/** A killed import leaves the workspace exactly as it was: the import runs in a child JVM that is killed. */
class ImportKillTest {
    @TempDir
    Path dir;

    @Test
    void killingTheImportingProcessLeavesTheWorkspaceAsItWas() throws Exception {
        Path file = dir.resolve("w.segmint");
        Path customers = dir.resolve("customers.csv");
        Path small = dir.resolve("orders-small.csv");
        Path big = dir.resolve("orders-big.csv");
        OrdersCsv.writeCustomers(customers, 1000);
        OrdersCsv.write(small, 500, 1000, 1);
        OrdersCsv.write(big, 1_000_000, 1000, 2);
        String before;
        try (Workspace ws = Workspace.create(file)) {
            Importer.importCsv(ws, customers, null, ImportRequest.replace("customers"), Progress.NONE,
                    Cancellation.none());
            Importer.importCsv(ws, small, null, ImportRequest.replace("orders"), Progress.NONE, Cancellation.none());
            before = snapshot(ws);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ImportChild.class.getName(), file.toString(), big.toString())
                .redirectErrorStream(true).start();
        boolean killedMidway = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                // kill once the load has written a good part of the file, well before it can finish
                if (line.startsWith("PROGRESS") && line.contains("Importing orders: row ")
                        && Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)) >= 150_000) {
                    child.destroyForcibly();
                    killedMidway = true;
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(killedMidway, "the child reported progress while loading and was killed");
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(before, snapshot(ws));
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1));
            }
        }
    }

    private static String snapshot(Workspace ws) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String table : List.of("customers", "orders", "order_items", "events")) {
            sb.append(table).append('=').append(ws.rowCount(table)).append(' ');
        }
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), sum(revenue), count(ck) FROM orders")) {
            sb.append(rs.getLong(1)).append('/').append(rs.getDouble(2)).append('/').append(rs.getLong(3));
        }
        sb.append(" columns=").append(ws.catalog().fields().size()).append(" version=").append(ws.dataVersion());
        return sb.toString();
    }
}
