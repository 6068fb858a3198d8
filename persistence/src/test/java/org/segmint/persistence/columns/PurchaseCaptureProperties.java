package org.segmint.persistence.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.importing.ImportMode;
import org.segmint.persistence.importing.ImportRequest;
import org.segmint.persistence.importing.Importer;
import org.segmint.persistence.testdata.Folders;
import org.segmint.persistence.workspace.MetricsSql;
import org.segmint.persistence.workspace.Workspace;

/**
 * An import that replaces every order hands the engine the order columns it collected while writing
 * ({@link PurchaseCapture}) instead of reading them back: they must be exactly the columns read from the rows
 * (layout, positions, days, amounts, order numbers), on files with orphans, empty dates, amounts and order ids,
 * whole-number amounts, negative zero, many orders on one day and customers in any order.
 */
class PurchaseCaptureProperties {
    private static final LocalDate START = LocalDate.of(2023, 6, 1);

    private Path dir;
    private int tries;

    @BeforeProperty
    void createFolder() throws IOException {
        dir = Files.createTempDirectory("segmint-capture");
    }

    @AfterProperty
    void deleteFolder() throws IOException {
        Folders.deleteTree(dir);
    }

    @Property(tries = 30)
    void theCapturedOrderColumnsAreTheColumnsReadFromTheRows(@ForAll long seed) throws Exception {
        // Twice: the second replace meets a table with rows (and rowids) already.
        loadOrdersTwice(seed, ImportMode.REPLACE);
    }

    @Property(tries = 30)
    void theOrderColumnsAfterAnAppendAreTheColumnsReadFromTheRows(@ForAll long seed) throws Exception {
        // Appended twice to imported orders: rows of customers that have orders (same days, same order ids) and
        // of customers that have none.
        loadOrdersTwice(seed, ImportMode.APPEND);
    }

    /**
     * Imports customers (and for an append, a first file of orders), then two random order files in
     * {@code mode}: after each, the columns held (collected, or extended) and the copy stored in the workspace
     * must be the columns read from the rows, and the metrics table what SQL computes.
     */
    private void loadOrdersTwice(long seed, ImportMode mode) throws Exception {
        Random random = new Random(seed);
        Path file = dir.resolve(mode + "-" + ++tries + ".segmint");
        String what = mode + ", seed " + seed;
        try (Workspace ws = Workspace.create(file)) {
            Path customers = dir.resolve("customers.csv");
            Path orders = dir.resolve("orders.csv");
            writeCustomers(customers, random);
            Importer.importCsv(ws, customers, null, ImportRequest.replace("customers"), Progress.NONE,
                    Cancellation.none());
            if (mode == ImportMode.APPEND) {
                writeOrders(orders, random);
                Importer.importCsv(ws, orders, null, ImportRequest.replace("orders"), Progress.NONE,
                        Cancellation.none());
            }
            for (int round = 0; round < 2; round++) {
                writeOrders(orders, random);
                Importer.importCsv(ws, orders, null, ImportRequest.replace("orders").withMode(mode), Progress.NONE,
                        Cancellation.none());
                Columns held = ColumnStore.of(ws).at(ws.dataVersion());
                assertTrue(held.adoptedOrders(), what + ": the orders were read back, not collected");
                assertSameAsTheRows(ws, held.purchases(false, Cancellation.none()), what);
                assertMetricsAsSql(ws, what);
                // What was stored reads back the same in another opening.
                try (Workspace again = Workspace.open(file)) {
                    Columns stored = ColumnStore.of(again).at(again.dataVersion());
                    assertSameAsTheRows(again, stored.purchases(false, Cancellation.none()), "stored, " + what);
                    assertEquals(0, stored.rowReads(), "stored columns only, nothing read from the rows");
                }
            }
        }
    }

    @Example
    void anAppendAfterAnotherWriterMovedTheDataOnReadsTheTableInstead() throws Exception {
        Path file = dir.resolve("two-writers.segmint");
        try (Workspace ws = Workspace.create(file)) {
            Importer.importCsv(ws, csv("customers.csv", "customer_id", "c1", "c2", "c3"), null,
                    ImportRequest.replace("customers"), Progress.NONE, Cancellation.none());
            Importer.importCsv(ws, csv("orders.csv", "order_id,customer_id,order_date,revenue", "o1,c1,2024-01-02,5",
                    "o2,c2,2024-01-03,7"), null, ImportRequest.replace("orders"), Progress.NONE, Cancellation.none());
            // Both appends touch other customers, so only the data version can tell the columns are stale.
            Path mine = csv("mine.csv", "order_id,customer_id,order_date,revenue", "o3,c1,2024-02-01,1");
            Path others = csv("others.csv", "order_id,customer_id,order_date,revenue", "o4,c3,2024-02-02,2",
                    "o5,c2,2024-02-03,3");
            ImportRequest append = ImportRequest.replace("orders").withMode(ImportMode.APPEND);
            boolean[] done = {false};
            // Once this import has taken the order columns, another writer appends its own orders.
            Progress otherWriter = (at, of, message) -> {
                if (message.startsWith("Starting the import") && !done[0]) {
                    done[0] = true;
                    try (Workspace other = Workspace.open(file)) {
                        Importer.importCsv(other, others, null, append, Progress.NONE, Cancellation.none());
                    }
                }
            };
            Importer.importCsv(ws, mine, null, append, otherWriter, Cancellation.none());
            assertTrue(done[0]);
            Columns held = ColumnStore.of(ws).at(ws.dataVersion());
            assertFalse(held.adoptedOrders(), "the columns taken before the other append miss its rows");
            assertSameAsTheRows(ws, held.purchases(false, Cancellation.none()), "two writers");
            assertEquals(5, held.purchases(false, Cancellation.none()).layout().rows());
        }
    }

    private Path csv(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    @Example
    void withOrderItemsInTheWorkspaceTheOrdersAreReadBackInstead() throws Exception {
        Random random = new Random(7);
        Path file = dir.resolve("items.segmint");
        try (Workspace ws = Workspace.create(file)) {
            Path customers = dir.resolve("customers.csv");
            writeCustomers(customers, random);
            Importer.importCsv(ws, customers, null, ImportRequest.replace("customers"), Progress.NONE,
                    Cancellation.none());
            Path items = dir.resolve("items.csv");
            try (Writer w = Files.newBufferedWriter(items); CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT)) {
                out.printRecord("order_id", "customer_id", "order_date", "quantity", "revenue");
                out.printRecord("o1", "c1", "2024-01-02", 3, 9.5);
            }
            Importer.importCsv(ws, items, null, ImportRequest.replace("order_items"), Progress.NONE,
                    Cancellation.none());
            Path orders = dir.resolve("orders.csv");
            writeOrders(orders, random);
            Importer.importCsv(ws, orders, null, ImportRequest.replace("orders"), Progress.NONE, Cancellation.none());
            // Orders without units take them from their items after the load: the capture cannot know them.
            Columns held = ColumnStore.of(ws).at(ws.dataVersion());
            assertFalse(held.adoptedOrders());
            assertSameAsTheRows(ws, held.purchases(false, Cancellation.none()), "with items");
        }
    }

    @Example
    void aValueOfAnotherKindMakesTheCaptureGiveUp() {
        PurchaseCapture capture = new PurchaseCapture();
        capture.add(1L, 19_000L, 2.5, 1L, "o1");
        assertTrue(capture.usable());
        capture.add(2L, "2024-01-01", 2.5, 1L, "o2");
        assertFalse(capture.usable());
        PurchaseCapture money = new PurchaseCapture();
        money.add(1L, 19_000L, "12 EUR", null, null);
        assertFalse(money.usable());
        PurchaseCapture ids = new PurchaseCapture();
        ids.add(1L, 19_000L, 1.0, null, 1.5);
        assertFalse(ids.usable());
        assertEquals(null, ids.rows(10));
    }

    @Example
    void aCaptureThatWouldPassItsMemoryGivesUp() {
        // Room for the first arrays (65,536 rows) but not for doubling them.
        PurchaseCapture capture = new PurchaseCapture(100_000L * 37);
        for (int i = 0; i < 65_536; i++) {
            capture.add((long) (i % 100), 19_000L + i % 30, 1.0, 1L, "o" + i);
        }
        assertTrue(capture.usable());
        capture.add(1L, 19_000L, 1.0, 1L, "o");
        assertFalse(capture.usable());
        assertEquals(null, capture.rows(100));
    }

    @Example
    void aLargeCaptureIsSortedOnBothCoresWithEveryRowInItsPlace() {
        int n = Parallel.MIN_ROWS * 2;
        int keys = 20_000;
        Random random = new Random(3);
        PurchaseCapture capture = new PurchaseCapture();
        int[] ck = new int[n];
        long[] day = new long[n];
        double[] revenue = new double[n];
        for (int i = 0; i < n; i++) {
            ck[i] = random.nextInt(keys);
            day[i] = 19_000 + random.nextInt(30);
            revenue[i] = i;
            capture.add((long) ck[i], day[i], revenue[i], (long) (i % 7), "o" + random.nextInt(9));
        }
        TableLoader.Built<PurchaseRows> built = capture.rows(keys);
        PurchaseRows rows = built.rows();
        for (int i = 0; i < n; i++) {
            int p = built.position()[i];
            assertTrue(p >= rows.layout().from(ck[i]) && p < rows.layout().to(ck[i]), "row " + i + ": its key's run");
            assertEquals(day[i], rows.day()[p], "row " + i + ": day");
            assertEquals(revenue[i], rows.revenue()[p], "row " + i + ": revenue");
            assertEquals(i % 7, rows.amount()[p], "row " + i + ": units");
        }
    }

    @Example
    void theRowsAreSortedOnceAndARowAfterThatMakesTheCaptureGiveUp() {
        PurchaseCapture capture = new PurchaseCapture();
        for (int i = 0; i < 1_000; i++) {
            capture.add((long) (i % 100), 19_000L + i % 30, 1.0, 1L, "o" + i);
        }
        TableLoader.Built<PurchaseRows> sorted = capture.rows(100);
        assertEquals(100, sorted.rows().layout().keys());
        assertTrue(sorted == capture.rows(100), "sorted once, shared by the metrics and the stored columns");
        assertEquals(null, capture.rows(101));
        capture.add(1L, 19_000L, 1.0, 1L, "late");
        assertFalse(capture.usable());
        assertEquals(null, capture.rows(100));
    }

    /**
     * The metrics table filled from the captured orders holds exactly what {@link MetricsSql} computes from the
     * rows, storage classes included; so does the as-of change computed from the order columns.
     */
    private static void assertMetricsAsSql(Workspace ws, String what) throws SQLException {
        Connection c = ws.connection();
        MetricsSql.fillTemporaryTable(c, "expected_metrics", ws.asOf());
        assertEquals(metricRows(c, "temp.expected_metrics"), metricRows(c, "main.metrics"), what + ": metrics");
        LocalDate other = ws.asOf().minusDays(40);
        MetricsSql.fillTemporaryTable(c, "expected_metrics", other);
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS temp.column_metrics");
            st.execute("CREATE TEMP TABLE column_metrics(" + MetricsSql.COLUMN_DEFINITIONS + ")");
        }
        assertTrue(ColumnMetrics.of(ws, Cancellation.none()).fill(c, "column_metrics", other),
                what + ": the order columns are at hand");
        assertEquals(metricRows(c, "temp.expected_metrics"), metricRows(c, "temp.column_metrics"),
                what + ": metrics as of " + other);
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE temp.column_metrics");
            st.execute("DROP TABLE temp.expected_metrics");
        }
    }

    private static List<String> metricRows(Connection c, String table) throws SQLException {
        String[] names = MetricsSql.COLUMNS.split(",\\s*");
        StringBuilder select = new StringBuilder("SELECT ");
        for (String name : names) {
            select.append("typeof(").append(name).append(") || ':' || quote(").append(name).append("), ");
        }
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(select.append("1 FROM ").append(table).append(" ORDER BY ck").toString())) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= names.length; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static void assertSameAsTheRows(Workspace ws, PurchaseRows held, String what) {
        TableLoader.Built<PurchaseRows> read;
        int size = ColumnStore.of(ws).at(ws.dataVersion()).keys(Cancellation.none()).size();
        try (ColumnReader reader = new ColumnReader(ws, ws.dataVersion(), Cancellation.none())) {
            read = TableLoader.purchases(reader, "orders", false, size);
        }
        PurchaseRows rows = read.rows();
        assertArrayEquals(rows.layout().starts(), held.layout().starts(), what + ": layout");
        assertArrayEquals(rows.day(), held.day(), what + ": days");
        assertArrayEquals(rows.revenue(), held.revenue(), what + ": revenue");
        assertArrayEquals(rows.amount(), held.amount(), what + ": units");
        assertArrayEquals(rows.order(), held.order(), what + ": order numbers");
        assertEquals(rows.mostOrders(), held.mostOrders(), what + ": most orders");
        assertEquals(rows.regularDates(), held.regularDates(), what + ": regular dates");
        int[] position = ColumnStore.of(ws).at(ws.dataVersion()).storedPositions("orders");
        assertArrayEquals(read.position(), position, what + ": positions");
    }

    private static void writeCustomers(Path csv, Random r) throws IOException {
        try (Writer w = Files.newBufferedWriter(csv); CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            out.printRecord("customer_id");
            for (int i = 0; i < 30; i++) {
                out.printRecord("c" + ((i * 7 + r.nextInt(3)) % 40));
            }
        }
    }

    private static void writeOrders(Path csv, Random r) throws IOException {
        try (Writer w = Files.newBufferedWriter(csv); CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            out.printRecord("order_id", "customer_id", "order_date", "revenue", "units");
            int rows = 1 + r.nextInt(150);
            for (int i = 0; i < rows; i++) {
                String id = r.nextInt(10) == 0 ? "" : "o" + r.nextInt(60);
                String customer = r.nextInt(12) == 0 ? "" : "c" + r.nextInt(45);
                String date = r.nextInt(10) == 0 ? "" : START.plusDays(r.nextInt(r.nextBoolean() ? 5 : 500)).toString();
                String revenue = switch (r.nextInt(6)) {
                    case 0 -> "";
                    case 1 -> Integer.toString(r.nextInt(200) - 20);
                    case 2 -> "-0";
                    default -> Double.toString(r.nextInt(100_000) / 100.0);
                };
                String units = r.nextInt(4) == 0 ? "" : Integer.toString(r.nextInt(5));
                out.printRecord(id, customer, date, revenue, units);
            }
        }
    }
}
