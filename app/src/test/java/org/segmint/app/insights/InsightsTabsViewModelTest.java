package org.segmint.app.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.task.SameThreadExecutor;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.compare.OverlapMatrix;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.insight.BreakdownChoice;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.insight.Breakdown;
import org.segmint.persistence.insight.CompareBy;
import org.segmint.persistence.members.SortOrder;

/** The Breakdown, Compare and Customers view models without a toolkit, over hand-made members. */
class InsightsTabsViewModelTest {
    private static final Field ID = new Field("customers", "customer_id", FieldType.TEXT, "Customer id");
    private static final Field REVENUE = new Field("metrics", "revenue", FieldType.DECIMAL, "Revenue");

    /** Saved segments by name; customer k has revenue 10 × k and household k / 2. */
    private static final class Fake implements InsightsServices {
        final Map<String, RoaringBitmap> saved = new HashMap<>();
        final List<String> breakdowns = new ArrayList<>();
        final List<int[]> pagesRead = new ArrayList<>();

        @Override
        public LocalDate asOf() {
            return LocalDate.of(2025, 6, 30);
        }

        @Override
        public List<Field> perCustomerFields() {
            return List.of(ID, REVENUE);
        }

        @Override
        public RoaringBitmap allCustomers() {
            return RoaringBitmap.bitmapOfRange(1, 11);
        }

        @Override
        public Breakdown breakdown(RoaringBitmap members, String field, CompareBy by, DateRange range,
                                   Cancellation cancel) {
            breakdowns.add(field + " " + by + " " + range);
            return new Breakdown(field, Breakdown.Kind.CATEGORIES, by, range, members.getCardinality(), 0, 0,
                    List.of(new Breakdown.Bucket("x", null, null, members.getCardinality(), 0, 0, 1.0)));
        }

        @Override
        public Breakdown breakdownAlike(Breakdown like, RoaringBitmap members, Cancellation cancel) {
            return like;
        }

        @Override
        public String breakdownSql(Breakdown breakdown, String membersSql) {
            return "SQL";
        }

        @Override
        public List<String> savedSegments() {
            return List.copyOf(saved.keySet());
        }

        @Override
        public Condition savedDefinition(String name) {
            return new MembershipCondition(MembershipCondition.Kind.SEGMENT, "definition of " + name, true);
        }

        @Override
        public RoaringBitmap members(Condition definition, Cancellation cancel) {
            String name = ((MembershipCondition) definition).name().substring("definition of ".length());
            return saved.get(name).clone();
        }

        @Override
        public String viewSql(Condition definition) {
            return "SELECT ck FROM customers";
        }

        @Override
        public RevenueTree revenueTree(RoaringBitmap members, Cancellation cancel) {
            return RevenueTree.of(10.0 * members.getCardinality(), members.getCardinality(), members.getCardinality(),
                    members.getCardinality());
        }

        @Override
        public List<HierarchyLevel> levels() {
            return List.of(HierarchyLevel.CUSTOMER, new HierarchyLevel("households", "household_id", 1));
        }

        @Override
        public RoaringBitmap units(RoaringBitmap members, HierarchyLevel level) {
            RoaringBitmap parents = new RoaringBitmap();
            members.forEach((int ck) -> parents.add(ck / 2));
            return parents;
        }

        @Override
        public int[] order(RoaringBitmap members, Field sort, SortOrder order, Cancellation cancel) {
            int[] keys = members.toArray();
            if (sort != null && order == SortOrder.DESCENDING) {
                for (int i = 0; i < keys.length / 2; i++) {
                    int t = keys[i];
                    keys[i] = keys[keys.length - 1 - i];
                    keys[keys.length - 1 - i] = t;
                }
            }
            return keys;
        }

        @Override
        public List<List<String>> rows(int[] cks, List<Field> columns) {
            pagesRead.add(cks);
            List<List<String>> rows = new ArrayList<>();
            for (int ck : cks) {
                List<String> row = new ArrayList<>();
                for (Field f : columns) {
                    row.add(f == ID ? "C" + ck : Integer.toString(10 * ck));
                }
                rows.add(row);
            }
            return rows;
        }

        @Override
        public void saveSegment(String name, Condition definition) {
            throw new UnsupportedOperationException();
        }

        final Map<String, RoaringBitmap> groups = new HashMap<>();

        @Override
        public long saveStaticGroup(String name, RoaringBitmap customers) {
            groups.put(name, customers);
            return customers.getLongCardinality();
        }
    }

    private final Fake fake = new Fake();

    @Test
    void breakdownKeepsAtMostSixChartsComputesOnlyWhenShownAndHandsTheChoiceOn() {
        BreakdownViewModel vm = new BreakdownViewModel(fake, new SameThreadExecutor());
        List<BreakdownChoice> handed = new ArrayList<>();
        vm.setOnChoice(handed::add);
        vm.update(RoaringBitmap.bitmapOf(1, 2, 3), () -> "SELECT 1");
        for (int i = 1; i <= 7; i++) {
            vm.addChart("customers.c" + i);
        }
        assertEquals(6, vm.choiceProperty().get().charts().size());
        assertFalse(vm.canAddChart());
        assertTrue(fake.breakdowns.isEmpty(), "nothing computes while the tab is hidden");
        vm.setActive(true);
        assertEquals(6, vm.charts().size());
        assertEquals(6, fake.breakdowns.size());
        vm.setCompareBy(CompareBy.REVENUE);
        vm.setRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 1, 1));
        BreakdownChoice last = handed.get(handed.size() - 1);
        assertEquals("revenue", last.compareBy());
        assertEquals(LocalDate.of(2025, 1, 1), last.from(), "a reversed range is put in order");
        assertTrue(fake.breakdowns.get(fake.breakdowns.size() - 1).contains("REVENUE"));
        vm.removeChart("customers.c1");
        assertEquals(5, vm.charts().size());
        int handedBefore = handed.size();
        vm.load(BreakdownChoice.NONE.withCharts(List.of("customers.c9")));
        assertEquals(handedBefore, handed.size(), "loading a saved choice is not a change");
        assertEquals(List.of("customers.c9"), vm.charts().stream().map(BreakdownViewModel.Chart::field).toList());
    }

    @Test
    void compareCountsOverlapsAtTheChosenLevelAndBuildsIntersections() {
        fake.saved.put("B", RoaringBitmap.bitmapOf(2, 3, 4, 5));
        fake.saved.put("C", RoaringBitmap.bitmapOf(5, 6));
        CompareViewModel vm = new CompareViewModel(fake, new SameThreadExecutor());
        Condition current = AttributeCondition.of("customers.city", Operator.EQ, "Paris");
        RoaringBitmap a = RoaringBitmap.bitmapOf(1, 2, 3);
        vm.update("A", current, a);
        vm.setActive(true);
        assertEquals(List.of("B", "C"), vm.available().stream().sorted().toList());
        vm.setOthers(List.of("B", "A", "C"));
        assertEquals(List.of("B", "C"), vm.others(), "the current segment is always there, once");
        CompareViewModel.Result r = vm.resultProperty().get();
        OverlapMatrix expected = OverlapMatrix.of(List.of("A", "B", "C"), List.of(a, fake.saved.get("B"),
                fake.saved.get("C")));
        assertEquals(expected.union(), r.overlap().union());
        assertEquals(expected.overlap(0, 1), r.overlap().overlap(0, 1));
        assertEquals(3, r.metrics().get(0).customers());
        vm.levelProperty().set(fake.levels().get(1));
        // households: A {0, 1}, B {1, 2}, C {2, 3}
        assertEquals(4, vm.resultProperty().get().overlap().union());
        assertEquals(1, vm.resultProperty().get().overlap().overlap(0, 1));
        assertEquals(GroupCondition.all(List.of(current, new NotCondition(new MembershipCondition(
                MembershipCondition.Kind.SEGMENT, "B", true)), new MembershipCondition(
                MembershipCondition.Kind.SEGMENT, "C", true))), vm.intersectionDefinition(0b101));
        assertEquals("A and C, not B", vm.intersectionName(0b101));
        assertEquals(2, vm.saveIntersectionAsGroup(0b011, "A and B"), "customers, whatever level is shown");
        assertEquals(RoaringBitmap.bitmapOf(2, 3), fake.groups.get("A and B"));
    }

    @Test
    void customersReadOnlyThePagesShownAndSortEveryMember() {
        CustomersViewModel vm = new CustomersViewModel(fake, new SameThreadExecutor());
        vm.loadDefaultColumns(List.of(REVENUE, ID));
        assertEquals(List.of(ID, REVENUE), vm.columns(), "default columns in their usual order");
        RoaringBitmap members = RoaringBitmap.bitmapOfRange(1, 251);
        vm.update(members, () -> "SELECT ck FROM customers");
        assertEquals(0, vm.rowsProperty().get(), "nothing read while hidden");
        vm.setActive(true);
        assertEquals(250, vm.rowsProperty().get());
        assertTrue(fake.pagesRead.isEmpty());
        long revision = vm.revisionProperty().get();
        assertNull(vm.cell(120, 0), "asked for: the page is read");
        assertEquals(1, fake.pagesRead.size());
        assertEquals(101, fake.pagesRead.get(0)[0], "the page of row 120 starts at row 100 (customer 101)");
        assertTrue(vm.revisionProperty().get() > revision);
        assertEquals("C121", vm.cell(120, 0));
        assertEquals("1210", vm.cell(120, 1));
        vm.sort(REVENUE, SortOrder.DESCENDING);
        assertNull(vm.cell(0, 0), "a new order starts over");
        assertEquals("C250", vm.cell(0, 0));
        assertEquals(1, vm.keyAt(249));
        assertTrue(vm.sql(120).contains("LIMIT 100 OFFSET 100"), vm.sql(120));
        vm.removeColumn(REVENUE);
        assertNull(vm.sortFieldProperty().get(), "removing the sort column goes back to key order");
        assertEquals(List.of(ID), vm.columns());
    }
}
