package org.segmint.persistence.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.CancelledException;
import org.segmint.model.task.Progress;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

class DemoGeneratorTest {
    private static final int CUSTOMERS = 3000;

    @TempDir
    static Path shared;
    static Path demo;
    static DemoSummary summary;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateOnce() {
        demo = shared.resolve("demo.segmint");
        summary = DemoGenerator.generate(demo, DemoConfig.of(CUSTOMERS, 11), Progress.NONE, Cancellation.none());
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() throws Exception {
        Path a = dir.resolve("a.segmint");
        Path b = dir.resolve("b.segmint");
        Path c = dir.resolve("c.segmint");
        DemoGenerator.generate(a, DemoConfig.of(200, 5), Progress.NONE, Cancellation.none());
        DemoGenerator.generate(b, DemoConfig.of(200, 5), Progress.NONE, Cancellation.none());
        DemoGenerator.generate(c, DemoConfig.of(200, 6), Progress.NONE, Cancellation.none());
        assertEquals(digest(a), digest(b));
        assertNotEquals(digest(a), digest(c));
    }

    @Test
    void summaryMatchesTheTablesAndTheShapeIsAboutTenOrdersThirtyItemsTwentyEventsPerCustomer() throws Exception {
        try (Workspace ws = Workspace.open(demo)) {
            assertEquals(CUSTOMERS, summary.customers());
            assertEquals(CUSTOMERS, ws.rowCount("customers"));
            assertEquals(summary.orders(), ws.rowCount("orders"));
            assertEquals(summary.orderItems(), ws.rowCount("order_items"));
            assertEquals(summary.events(), ws.rowCount("events"));
            assertBetween(8.5, 11.5, summary.orders() / (double) CUSTOMERS, "orders per customer");
            assertBetween(2.7, 3.3, summary.orderItems() / (double) summary.orders(), "items per order");
            assertBetween(17, 23, summary.events() / (double) CUSTOMERS, "events per customer");
            assertBetween(0.10, 0.20, number(ws, "SELECT avg(orders = 0) FROM metrics"), "share of prospects");
            assertBetween(0.40, 0.65, number(ws, "SELECT avg(orders BETWEEN 1 AND 6) FROM metrics"), "light buyers");
            assertBetween(0.05, 0.15, number(ws, "SELECT avg(orders > 24) FROM metrics"), "heavy buyers");
            assertBetween(2.1, 2.5, number(ws, "SELECT count(*) * 1.0 / count(DISTINCT household_id) FROM customers"),
                    "customers per household");
            assertBetween(0.05, 0.15, number(ws, "SELECT avg(email IS NULL) FROM customers"), "missing emails");
        }
    }

    @Test
    void valuesComeFromTheDocumentedSets() throws Exception {
        try (Workspace ws = Workspace.open(demo)) {
            assertEquals(Set.of("F", "M", "null"), Set.copyOf(strings(ws, "SELECT DISTINCT gender FROM customers")));
            assertEquals(Set.of("bronze", "silver", "gold", "platinum"),
                    Set.copyOf(strings(ws, "SELECT DISTINCT loyalty_tier FROM customers")));
            assertEquals(Set.of("web", "store", "app"), Set.copyOf(strings(ws, "SELECT DISTINCT channel FROM orders")));
            assertEquals(Set.of(EventWriter.TYPES), Set.copyOf(strings(ws, "SELECT DISTINCT event_type FROM events")));
            assertEquals(Set.of("0", "1"), Set.copyOf(strings(ws,
                    "SELECT email_opt_in FROM customers UNION SELECT sms_opt_in FROM customers"
                            + " UNION SELECT has_children FROM customers")));
            assertEquals(ProductCatalog.CATEGORIES.size(), strings(ws, "SELECT DISTINCT category FROM order_items").size());
            assertEquals(10, strings(ws, "SELECT DISTINCT country FROM customers").size());
            assertEquals(List.of("0"), strings(ws, "SELECT count(*) FROM customers WHERE email_opt_in = 1 AND email IS NULL"));
            assertEquals(List.of("0"), strings(ws,
                    "SELECT count(*) FROM events WHERE (event_type IN ('email_open', 'email_click', 'unsubscribe'))"
                            + " <> (campaign IS NOT NULL)"));
            assertEquals(FieldType.DATE, ws.catalog().field("customers.birth_date").orElseThrow().type());
            assertEquals(FieldType.BOOLEAN, ws.catalog().field("customers.sms_opt_in").orElseThrow().type());
            assertEquals("SMS opt-in", ws.catalog().field("customers.sms_opt_in").orElseThrow().label());
            assertEquals("Category", ws.catalog().field("order_items.category").orElseThrow().label());
            assertEquals(FieldType.TEXT, ws.catalog().field("events.campaign").orElseThrow().type());
        }
    }

    @Test
    void ordersAgreeWithTheirItemsAndEverythingEndsOnTheEndDate() throws Exception {
        long end = DemoConfig.DEFAULT_END_DATE.toEpochDay();
        try (Workspace ws = Workspace.open(demo)) {
            assertEquals(List.of("0"), strings(ws, "SELECT count(*) FROM orders o JOIN (SELECT order_id,"
                    + " sum(revenue) r, sum(quantity) q, count(DISTINCT order_date) d, min(order_date) day,"
                    + " min(ck) ck FROM order_items GROUP BY order_id) i USING (order_id)"
                    + " WHERE abs(o.revenue - i.r) > 0.005 OR o.units <> i.q OR i.d <> 1 OR i.day <> o.order_date"
                    + " OR i.ck <> o.ck"));
            assertEquals(List.of("0"), strings(ws, "SELECT count(*) FROM order_items WHERE abs(revenue - quantity"
                    + " * unit_price) > 0.005"));
            assertEquals(List.of("0"), strings(ws, "SELECT count(*) FROM orders o LEFT JOIN customers c"
                    + " ON c.ck = o.ck WHERE c.customer_id IS NOT o.customer_id"));
            assertEquals(List.of("0"), strings(ws, "SELECT count(*) FROM events e LEFT JOIN customers c"
                    + " ON c.ck = e.ck WHERE c.customer_id IS NOT e.customer_id"));
            assertEquals(List.of("0"), strings(ws, "SELECT count(*) FROM orders o JOIN customers c USING (ck)"
                    + " WHERE o.order_date < c.signup_date"));
            assertEquals(List.of(Long.toString(end)), strings(ws, "SELECT max(order_date) FROM orders"));
            assertTrue(number(ws, "SELECT max(event_time) FROM events") < (end + 1) * 86_400);
            assertEquals(DemoConfig.DEFAULT_END_DATE, ws.asOf());
        }
    }

    @Test
    void ordersPeakInNovemberAndDecember() throws Exception {
        try (Workspace ws = Workspace.open(demo)) {
            double peak = number(ws, "SELECT avg(CAST(strftime('%m', order_date * 86400, 'unixepoch') AS INTEGER)"
                    + " IN (11, 12)) FROM orders");
            // Two months of twelve would be 17% without seasonality.
            assertBetween(0.20, 0.35, peak, "share of orders in November and December");
        }
    }

    @Test
    void metricsAreConsistentWithOrders() throws Exception {
        try (Workspace ws = Workspace.open(demo)) {
            assertEquals(DemoConfig.DEFAULT_END_DATE.toString(), ws.setting(DerivedData.METRICS_AS_OF).orElseThrow());
            assertEquals(List.of(Integer.toString(CUSTOMERS)), strings(ws, "SELECT count(*) FROM metrics"));
            assertEquals(List.of("0"), strings(ws, "SELECT count(*) FROM metrics m LEFT JOIN (SELECT ck,"
                    + " count(*) n, sum(revenue) r, max(order_date) l FROM orders GROUP BY ck) o USING (ck)"
                    + " WHERE m.orders <> coalesce(o.n, 0) OR abs(m.revenue - coalesce(o.r, 0)) > 0.01"
                    + " OR m.last_order_date IS NOT o.l OR (m.lifecycle = 'prospect') <> (o.n IS NULL)"));
            assertEquals(Set.of("prospect", "active", "cooling down", "at risk", "lapsed"),
                    Set.copyOf(strings(ws, "SELECT DISTINCT lifecycle FROM metrics")));
        }
    }

    @Test
    void queryClassesOfTheBenchmarkSelectARealisticShare() throws Exception {
        long end = DemoConfig.DEFAULT_END_DATE.toEpochDay();
        long from30 = (end - 29) * 86_400;
        try (Workspace ws = Workspace.open(demo)) {
            assertBetween(0.15, 0.35, number(ws, "SELECT avg(loyalty_tier IN ('gold', 'platinum')) FROM customers"),
                    "gold or platinum");
            double laptop = number(ws, "SELECT count(DISTINCT ck) * 1.0 / " + CUSTOMERS
                    + " FROM events WHERE event_type = 'click_laptop' AND event_time >= " + from30);
            assertBetween(0.05, 0.40, laptop, "clicked a laptop in the last 30 days");
            double laptopsBought = number(ws, "SELECT count(DISTINCT ck) * 1.0 / " + CUSTOMERS
                    + " FROM order_items WHERE category = 'Laptops' AND order_date > " + (end - 91));
            assertBetween(0.01, 0.30, laptopsBought, "bought a laptop in the last 3 months");
        }
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("taken.segmint");
        Files.writeString(file, "mine");
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> DemoGenerator.generate(file, DemoConfig.of(10, 1), Progress.NONE, Cancellation.none()));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void cancellingStopsTheGenerationAndRemovesThePartialFile() {
        Path file = dir.resolve("cancelled.segmint");
        Cancellation cancellation = new Cancellation();
        AtomicInteger updates = new AtomicInteger();
        Progress progress = (done, total, message) -> {
            assertTrue(done <= total);
            if (updates.incrementAndGet() == 2) {
                cancellation.cancel();
            }
        };
        assertThrows(CancelledException.class,
                () -> DemoGenerator.generate(file, DemoConfig.of(5_000, 1), progress, cancellation));
        assertFalse(Files.exists(file));
    }

    @Test
    void theWorkspaceAppearsUnderItsNameOnlyWhenCompleteAndALeftoverFromAKilledRunDoesNotBlockIt() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("launch"));
        Path file = sub.resolve("first-launch.segmint");
        Path leftover = sub.resolve(".first-launch.segmint.1234.creating");
        Files.writeString(leftover, "left by a generation that was killed");
        Progress progress = (done, total, message) -> assertFalse(Files.exists(file), "visible before complete");
        DemoSummary summary = DemoGenerator.generate(file, DemoConfig.of(300, 3), progress, Cancellation.none());
        try (var files = Files.list(sub)) {
            assertEquals(java.util.Set.of(file, leftover), files.collect(java.util.stream.Collectors.toSet()),
                    "the generation's own temporary files are gone");
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(summary.customers(), ws.rowCount("customers"));
            assertEquals(300, ws.rowCount("customers"));
        }
    }

    @Test
    void theCustomerCountIsChecked() {
        assertThrows(WorkspaceException.class, () -> DemoConfig.of(0, 1));
    }

    private static void assertBetween(double low, double high, double actual, String what) {
        assertTrue(actual >= low && actual <= high, what + " = " + actual + ", expected " + low + ".." + high);
    }

    private static double number(Workspace ws, String sql) throws SQLException {
        try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.getDouble(1);
        }
    }

    private static List<String> strings(Workspace ws, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(String.valueOf(rs.getString(1)));
            }
        }
        return out;
    }

    /** A digest of every row of every table (data, catalog and settings) in storage order. */
    private static String digest(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Workspace ws = Workspace.open(file); Statement st = ws.connection().createStatement()) {
            List<String> tables = new ArrayList<>();
            // The stored columns (sg_column_*) are a cache of the data, written on two threads in either order.
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'sg_column_%' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            md.update(String.valueOf(rs.getString(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                            md.update((byte) 0);
                        }
                    }
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
