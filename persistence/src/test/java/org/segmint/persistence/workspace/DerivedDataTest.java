package org.segmint.persistence.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.task.Progress;

class DerivedDataTest {
    private static final LocalDate AS_OF = LocalDate.of(2011, 12, 9);

    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.create(dir.resolve("d.segmint"));
        ws.setAsOfSetting(new AsOfSetting(AsOfSetting.Mode.FIXED, AS_OF));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void ordersItemsAndEventsAreRelinkedToCustomersAndUnknownOnesBecomeOrphans() throws Exception {
        exec("INSERT INTO customers(ck, customer_id) VALUES (1, 'c1'), (2, 'c2')");
        exec("INSERT INTO orders(order_id, ck, customer_id, order_date) VALUES ('o1', 99, 'c1', ?),"
                + " ('o2', NULL, 'c2', ?), ('o3', 2, 'x', ?)", day(AS_OF), day(AS_OF), day(AS_OF));
        exec("INSERT INTO order_items(order_id, ck, customer_id, quantity) VALUES ('o1', NULL, 'c1', 1),"
                + " ('o3', 1, 'x', 1)");
        exec("INSERT INTO events(ck, customer_id, event_type, event_time) VALUES (NULL, 'c2', 'page_view', 0),"
                + " (2, 'nobody', 'page_view', 0), (1, 'c1', 'page_view', 0)");

        DerivedData.refresh(ws, Progress.NONE);

        assertEquals(List.of("o1=1", "o2=2", "o3=null"), pairs("SELECT order_id, ck FROM orders ORDER BY order_id"));
        assertEquals(List.of("c1=1", "x=null"), pairs("SELECT customer_id, ck FROM order_items ORDER BY customer_id"));
        assertEquals(List.of("c1=1", "c2=2", "nobody=null"),
                pairs("SELECT customer_id, ck FROM events ORDER BY customer_id"));

        exec("DELETE FROM customers WHERE customer_id = 'c2'");
        exec("INSERT INTO customers(ck, customer_id) VALUES (3, 'x')");
        DerivedData.refresh(ws, Progress.NONE);
        assertEquals(List.of("o1=1", "o2=null", "o3=3"), pairs("SELECT order_id, ck FROM orders ORDER BY order_id"));
        assertEquals(List.of("c1=1", "c2=null", "nobody=null"),
                pairs("SELECT customer_id, ck FROM events ORDER BY customer_id"));
    }

    @Test
    void itemsGetCustomerDateAndRevenueFromTheirOrderAndOrdersGetUnits() throws Exception {
        exec("INSERT INTO customers(ck, customer_id) VALUES (1, 'c1')");
        long d = day(AS_OF.minusDays(3));
        exec("INSERT INTO orders(order_id, customer_id, order_date, revenue, units) VALUES"
                + " ('o1', 'c1', ?, 20, NULL), ('o2', 'c1', ?, 5, 9)", d, d);
        exec("INSERT INTO order_items(order_id, customer_id, order_date, product_id, quantity, unit_price, revenue)"
                + " VALUES ('o1', NULL, NULL, 'p1', 2, 3.5, NULL), ('o1', '', NULL, 'p2', 1, 10, 9.5),"
                + " ('o2', 'c1', ?, 'p3', 4, 1, NULL), ('o9', NULL, NULL, 'p4', 1, NULL, NULL)", d - 1);

        DerivedData.refresh(ws, Progress.NONE);

        assertEquals(List.of("p1|c1|1|" + d + "|7.0", "p2|c1|1|" + d + "|9.5", "p3|c1|1|" + (d - 1) + "|4.0",
                        "p4|null|null|null|null"),
                rows("SELECT product_id, customer_id, ck, order_date, revenue FROM order_items ORDER BY product_id"));
        // o1 had no units: sum of its items' quantity; o2 keeps the imported 9.
        assertEquals(List.of("o1=3.0", "o2=9.0"), pairs("SELECT order_id, units FROM orders ORDER BY order_id"));
    }

    @Test
    void itemOnlyDataDerivesOneOrderPerOrderId() throws Exception {
        exec("INSERT INTO customers(ck, customer_id) VALUES (1, 'c1'), (2, 'c2')");
        long d = day(AS_OF.minusDays(10));
        exec("INSERT INTO order_items(order_id, customer_id, order_date, product_id, quantity, unit_price, revenue)"
                + " VALUES ('a', 'c1', ?, 'p1', 2, 5, NULL), ('a', 'c1', ?, 'p2', 1, 3, NULL),"
                + " ('b', 'c2', ?, 'p1', 3, 2, 5.5), ('c', 'zz', ?, 'p1', 1, 1, NULL),"
                + " (NULL, 'c1', ?, 'p9', 1, 1, NULL)", d + 1, d, d, d, d);

        DerivedData.refresh(ws, Progress.NONE);

        assertEquals(List.of("a|c1|1|" + d + "|13.0|3.0", "b|c2|2|" + d + "|5.5|3.0", "c|zz|null|" + d + "|1.0|1.0"),
                rows("SELECT order_id, customer_id, ck, order_date, revenue, units FROM orders ORDER BY order_id"));
        assertEquals(List.of("1|1|13.0", "2|1|5.5"), rows("SELECT ck, orders, revenue FROM metrics ORDER BY ck"));
    }

    @Test
    void onlyTheIndexesTheEngineStillNeedsAreCreatedOnce() throws Exception {
        DerivedData.refresh(ws, Progress.NONE);
        List<String> names = indexNames();
        // no sort of every order by customer: the metrics of large loads come from the order columns
        assertEquals(List.of("ix_events_orphans", "ix_order_items_orphans", "ix_orders_orphans"),
                names.stream().sorted().toList());
        assertEquals("CREATE INDEX ix_orders_orphans ON \"orders\"(customer_id) WHERE ck IS NULL",
                rows("SELECT sql FROM sqlite_master WHERE name = 'ix_orders_orphans'").get(0));

        ws.addColumn("order_items", "category", org.segmint.model.catalog.FieldType.TEXT, "Category");
        exec("INSERT INTO order_items(order_id, quantity) VALUES ('x', 1)");
        DerivedData.refresh(ws, Progress.NONE);
        List<String> again = indexNames();
        // items are joined to their orders by id; the column engine serves item, event and window conditions
        assertTrue(again.contains("ix_orders_order_id"), again.toString());
        assertFalse(again.contains("ix_order_items_category") || again.contains("ix_orders_date_ck")
                || again.contains("ix_events_type_time_ck"), again.toString());
        assertEquals(names.size() + 1, again.size());
    }

    @Test
    void removedEventsAreReadAgainOnlyWhenTheyMayHaveHeldTheLatestDate() throws Exception {
        long d = LocalDate.of(2024, 3, 1).toEpochDay();
        exec("INSERT INTO events(customer_id, event_type, event_time) VALUES ('c1', 'visit', " + d * 86400 + ")");
        DerivedData.refresh(ws, Progress.NONE);
        // A stored date no event has: a read of the table would replace it, so it shows whether one happened.
        ws.setSetting(LatestDates.EVENTS, Long.toString(d + 50));
        LatestDates.eventsRemoved(ws, d + 49);
        LatestDates.eventsRemoved(ws, null);
        assertEquals(Optional.of(Long.toString(d + 50)), ws.setting(LatestDates.EVENTS));
        LatestDates.eventsRemoved(ws, d + 50);
        assertEquals(Optional.of(Long.toString(d)), ws.setting(LatestDates.EVENTS));
    }

    @Test
    void theLatestDateIsKeptByTheRefreshAndFollowsAppendsReplacesAndUpserts() throws Exception {
        long d = LocalDate.of(2024, 3, 1).toEpochDay();
        exec("INSERT INTO orders(order_id, customer_id, order_date, revenue) VALUES ('a', 'c1', " + d + ", 1)");
        exec("INSERT INTO events(customer_id, event_type, event_time) VALUES ('c1', 'visit', "
                + (d + 10) * 86400 + ")");
        DerivedData.refresh(ws, Progress.NONE);
        assertEquals(List.of(Long.toString(d), Long.toString(d + 10)), rows("SELECT value FROM sg_meta WHERE key"
                + " IN ('latest_order_day', 'latest_event_day') ORDER BY key DESC"));
        assertEquals(LocalDate.ofEpochDay(d + 10), ws.latestDateInData().orElseThrow());

        // An append of orders only reads the new rows; events keep their value.
        long rowid = Long.parseLong(rows("SELECT max(rowid) FROM orders").get(0));
        exec("INSERT INTO orders(order_id, customer_id, order_date, revenue) VALUES ('b', 'c1', " + (d + 20) + ", 1)");
        DerivedData.refresh(ws, DataChange.added("orders", rowid, java.util.Set.of()), Progress.NONE);
        assertEquals(LocalDate.ofEpochDay(d + 20), ws.latestDateInData().orElseThrow());

        // An upsert can delete the latest row (of a customer-less row too, which no key names): the table is read.
        exec("DELETE FROM orders WHERE order_id = 'b'");
        DerivedData.refresh(ws, DataChange.upserted("orders", rowid, java.util.Set.of()), Progress.NONE);
        assertEquals(LocalDate.ofEpochDay(d + 10), ws.latestDateInData().orElseThrow());

        // A replace that empties events leaves the orders' date.
        exec("DELETE FROM events");
        DerivedData.refresh(ws, DataChange.replaced("events", java.util.Set.of()), Progress.NONE);
        assertEquals(LocalDate.ofEpochDay(d), ws.latestDateInData().orElseThrow());
        exec("DELETE FROM orders");
        DerivedData.refresh(ws, DataChange.replaced("orders", java.util.Set.of()), Progress.NONE);
        assertTrue(ws.latestDateInData().isEmpty());

        // A workspace without the stored values (written before they were kept) is scanned.
        exec("INSERT INTO orders(order_id, customer_id, order_date, revenue) VALUES ('c', 'c1', " + (d + 5) + ", 1)");
        exec("DELETE FROM sg_meta WHERE key = 'latest_event_day'");
        assertEquals(LocalDate.ofEpochDay(d + 5), ws.latestDateInData().orElseThrow());
    }

    @Test
    void metricsCountOrdersUpToTheAsOfDateWithTheTwelveMonthWindowInclusive() throws Exception {
        exec("INSERT INTO customers(ck, customer_id) VALUES (1, 'c1'), (2, 'c2')");
        // 2010-12-10 is the first day of the 12 months ending 2011-12-09; 2010-12-09 is outside.
        exec("INSERT INTO orders(order_id, customer_id, order_date, revenue) VALUES"
                + " ('o1', 'c1', ?, 100), ('o2', 'c1', ?, 50), ('o3', 'c1', ?, 30), ('o3', 'c1', ?, 20),"
                + " (NULL, 'c1', ?, 7), (NULL, 'c1', ?, 3), ('o9', 'c1', ?, 1000), ('o10', 'c1', NULL, 1000)",
                day(LocalDate.of(2010, 12, 9)), day(LocalDate.of(2010, 12, 10)), day(AS_OF), day(AS_OF),
                day(AS_OF.minusDays(5)), day(AS_OF.minusDays(5)), day(AS_OF.plusDays(1)));

        DerivedData.refresh(ws, Progress.NONE);

        // orders: o1, o2, o3 (two rows, one order), two orders without id = 5; revenue 210.
        assertEquals(List.of("1|" + day(LocalDate.of(2010, 12, 9)) + "|" + day(AS_OF) + "|5|210.0|4|110.0|42.0|0|active",
                        "2|null|null|0|0.0|0|0.0|null|null|prospect"),
                rows("SELECT " + MetricsSql.COLUMNS + " FROM metrics ORDER BY ck"));
        assertEquals(AS_OF.toString(), ws.setting(DerivedData.METRICS_AS_OF).orElseThrow());
        assertEquals(LocalDate.of(2010, 12, 10), MetricsSql.windowStart(AS_OF));
    }

    @Test
    void lifecycleOfOneDayBuyersUsesTheDefaultGapWithInclusiveBounds() throws Exception {
        int[] recency = {0, 135, 136, 270, 271, 360, 361};
        for (int i = 0; i < recency.length; i++) {
            exec("INSERT INTO customers(ck, customer_id) VALUES (?, ?)", i + 1, "c" + i);
            exec("INSERT INTO orders(order_id, customer_id, order_date, revenue) VALUES (?, ?, ?, 1)",
                    "o" + i, "c" + i, day(AS_OF.minusDays(recency[i])));
        }
        DerivedData.refresh(ws, Progress.NONE);
        assertEquals(List.of("0|active", "135|active", "136|cooling down", "270|cooling down", "271|at risk",
                        "360|at risk", "361|lapsed"),
                rows("SELECT days_since_last_order, lifecycle FROM metrics ORDER BY ck"));
    }

    @Test
    void lifecycleFollowsTheCustomersOwnRhythmClampedToAWeekAndAYear() throws Exception {
        // c1 buys every 20 days (last 60 days ago = 3 gaps: cooling down, bound inclusive);
        // c2 every 20 days, last 61 days ago (over 3 gaps, at risk);
        // c3 on two consecutive days: gap clamps to 7, last 11 days ago (over 1.5 gaps: cooling down);
        // c4 two orders 1300 days apart: gap clamps to 365, last 600 days ago (over 1.5 gaps: cooling down).
        addOrders(1, 100, 80, 60);
        addOrders(2, 101, 81, 61);
        addOrders(3, 12, 11);
        addOrders(4, 1900, 600);
        DerivedData.refresh(ws, Progress.NONE);
        assertEquals(List.of("1|cooling down", "2|at risk", "3|cooling down", "4|cooling down"),
                rows("SELECT ck, lifecycle FROM metrics ORDER BY ck"));
    }

    @Test
    void metricsForAnotherAsOfGoIntoATemporaryTable() throws Exception {
        addOrders(1, 400, 10);
        DerivedData.refresh(ws, Progress.NONE);
        int rows = MetricsSql.fillTemporaryTable(ws.connection(), "m_other", AS_OF.minusDays(100));
        assertEquals(1, rows);
        assertEquals(List.of("1|1|300|at risk"), rows("SELECT ck, orders, days_since_last_order, lifecycle FROM m_other"));
        assertEquals(List.of("1|2|10"), rows("SELECT ck, orders, days_since_last_order FROM metrics"));
    }

    @Test
    void refreshAnalysesBumpsTheDataVersionAndReportsProgress() throws Exception {
        addOrders(1, 5);
        long before = ws.dataVersion();
        List<Long> done = new ArrayList<>();
        DerivedData.refresh(ws, (d, total, message) -> done.add(d));
        assertEquals(before + 1, ws.dataVersion());
        assertFalse(rows("SELECT tbl FROM sqlite_stat1 WHERE tbl = 'orders'").isEmpty());
        assertEquals(0L, done.get(0));
        assertEquals(7L, done.get(done.size() - 1));
    }

    @Test
    void refreshRunsInsideTheCallersTransactionAndRollsBackWithIt() throws Exception {
        addOrders(1, 5);
        long before = ws.dataVersion();
        Connection c = ws.connection();
        c.setAutoCommit(false);
        try {
            DerivedData.refresh(ws, Progress.NONE);
            assertEquals(List.of("1"), rows("SELECT count(*) FROM metrics"));
            c.rollback();
        } finally {
            c.setAutoCommit(true);
        }
        assertEquals(List.of("0"), rows("SELECT count(*) FROM metrics"));
        assertEquals(before, ws.dataVersion());
        assertTrue(indexNames().isEmpty());
        assertTrue(ws.setting(DerivedData.METRICS_AS_OF).isEmpty());
    }

    @Test
    void recomputeMetricsFollowsANewAsOfSetting() throws Exception {
        addOrders(1, 5);
        DerivedData.refresh(ws, Progress.NONE);
        ws.setAsOfSetting(new AsOfSetting(AsOfSetting.Mode.FIXED, AS_OF.plusDays(10)));
        DerivedData.recomputeMetrics(ws);
        assertEquals(List.of("15"), rows("SELECT days_since_last_order FROM metrics"));
        assertEquals(AS_OF.plusDays(10).toString(), ws.setting(DerivedData.METRICS_AS_OF).orElseThrow());
    }

    private void addOrders(int ck, int... daysAgo) throws SQLException {
        exec("INSERT OR IGNORE INTO customers(ck, customer_id) VALUES (?, ?)", ck, "c" + ck);
        for (int i = 0; i < daysAgo.length; i++) {
            exec("INSERT INTO orders(order_id, customer_id, order_date, revenue) VALUES (?, ?, ?, 10)",
                    ck + "-" + i, "c" + ck, day(AS_OF.minusDays(daysAgo[i])));
        }
    }

    private List<String> indexNames() throws SQLException {
        return rows("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix\\_%' ESCAPE '\\'"
                + " ORDER BY name");
    }

    private static long day(LocalDate date) {
        return date.toEpochDay();
    }

    private void exec(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = ws.connection().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private List<String> pairs(String sql) throws SQLException {
        return rows(sql).stream().map(r -> r.replace('|', '=')).toList();
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = ws.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] cells = new String[n];
                for (int i = 0; i < n; i++) {
                    Object v = rs.getObject(i + 1);
                    cells[i] = String.valueOf(v);
                }
                out.add(String.join("|", Arrays.asList(cells)));
            }
        }
        return out;
    }
}
