package org.segmint.persistence.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.group.PriorityCluster;
import org.segmint.model.group.Schedule;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.json.ClusterFiles;
import org.segmint.persistence.testdata.RealData;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Workspace;

/**
 * Groups on the real Chinook data (invoices as orders, lines as items with the genre as category): a smart group
 * recalculated between two as-of dates, a split and a cluster, each checked against answers computed straight
 * from Chinook's own tables with plain SQL.
 */
class ChinookGroupsTest {
    static final LocalDate BEFORE = LocalDate.of(2024, 12, 22);
    static final LocalDate AFTER = LocalDate.of(2025, 12, 22);

    @TempDir
    static Path dir;
    static Path chinook;
    static Workspace ws;
    static SegmentEngine engine;
    static GroupStore groups;

    @BeforeAll
    static void load() throws Exception {
        chinook = RealData.chinook(dir.resolve("data"));
        ws = Workspace.create(dir.resolve("chinook.segmint"));
        ws.addColumn("customers", "country", FieldType.TEXT, null);
        ws.addColumn("order_items", "category", FieldType.TEXT, "Genre");
        attach(ws.connection());
        try (Statement st = ws.connection().createStatement()) {
            st.executeUpdate("INSERT INTO customers(ck, customer_id, country) SELECT CustomerId,"
                    + " CAST(CustomerId AS TEXT), Country FROM chinook.Customer");
            st.executeUpdate("INSERT INTO orders(order_id, customer_id, order_date, revenue)"
                    + " SELECT CAST(InvoiceId AS TEXT), CAST(CustomerId AS TEXT),"
                    + " CAST(julianday(substr(InvoiceDate, 1, 10)) - 2440587.5 AS INTEGER), Total FROM chinook.Invoice");
            st.executeUpdate("INSERT INTO order_items(order_id, product_id, quantity, unit_price, category)"
                    + " SELECT CAST(l.InvoiceId AS TEXT), CAST(l.TrackId AS TEXT), l.Quantity, l.UnitPrice, g.Name"
                    + " FROM chinook.InvoiceLine l JOIN chinook.Track t ON t.TrackId = l.TrackId"
                    + " LEFT JOIN chinook.Genre g ON g.GenreId = t.GenreId");
        }
        DerivedData.refresh(ws, Progress.NONE);
        engine = new SegmentEngine(ws, name -> Optional.empty());
        groups = new GroupStore(ws);
    }

    @AfterAll
    static void close() {
        engine.close();
        ws.close();
    }

    private static void attach(Connection c) throws Exception {
        try (PreparedStatement attach = c.prepareStatement("ATTACH DATABASE ? AS chinook")) {
            attach.setString(1, chinook.toAbsolutePath().toString());
            attach.execute();
        }
    }

    /** Customer ids straight from Chinook: bought Rock between the two dates (inclusive). */
    private static Set<String> rockBuyers(LocalDate from, LocalDate to) throws Exception {
        return ids("SELECT DISTINCT CAST(i.CustomerId AS TEXT) FROM chinook.Invoice i JOIN chinook.InvoiceLine l"
                + " ON l.InvoiceId = i.InvoiceId JOIN chinook.Track t ON t.TrackId = l.TrackId JOIN chinook.Genre g"
                + " ON g.GenreId = t.GenreId WHERE g.Name = 'Rock' AND substr(i.InvoiceDate, 1, 10) BETWEEN '" + from
                + "' AND '" + to + "'");
    }

    private static Set<String> ids(String sql) throws Exception {
        Set<String> out = new TreeSet<>();
        try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Set<String> members(String group) throws Exception {
        return ids("SELECT customer_id FROM sg_group_members WHERE group_id = (SELECT id FROM sg_groups WHERE name = '"
                + group + "')");
    }

    private static RoaringBitmap keysOf(Set<String> customerIds) {
        RoaringBitmap b = new RoaringBitmap();
        customerIds.forEach(id -> b.add(Integer.parseInt(id)));
        return b;
    }

    @Test
    void smartGroupRecalculatedAYearLaterCountsJoinedAndLeft() throws Exception {
        Condition rock = new PurchaseCondition(true, List.of(new AttributeCondition("order_items.category",
                Operator.EQ, List.of("Rock"), null)), null, null, Window.last(12, TimeUnit.MONTHS));
        Set<String> before = rockBuyers(BEFORE.minusYears(1).plusDays(1), BEFORE);
        Set<String> after = rockBuyers(AFTER.minusYears(1).plusDays(1), AFTER);
        assertTrue(before.size() > 5 && after.size() > 5, before + " / " + after);
        Group g = groups.createSmart("Rock this year", rock, Schedule.parse("yearly:12-22"), null, null,
                engine.members(rock, BEFORE, Cancellation.none()), BEFORE);
        assertEquals(before.size(), g.customers());
        assertEquals(before, members("Rock this year"));
        Recalculation.Outcome o = new Recalculation(groups, engine).run(List.of("Rock this year"), AFTER,
                Cancellation.none(), Progress.NONE).get(0);
        Set<String> joined = new TreeSet<>(after);
        joined.removeAll(before);
        Set<String> left = new TreeSet<>(before);
        left.removeAll(after);
        assertEquals(new Recalculation.Outcome("Rock this year", after.size(), joined.size(), left.size(), null), o);
        assertEquals(after, members("Rock this year"));
        List<HistoryEntry> history = groups.history("Rock this year");
        assertEquals(List.of(AFTER, BEFORE), history.stream().map(HistoryEntry::asOf).toList());
    }

    @Test
    void splitOfAllCustomersByCountryMixIsDisjointAndCovering() throws Exception {
        Set<String> all = ids("SELECT CAST(CustomerId AS TEXT) FROM chinook.Customer");
        groups.createStatic(List.of("Everyone"), null);
        groups.add("Everyone", keysOf(all));
        List<Group> parts = new SplitAndCombine(groups).split("Everyone", List.of("Test", "Control", "Holdout"),
                List.of(new BigDecimal("50"), new BigDecimal("30"), new BigDecimal("20")), 2025, "country");
        // 59 customers: 29.5, 17.7, 11.8 -> 29 + 17 + 11 and the two left to the largest fractions (.8 then .7)
        assertEquals(List.of(29L, 18L, 12L), parts.stream().map(Group::customers).toList());
        Set<String> union = new HashSet<>();
        for (Group p : parts) {
            for (String id : members(p.name())) {
                assertTrue(union.add(id), id + " is in two parts");
            }
        }
        assertEquals(all, new TreeSet<>(union));
        // the USA (13 customers) is spread about 50/30/20 too
        Set<String> usa = ids("SELECT CAST(CustomerId AS TEXT) FROM chinook.Customer WHERE Country = 'USA'");
        Set<String> testUsa = new TreeSet<>(members("Test"));
        testUsa.retainAll(usa);
        assertTrue(Math.abs(testUsa.size() - usa.size() * 0.5) <= 1.5, testUsa.size() + " of " + usa.size());
    }

    @Test
    void clusterOfThreeGroupsAssignsEachCustomerOnce() throws Exception {
        Set<String> usa = ids("SELECT CAST(CustomerId AS TEXT) FROM chinook.Customer WHERE Country = 'USA'");
        Set<String> rock = rockBuyers(LocalDate.of(2025, 1, 1), AFTER);
        Set<String> big = ids("SELECT CAST(CustomerId AS TEXT) FROM chinook.Invoice GROUP BY CustomerId"
                + " HAVING sum(Total) >= 40");
        Map<String, Set<String>> sets = Map.of("USA", usa, "Rock 2025", rock, "Spent 40", big);
        List<String> order = List.of("Rock 2025", "USA", "Spent 40");
        for (String name : order) {
            groups.createStatic(List.of(name), null);
            groups.add(name, keysOf(sets.get(name)));
        }
        ClusterStore clusters = new ClusterStore(groups);
        PriorityCluster.Result r = clusters.run(new ClusterFiles.Cluster("Send", order, Map.of()));
        Set<String> taken = new HashSet<>();
        List<Long> assigned = new ArrayList<>();
        for (String name : order) {
            Set<String> mine = new TreeSet<>(sets.get(name));
            mine.removeAll(taken);
            taken.addAll(mine);
            assigned.add((long) mine.size());
        }
        assertEquals(assigned, r.groups().stream().map(PriorityCluster.Placed::assigned).toList());
        assertEquals(order.stream().map(n -> (long) sets.get(n).size()).toList(),
                r.groups().stream().map(PriorityCluster.Placed::customers).toList());
        assertEquals(taken.size(), r.total());
    }
}
