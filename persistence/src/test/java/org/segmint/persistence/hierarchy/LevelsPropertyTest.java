package org.segmint.persistence.hierarchy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigInteger;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.hierarchy.Representative;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.store.MemberExport;
import org.segmint.persistence.testdata.Folders;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Workspace;

/**
 * Level counts equal the distinct parents of the members counted in plain Java, and the householding export has
 * one row per parent with the representative the rule picks, computed here from the generated rows (never from
 * the workspace): revenue ties among customers without orders, same-day orders, empty and NULL parent ids and
 * customer ids of different lengths, as text ("C9" after "C10") and as numbers ("9" before "10"), are drawn on
 * purpose.
 */
class LevelsPropertyTest {
    private static final LocalDate START = LocalDate.of(2023, 1, 1);
    private static final LocalDate LATEST = START.plusDays(29);
    private static Path dir;
    private static Workspace ws;
    private static Levels levels;
    private static final List<Customer> CUSTOMERS = new ArrayList<>();

    /** One generated customer: ids and orders as (epoch day, revenue). */
    record Customer(int ck, String id, String household, String account, List<long[]> orders) {
    }

    @BeforeContainer
    static void createWorkspace() throws IOException, SQLException {
        dir = Files.createTempDirectory("levels");
        ws = Workspace.create(dir.resolve("levels.segmint"));
        ws.addColumn("customers", "household_id", FieldType.TEXT, null);
        ws.addColumn("customers", "account_no", FieldType.INTEGER, null);
        Random random = new Random(7);
        Connection c = ws.connection();
        c.setAutoCommit(false);
        try (PreparedStatement customer = c.prepareStatement(
                "INSERT INTO customers(ck, customer_id, household_id, account_no) VALUES(?, ?, ?, ?)");
             PreparedStatement order = c.prepareStatement(
                     "INSERT INTO orders(order_id, ck, customer_id, order_date, revenue, units) VALUES(?, ?, ?, ?, ?, 1)")) {
            int orderNumber = 0;
            for (int ck = 1; ck <= 120; ck++) {
                int n = random.nextInt(3) == 0 ? ck : 1000 - ck;
                String id = ck % 2 == 0 ? "C" + n : Integer.toString(n);
                int h = random.nextInt(40);
                String household = h < 4 ? null : h < 8 ? "" : "H" + random.nextInt(25);
                String account = random.nextInt(5) == 0 ? null : Integer.toString(random.nextInt(12));
                List<long[]> orders = new ArrayList<>();
                for (int o = random.nextInt(4) == 0 ? 0 : random.nextInt(5); o > 0; o--) {
                    long day = START.toEpochDay() + random.nextInt(30);
                    long revenue = 10 * (1 + random.nextInt(4));
                    orders.add(new long[] {day, revenue});
                    order.setString(1, "O" + (++orderNumber));
                    order.setInt(2, ck);
                    order.setString(3, id);
                    order.setLong(4, day);
                    order.setDouble(5, revenue);
                    order.addBatch();
                }
                customer.setInt(1, ck);
                customer.setString(2, id);
                customer.setString(3, household);
                customer.setObject(4, account == null ? null : Long.parseLong(account));
                customer.addBatch();
                CUSTOMERS.add(new Customer(ck, id, household, account, orders));
            }
            customer.executeBatch();
            order.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        DerivedData.refresh(ws, Progress.NONE);
        HierarchySetting.write(ws, List.of("household_id", "account_no"));
        levels = new Levels(ws);
    }

    @AfterContainer
    static void close() throws IOException {
        ws.close();
        Folders.deleteTree(dir);
    }

    @Provide
    Arbitrary<Set<Integer>> members() {
        return Arbitraries.integers().between(1, 120).set().ofMaxSize(120);
    }

    @Provide
    Arbitrary<String> levelNames() {
        return Arbitraries.of("customers", "households", "accounts", "household_id", "account_no");
    }

    @Provide
    Arbitrary<LocalDate> asOfDates() {
        // The date of the stored metrics (read from the table) and earlier dates (computed for the date).
        return Arbitraries.of(LATEST, LATEST, START.plusDays(10), START.plusDays(20), START.minusDays(1));
    }

    @Property(tries = 200)
    void levelCountsAreTheDistinctParentsOfTheMembers(@ForAll("members") Set<Integer> members,
                                                      @ForAll("levelNames") String levelName) {
        HierarchyLevel level = levels.level(levelName);
        Set<String> parents = new HashSet<>();
        for (Customer c : CUSTOMERS) {
            if (members.contains(c.ck())) {
                parents.add(parentKey(c, level));
            }
        }
        assertEquals(parents.size(), levels.count(bitmap(members), level), level.label());
    }

    @Property(tries = 150)
    void householdingHasOneRowPerParentWithTheRightRepresentative(
            @ForAll("members") Set<Integer> members, @ForAll("levelNames") String levelName,
            @ForAll Representative rule, @ForAll("asOfDates") LocalDate asOf) throws IOException {
        HierarchyLevel level = levels.level(levelName);
        Map<String, Customer> expected = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (Customer c : CUSTOMERS) {
            if (members.contains(c.ck())) {
                String parent = parentKey(c, level);
                sizes.merge(parent, 1, Integer::sum);
                expected.merge(parent, c, (a, b) -> better(rule, b, a, asOf) ? b : a);
            }
        }
        Path out = dir.resolve("households.csv");
        long rows = new Householding(ws, levels).write(bitmap(members), level, rule, asOf, List.of(), out,
                MemberExport.CsvOptions.PLAIN, Cancellation.none());
        assertEquals(expected.size(), rows);
        Map<String, String> byCustomer = new HashMap<>();
        expected.forEach((parent, c) -> byCustomer.put(c.id(), parent));
        try (Reader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().build().parse(r).getRecords();
            assertEquals(expected.size(), records.size());
            for (CSVRecord record : records) {
                String customerId = record.get("customer_id");
                String parent = byCustomer.get(customerId);
                assertEquals(true, parent != null, customerId + " represents no parent; expected " + expected);
                assertEquals((long) sizes.get(parent), Long.parseLong(record.get(Householding.SIZE)));
                if (!level.isCustomer()) {
                    Customer c = expected.get(parent);
                    String id = level.depth() == 1 ? c.household() : c.account();
                    assertEquals(id == null ? "" : id, record.get(level.column()));
                }
            }
        }
    }

    /** The parent of a customer in plain Java: its id, or the customer itself when the id is empty. */
    private static String parentKey(Customer c, HierarchyLevel level) {
        String id = level.isCustomer() ? null : level.depth() == 1 ? c.household() : c.account();
        return id == null || id.isEmpty() ? "customer " + c.ck() : "parent " + id;
    }

    /** The rules of FORMATS §4 written out again: a beats b. */
    private static boolean better(Representative rule, Customer a, Customer b, LocalDate asOf) {
        long[] x = totals(a, asOf);
        long[] y = totals(b, asOf);
        int c;
        if (rule == Representative.REVENUE) {
            c = Long.compare(y[0], x[0]);
        } else if (rule == Representative.RECENT) {
            c = x[2] == y[2] ? 0 : x[2] == Long.MIN_VALUE ? 1 : y[2] == Long.MIN_VALUE ? -1 : Long.compare(y[2], x[2]);
        } else {
            c = x[1] == y[1] ? 0 : x[1] == Long.MAX_VALUE ? 1 : y[1] == Long.MAX_VALUE ? -1 : Long.compare(x[1], y[1]);
        }
        return c != 0 ? c < 0 : smallerId(a.id(), b.id());
    }

    /** "Smallest customer_id": by value when both are whole numbers ("9" before "10"), else as text. */
    private static boolean smallerId(String a, String b) {
        if (a.matches("[0-9]+") && b.matches("[0-9]+") && !new BigInteger(a).equals(new BigInteger(b))) {
            return new BigInteger(a).compareTo(new BigInteger(b)) < 0;
        }
        return a.compareTo(b) < 0;
    }

    /** Revenue, first order day (MAX when none), last order day (MIN when none) of orders up to {@code asOf}. */
    private static long[] totals(Customer c, LocalDate asOf) {
        long revenue = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long[] o : c.orders()) {
            if (o[0] <= asOf.toEpochDay()) {
                revenue += o[1];
                first = Math.min(first, o[0]);
                last = Math.max(last, o[0]);
            }
        }
        return new long[] {revenue, first, last};
    }

    private static RoaringBitmap bitmap(Set<Integer> members) {
        RoaringBitmap b = new RoaringBitmap();
        members.forEach(b::add);
        return b;
    }
}
