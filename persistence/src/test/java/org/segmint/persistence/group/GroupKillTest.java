package org.segmint.persistence.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.group.Schedule;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Operator;
import org.segmint.persistence.workspace.Workspace;

/**
 * A batch operation or a recalculation killed mid-way (its JVM killed, as the import test does) leaves the
 * workspace exactly as it was: 300,000 customers, so that the one transaction is still running when it is killed.
 */
class GroupKillTest {
    static final int CUSTOMERS = 300_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"batch", "recalc"})
    void killingTheProcessMidwayChangesNothing(String work) throws Exception {
        Path file = dir.resolve(work + ".segmint");
        String before;
        try (Workspace ws = Workspace.create(file)) {
            ws.addColumn("customers", "tier", FieldType.TEXT, null);
            try (Statement st = ws.connection().createStatement()) {
                st.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + CUSTOMERS
                        + ") INSERT INTO customers(ck, customer_id, tier) SELECT i, 'c' || i, CASE i % 2 WHEN 0 THEN"
                        + " 'gold' ELSE 'silver' END FROM n");
            }
            ws.bumpDataVersion();
            GroupStore groups = new GroupStore(ws);
            groups.createStatic(List.of("All"), null);
            RoaringBitmap all = new RoaringBitmap();
            all.add(1L, CUSTOMERS + 1L);
            groups.add("All", all);
            RoaringBitmap odd = new RoaringBitmap();
            for (int i = 1; i <= CUSTOMERS; i += 2) {
                odd.add(i);
            }
            // a smart group whose next run swaps every member
            groups.createSmart("Gold", new AttributeCondition("customers.tier", Operator.EQ, List.of("gold"), null),
                    Schedule.MANUAL, null, null, odd, LocalDate.parse("2025-01-01"));
            before = snapshot(ws);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                GroupWorkChild.class.getName(), file.toString(), work).redirectErrorStream(true).start();
        boolean committed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("STARTED")) {
                committed |= line.equals("COMMITTED");
            }
            Thread.sleep(150);
            // what the child printed before the kill is still buffered in the pipe
            while (out.ready() && (line = out.readLine()) != null) {
                committed |= line.equals("COMMITTED");
            }
            child.destroyForcibly();
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertFalse(committed, "the work finished before it could be killed: make it bigger");
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
        for (String sql : List.of("SELECT tier, count(*) FROM customers GROUP BY tier ORDER BY tier",
                "SELECT group_id, count(*), sum(CAST(substr(customer_id, 2) AS INTEGER) % 7919) FROM sg_group_members"
                        + " GROUP BY group_id ORDER BY group_id",
                "SELECT count(*), max(as_of) FROM sg_group_history", "SELECT count(*) FROM sg_batches",
                "SELECT count(*) FROM sg_batch_changes", "SELECT value FROM sg_meta WHERE key = 'data_version'")) {
            try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int c = 1; c <= n; c++) {
                        sb.append(rs.getString(c)).append(',');
                    }
                    sb.append(';');
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
