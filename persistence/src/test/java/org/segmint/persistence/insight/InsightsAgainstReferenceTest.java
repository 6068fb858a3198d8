package org.segmint.persistence.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.compare.OverlapMatrix;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.model.waterfall.WaterfallResult;
import org.segmint.persistence.compare.Comparison;
import org.segmint.persistence.compare.SegmentComparer;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.reference.RandomDefinitions;
import org.segmint.persistence.reference.RandomWorkspaces;
import org.segmint.persistence.reference.ReferenceEvaluator;
import org.segmint.persistence.testdata.Folders;
import org.segmint.persistence.waterfall.ModelRunner;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Workspace;

/**
 * Priority models, overlaps and revenue trees over random definitions on a random workspace. Members come
 * from the reference evaluator (the engine is held equal to it by its own tests), so these properties check
 * the assignment, the overlaps and the sums themselves: first match over the reference's memberships, plain
 * set intersections, and totals computed directly over the order rows.
 */
class InsightsAgainstReferenceTest {
    private static final long SEED = 20_111_209L;
    private static Fixture fixture;

    /** One random workspace shared by every try: building it and the reference's copy is the slow part. */
    private record Fixture(Path dir, Workspace ws, ReferenceEvaluator reference,
                           RandomDefinitions definitions, List<Object[]> orders) {
    }

    private static synchronized Fixture fixture() throws IOException, SQLException {
        if (fixture == null) {
            Path dir = Files.createTempDirectory("segmint-insights");
            Workspace ws = RandomWorkspaces.create(dir.resolve("random.segmint"), SEED);
            // As after an import: derived metrics computed, indexes built, data version moved on.
            DerivedData.refresh(ws, Progress.NONE);
            ws.bumpDataVersion();
            ReferenceEvaluator reference = new ReferenceEvaluator(ws.connection(), InsightsAgainstReferenceTest::saved);
            List<Object[]> orders = new ArrayList<>();
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT ck, order_id, order_date, revenue, units FROM orders")) {
                while (rs.next()) {
                    orders.add(new Object[] {rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getObject(4),
                        rs.getObject(5)});
                }
            }
            fixture = new Fixture(dir, ws, reference, new RandomDefinitions(ws.connection(), Set.of()),
                    orders);
        }
        return fixture;
    }

    private static Optional<Condition> saved(String name) {
        return Optional.ofNullable(RandomDefinitions.SAVED.get(name));
    }

    @AfterContainer
    static void close() throws IOException {
        if (fixture != null) {
            fixture.ws().close();
            Folders.deleteTree(fixture.dir());
            fixture = null;
        }
    }

    record Case(LocalDate asOf, List<Condition> definitions) {
    }

    @Provide
    Arbitrary<Case> cases() throws Exception {
        RandomDefinitions definitions = fixture().definitions();
        return RandomDefinitions.asOfDates().flatMap(asOf -> definitions.definitions(asOf, false)
                .list().ofMinSize(2).ofMaxSize(5).map(list -> new Case(asOf, list)));
    }

    @Property(tries = 15)
    void modelAssignmentIsFirstMatchOverReferenceMemberships(@ForAll("cases") Case c) throws Exception {
        Fixture f = fixture();
        List<RoaringBitmap> reference = referenceMembers(f, c);
        List<ModelEntry> entries = new ArrayList<>();
        for (int i = 0; i < c.definitions().size(); i++) {
            entries.add(ModelEntry.inline("E" + i, c.definitions().get(i)));
        }
        PriorityModel model = new PriorityModel("M", entries, "Rest", Map.of());
        WaterfallResult r = new ModelRunner(new ReferenceMemberships(f.reference()),
                InsightsAgainstReferenceTest::saved)
                .run(model, c.asOf(), Cancellation.none()).result();
        int n = entries.size();
        long[] assigned = new long[n];
        long[][] takenBy = new long[n][n];
        long leftovers = 0;
        for (long ck : f.reference().everyone()) {
            int first = -1;
            for (int i = 0; i < n; i++) {
                if (reference.get(i).contains((int) ck)) {
                    if (first < 0) {
                        first = i;
                        assigned[i]++;
                    } else {
                        takenBy[i][first]++;
                    }
                }
            }
            leftovers += first < 0 ? 1 : 0;
        }
        for (int i = 0; i < n; i++) {
            assertEquals(reference.get(i).getCardinality(), r.entries().get(i).qualifying(), "qualifying " + i);
            assertEquals(assigned[i], r.entries().get(i).assigned(), "assigned " + i);
            for (int j = 0; j < i; j++) {
                assertEquals(takenBy[i][j], (long) r.entries().get(i).takenBy().get(j), "taken from " + i + " by " + j);
            }
        }
        assertEquals(leftovers, r.leftovers().getCardinality());
        assertEquals(f.reference().everyone().size(), r.total());
    }

    @Property(tries = 15)
    void overlapsAreSetIntersectionsOfReferenceMemberships(@ForAll("cases") Case c) throws Exception {
        Fixture f = fixture();
        List<RoaringBitmap> reference = referenceMembers(f, c);
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < c.definitions().size(); i++) {
            segments.add(Segment.of("S" + i, c.definitions().get(i)));
        }
        Comparison comparison = new SegmentComparer(new ReferenceMemberships(f.reference()), new Insights(f.ws()))
                .compare(segments, c.asOf(), Cancellation.none());
        OverlapMatrix m = comparison.overlap();
        int n = segments.size();
        List<Set<Integer>> sets = new ArrayList<>();
        for (RoaringBitmap b : reference) {
            Set<Integer> s = new HashSet<>();
            b.forEach((int k) -> s.add(k));
            sets.add(s);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Set<Integer> both = new HashSet<>(sets.get(i));
                both.retainAll(sets.get(j));
                assertEquals(both.size(), m.overlap(i, j), "overlap " + i + "," + j);
            }
            Set<Integer> unique = new HashSet<>(sets.get(i));
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    unique.removeAll(sets.get(j));
                }
            }
            assertEquals(unique.size(), m.unique(i), "unique " + i);
            RevenueTree expected = directTree(f, reference.get(i), Insights.window(c.asOf()));
            assertEquals(expected.purchasers(), comparison.metrics().get(i).activeCustomers());
            assertEquals(expected.netRevenue(), comparison.metrics().get(i).revenue(), 1e-6);
        }
    }

    /**
     * The summary computed on the columns equals a direct computation over the order and customer rows and the
     * result of each statistic's own SQL statement (run with the SQL engine's View SQL of the members).
     */
    @Property(tries = 15)
    void revenueTreeEqualsADirectComputationOverTheOrders(@ForAll("cases") Case c) throws Exception {
        Fixture f = fixture();
        Condition definition = c.definitions().get(0);
        RoaringBitmap members = f.reference().members(definition, c.asOf());
        String membersSql;
        try (SegmentEngine sql = SegmentEngine.sqlOnly(f.ws(), InsightsAgainstReferenceTest::saved)) {
            membersSql = sql.viewSql(definition, c.asOf());
        }
        InsightSummary s = new Insights(f.ws()).summary(members, c.asOf(), membersSql, Cancellation.none());
        RevenueTree expected = directTree(f, members, Insights.window(c.asOf()));
        RevenueTree t = s.revenueTree();
        assertEquals(members.getCardinality(), s.customers());
        assertEquals(expected.purchasers(), t.purchasers());
        assertEquals(expected.purchasers(), s.activeCustomers());
        assertEquals(expected.orders(), t.orders());
        assertEquals(expected.netRevenue(), t.netRevenue(), 1e-6);
        assertEquals(expected.units(), t.units(), 1e-6);
        assertEquals(expected.netRevenue(), s.revenue12m(), 1e-6);
        double scale = Math.max(1, Math.abs(t.netRevenue()));
        assertEquals(t.netRevenue(), t.purchasers() * t.revenuePerCustomer(), 1e-9 * scale);
        assertEquals(t.revenuePerCustomer(), t.ordersPerCustomer() * t.averageOrderValue(), 1e-9 * scale);
        if (t.units() != 0 || t.netRevenue() == 0) {
            assertEquals(t.averageOrderValue(), t.unitsPerTransaction() * t.averageUnitRevenue(), 1e-9 * scale);
        }
        Map<YearMonth, Double> months = directMonths(f, members, c.asOf());
        assertEquals(24, s.monthlyRevenue().size());
        for (MonthRevenue m : s.monthlyRevenue()) {
            assertEquals(months.getOrDefault(m.month(), 0.0), m.revenue(), 1e-6, "revenue of " + m.month());
        }
        long withEmail = directEmails(f, members);
        assertEquals(withEmail, s.reachability().email().count());
        try (Statement st = f.ws().connection().createStatement()) {
            assertEquals(s.customers(), single(st, s.sql().get("customers")), 1e-9);
            assertEquals(s.activeCustomers(), single(st, s.sql().get("activeCustomers")), 1e-9);
            assertEquals(s.revenue12m(), single(st, s.sql().get("revenue12m")), 1e-6);
            try (ResultSet rs = st.executeQuery(s.sql().get("revenueTree"))) {
                assertTrue(rs.next());
                assertEquals(t.netRevenue(), rs.getDouble("net_revenue"), 1e-6);
                assertEquals(t.purchasers(), rs.getLong("purchasers"));
                // Order ids are unique across customers here, so SQL's count(DISTINCT order_id) agrees.
                assertEquals(t.ordersPerCustomer(), rs.getDouble("orders_per_customer"), 1e-9);
            }
            try (ResultSet rs = st.executeQuery(s.sql().get("monthlyRevenue"))) {
                while (rs.next()) {
                    YearMonth month = YearMonth.parse(rs.getString("month"));
                    double columns = s.monthlyRevenue().stream().filter(m -> m.month().equals(month))
                            .findFirst().orElseThrow().revenue();
                    assertEquals(columns, rs.getDouble("revenue"), 1e-6, "SQL revenue of " + month);
                }
            }
            try (ResultSet rs = st.executeQuery(s.sql().get("reachability"))) {
                assertTrue(rs.next());
                assertEquals(s.reachability().email().share(), rs.getDouble("email_share"), 1e-9);
            }
        }
    }

    private static double single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getDouble(1);
        }
    }

    /** Revenue per month of the members' orders in the 24 months of the trend, from the rows. */
    private static Map<YearMonth, Double> directMonths(Fixture f, RoaringBitmap members, LocalDate asOf) {
        YearMonth first = YearMonth.from(asOf).minusMonths(23);
        Map<YearMonth, Double> months = new HashMap<>();
        for (Object[] o : f.orders()) {
            if (o[0] == null || o[2] == null || !members.contains(((Number) o[0]).intValue())) {
                continue;
            }
            LocalDate day = LocalDate.ofEpochDay(((Number) o[2]).longValue());
            if (day.isAfter(asOf) || YearMonth.from(day).isBefore(first)) {
                continue;
            }
            months.merge(YearMonth.from(day), o[3] == null ? 0 : ((Number) o[3]).doubleValue(), Double::sum);
        }
        return months;
    }

    /** Members with a non-empty email, from the customer rows. */
    private static long directEmails(Fixture f, RoaringBitmap members) throws SQLException {
        long n = 0;
        try (Statement st = f.ws().connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT ck, email FROM customers")) {
            while (rs.next()) {
                String email = rs.getString(2);
                if (members.contains(rs.getInt(1)) && email != null && !email.isEmpty()) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * A small segment's summary read from its own rows, with nothing cached, equals its summary from every
     * customer's facts (the path of larger segments and of every summary once the facts are kept).
     */
    @Property(tries = 15)
    void aSmallSegmentsOwnSummaryEqualsTheOneFromEveryCustomersFacts(@ForAll("cases") Case c) throws Exception {
        Fixture f = fixture();
        long everyone = f.reference().everyone().size();
        for (RoaringBitmap members : referenceMembers(f, c)) {
            // Keep under an eighth of the customers: every third member until it is that small.
            while (members.getLongCardinality() * 8 >= everyone) {
                RoaringBitmap fewer = new RoaringBitmap();
                int i = 0;
                for (int ck : members) {
                    if (i++ % 3 == 0) {
                        fewer.add(ck);
                    }
                }
                members = fewer;
            }
            InsightSummary own = new Insights(f.ws()).summary(members, c.asOf(), null, Cancellation.none());
            Insights kept = new Insights(f.ws());
            kept.baseline(c.asOf(), Cancellation.none());
            assertEquals(kept.summary(members, c.asOf(), null, Cancellation.none()), own);
        }
    }

    private static List<RoaringBitmap> referenceMembers(Fixture f, Case c) {
        List<RoaringBitmap> sets = new ArrayList<>();
        for (Condition d : c.definitions()) {
            sets.add(f.reference().members(d, c.asOf()));
        }
        return sets;
    }

    /** The reference evaluator as a membership source. */
    private record ReferenceMemberships(ReferenceEvaluator reference) implements Memberships {
        @Override
        public RoaringBitmap members(Condition definition, LocalDate asOf, Cancellation cancel) {
            return reference.members(definition, asOf);
        }

        @Override
        public RoaringBitmap allCustomers() {
            RoaringBitmap all = new RoaringBitmap();
            reference.everyone().forEach(ck -> all.add(ck.intValue()));
            return all;
        }

        @Override
        public String viewSql(Condition definition, LocalDate asOf) {
            return null;
        }
    }

    /** The tree straight from the order rows: members' orders with a date in the window. */
    private static RevenueTree directTree(Fixture f, RoaringBitmap members, DateRange window) {
        Map<Long, Set<Object>> ordersByCustomer = new HashMap<>();
        long nullIds = 0;
        double revenue = 0;
        double units = 0;
        for (Object[] o : f.orders()) {
            if (o[0] == null || o[2] == null || !members.contains(((Number) o[0]).intValue())) {
                continue;
            }
            if (!window.contains(LocalDate.ofEpochDay(((Number) o[2]).longValue()))) {
                continue;
            }
            Set<Object> ids = ordersByCustomer.computeIfAbsent(((Number) o[0]).longValue(), k -> new HashSet<>());
            if (o[1] == null) {
                nullIds++;
            } else {
                ids.add(o[1]);
            }
            revenue += o[3] == null ? 0 : ((Number) o[3]).doubleValue();
            units += o[4] == null ? 0 : ((Number) o[4]).doubleValue();
        }
        long orders = nullIds + ordersByCustomer.values().stream().mapToLong(Set::size).sum();
        return RevenueTree.of(revenue, ordersByCustomer.size(), orders, units);
    }
}
