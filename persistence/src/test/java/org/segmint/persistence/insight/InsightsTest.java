package org.segmint.persistence.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.DateRange;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.Workspace;

class InsightsTest {
    private static final double EPS = 1e-9;
    private static final String MEMBERS_SQL = "SELECT ck, customer_id FROM customers WHERE ck IN (1, 2, 3)";

    @TempDir
    Path dir;

    @Test
    void summaryOfASegmentCountsOnlyItsMembersOrdersInTheTwelveMonthWindow() throws Exception {
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            InsightSummary s = new Insights(ws).summary(RoaringBitmap.bitmapOf(1, 2, 3), InsightFixture.AS_OF,
                    MEMBERS_SQL, Cancellation.none());
            assertEquals(new DateRange(LocalDate.of(2010, 12, 10), InsightFixture.AS_OF), s.window());
            assertEquals(3, s.customers());
            assertEquals(2, s.activeCustomers());
            assertEquals(190, s.revenue12m(), EPS);
            RevenueTree t = s.revenueTree();
            assertEquals(190, t.netRevenue(), EPS);
            assertEquals(2, t.purchasers());
            assertEquals(3, t.orders());
            assertEquals(7, t.units(), EPS);
            assertEquals(95, t.revenuePerCustomer(), EPS);
            assertEquals(1.5, t.ordersPerCustomer(), EPS);
            assertEquals(190.0 / 3, t.averageOrderValue(), EPS);
            assertEquals(7.0 / 3, t.unitsPerTransaction(), EPS);
            assertEquals(190.0 / 7, t.averageUnitRevenue(), EPS);
        }
    }

    @Test
    void reachabilityReadsTheCustomerColumnsAndOptInsGivenAsText() throws Exception {
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            Reachability r = new Insights(ws).summary(RoaringBitmap.bitmapOf(1, 2, 3), InsightFixture.AS_OF,
                    MEMBERS_SQL, Cancellation.none()).reachability();
            assertEquals("customers.email", r.email().column());
            assertEquals(2, r.email().count());
            assertEquals(2.0 / 3, r.email().share(), EPS);
            assertEquals(2, r.emailOptIn().count());
            assertEquals(1, r.phone().count());
            assertEquals("customers.postal_code", r.postalAddress().column());
            assertEquals(1, r.postalAddress().count());
        }
    }

    @Test
    void aChannelWithoutAColumnIsNotAvailable() throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve("b.segmint"))) {
            Reachability r = new Insights(ws).baseline(InsightFixture.AS_OF, Cancellation.none()).reachability();
            assertFalse(r.email().available());
            assertNull(r.email().share());
            assertNull(r.phone().count());
        }
    }

    @Test
    void monthlyRevenueCoversTheTwentyFourMonthsEndingWithTheAsOfMonth() throws Exception {
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            List<MonthRevenue> m = new Insights(ws).summary(RoaringBitmap.bitmapOf(1, 2, 3, 4), InsightFixture.AS_OF,
                    null, Cancellation.none()).monthlyRevenue();
            assertEquals(24, m.size());
            assertEquals(YearMonth.of(2010, 1), m.get(0).month());
            assertEquals(YearMonth.of(2011, 12), m.get(23).month());
            assertEquals(1050, m.get(11).revenue(), EPS);
            assertEquals(40, m.get(17).revenue(), EPS);
            assertEquals(100, m.get(23).revenue(), EPS);
            assertEquals(1190, m.stream().mapToDouble(MonthRevenue::revenue).sum(), EPS);
        }
    }

    @Test
    void baselineCoversEveryCustomerAndIgnoresOrphanOrders() throws Exception {
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            InsightSummary b = new Insights(ws).baseline(InsightFixture.AS_OF, Cancellation.none());
            assertEquals(5, b.customers());
            assertEquals(2, b.activeCustomers());
            assertEquals(190, b.revenue12m(), EPS);
        }
    }

    @Test
    void noMembersGiveAnEmptyTree() throws Exception {
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            InsightSummary s = new Insights(ws).summary(new RoaringBitmap(), InsightFixture.AS_OF, null,
                    Cancellation.none());
            assertEquals(0, s.customers());
            assertEquals(RevenueTree.EMPTY, s.revenueTree());
            assertEquals(0.0, s.reachability().email().share());
        }
    }

    @Test
    void newDataIsSeenAfterTheDataVersionChanges() throws Exception {
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            Insights insights = new Insights(ws);
            RoaringBitmap members = RoaringBitmap.bitmapOf(5);
            assertEquals(0, insights.summary(members, InsightFixture.AS_OF, null, Cancellation.none()).customers()
                    - 1);
            InsightFixture.order(ws, "o8", 5, "2011-11-11", 12.5, 1);
            assertEquals(0, insights.summary(members, InsightFixture.AS_OF, null, Cancellation.none()).revenue12m());
            ws.bumpDataVersion();
            assertEquals(12.5, insights.summary(members, InsightFixture.AS_OF, null, Cancellation.none())
                    .revenue12m(), EPS);
        }
    }

    @Test
    void theViewSqlOfEachStatisticComputesTheSameNumber() throws Exception {
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            InsightSummary s = new Insights(ws).summary(RoaringBitmap.bitmapOf(1, 2, 3), InsightFixture.AS_OF,
                    MEMBERS_SQL, Cancellation.none());
            try (Statement st = ws.connection().createStatement()) {
                assertEquals(3, single(st, s.sql().get("customers")), EPS);
                assertEquals(2, single(st, s.sql().get("activeCustomers")), EPS);
                assertEquals(190, single(st, s.sql().get("revenue12m")), EPS);
                try (ResultSet rs = st.executeQuery(s.sql().get("revenueTree"))) {
                    assertTrue(rs.next());
                    RevenueTree t = s.revenueTree();
                    assertEquals(t.netRevenue(), rs.getDouble("net_revenue"), EPS);
                    assertEquals(t.purchasers(), rs.getLong("purchasers"));
                    assertEquals(t.revenuePerCustomer(), rs.getDouble("revenue_per_customer"), EPS);
                    assertEquals(t.ordersPerCustomer(), rs.getDouble("orders_per_customer"), EPS);
                    assertEquals(t.averageOrderValue(), rs.getDouble("average_order_value"), EPS);
                    assertEquals(t.unitsPerTransaction(), rs.getDouble("units_per_transaction"), EPS);
                    assertEquals(t.averageUnitRevenue(), rs.getDouble("average_unit_revenue"), EPS);
                }
                try (ResultSet rs = st.executeQuery(s.sql().get("reachability"))) {
                    assertTrue(rs.next());
                    assertEquals(s.reachability().email().share(), rs.getDouble("email_share"), EPS);
                    assertEquals(s.reachability().emailOptIn().share(), rs.getDouble("email_opt_in_share"), EPS);
                    assertEquals(s.reachability().phone().share(), rs.getDouble("phone_share"), EPS);
                    assertEquals(s.reachability().postalAddress().share(), rs.getDouble("postal_address_share"), EPS);
                }
                try (ResultSet rs = st.executeQuery(s.sql().get("monthlyRevenue"))) {
                    int rows = 0;
                    while (rs.next()) {
                        YearMonth month = YearMonth.parse(rs.getString("month"));
                        double expected = s.monthlyRevenue().stream().filter(m -> m.month().equals(month))
                                .findFirst().orElseThrow().revenue();
                        assertEquals(expected, rs.getDouble("revenue"), EPS);
                        rows++;
                    }
                    assertEquals(3, rows);
                }
            }
        }
    }

    private static double single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getDouble(1);
        }
    }
}
