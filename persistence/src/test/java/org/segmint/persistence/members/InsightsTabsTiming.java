package org.segmint.persistence.members;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Field;
import org.segmint.model.compare.OverlapMatrix;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.hierarchy.Representative;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Operator;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.hierarchy.Householding;
import org.segmint.persistence.hierarchy.Levels;
import org.segmint.persistence.insight.Breakdown;
import org.segmint.persistence.insight.Breakdowns;
import org.segmint.persistence.insight.CompareBy;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.store.ValueLists;
import org.segmint.persistence.workspace.Workspace;

/**
 * Timings of the work behind the insights tabs on a real workspace (not part of the build: skipped unless
 * {@code -Dsegmint.timing.workspace=COPY.segmint}; use a copy, opening may migrate it). Each case runs once to
 * warm up, then 5 times; the median wall and CPU time are printed. The members are the ~60% segment of bench class
 * e (lifetime revenue above the 40th percentile), computed untimed: the live count has them when a tab shows.
 */
class InsightsTabsTiming {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> CHARTS = List.of("customers.gender", "customers.country",
            "customers.loyalty_tier", "metrics.revenue", "metrics.lifecycle", "customers.birth_date");
    private static final List<String> COLUMNS = List.of("customers.customer_id", "customers.first_name",
            "customers.last_name", "customers.email", "customers.city", "metrics.orders", "metrics.revenue",
            "metrics.last_order_date", "metrics.lifecycle");

    @Test
    void insightsTabs() {
        String file = System.getProperty("segmint.timing.workspace");
        Assumptions.assumeTrue(file != null && !file.isBlank(), "set -Dsegmint.timing.workspace=COPY.segmint");
        try (Workspace ws = Workspace.open(Path.of(file));
             SegmentEngine engine = new SegmentEngine(ws, name -> Optional.empty())) {
            LocalDate asOf = ws.asOf();
            ValueLists values = new ValueLists(ws);
            Condition large = above(values, 0.40);
            Condition top = above(values, 0.90);
            Condition women = AttributeCondition.of("customers.gender", Operator.EQ, "F");
            RoaringBitmap members = engine.members(large, asOf, Cancellation.none());
            RoaringBitmap all = engine.allCustomers();
            Field revenue = ws.catalog().field("metrics.revenue").orElseThrow();
            List<Field> columns = COLUMNS.stream().map(id -> ws.catalog().field(id)).flatMap(Optional::stream)
                    .toList();
            System.out.printf("%s: %,d customers, %,d members, as of %s%n", file, all.getCardinality(),
                    members.getCardinality(), asOf);
            time("breakdown-6 (cold: new per-customer arrays)", () -> {
                Insights insights = new Insights(ws);
                Breakdowns b = new Breakdowns(ws, insights);
                int bars = 0;
                for (String field : CHARTS) {
                    if (ws.catalog().field(field).isPresent()) {
                        Breakdown segment = b.of(members, field, CompareBy.CUSTOMERS, 10, Insights.window(asOf),
                                Cancellation.none());
                        bars += b.alike(segment, all, Cancellation.none()).buckets().size();
                    }
                }
                return bars;
            });
            time("  of which: the 12-month purchase totals (cold)", () -> (int) new Insights(ws).revenueTree(members, asOf,
                    Cancellation.none()).purchasers());
            Insights purchasesRead = new Insights(ws);
            purchasesRead.revenueTree(members, asOf, Cancellation.none());
            time("  of which: one text attribute, segment and all customers (purchases read)", () -> {
                Breakdowns b = new Breakdowns(ws, purchasesRead);
                Breakdown segment = b.of(members, "customers.country", CompareBy.CUSTOMERS, 10,
                        Insights.window(asOf), Cancellation.none());
                return b.alike(segment, all, Cancellation.none()).buckets().size();
            });
            MemberTable warm = new MemberTable(ws);
            time("customers first page (key order, 100 rows x 9 columns)", () -> warm.rows(Arrays.copyOf(
                    MemberTable.inKeyOrder(members), 100), columns).size());
            time("customers sort members by revenue (cold: column read)", () -> new MemberTable(ws)
                    .sorted(members, revenue, SortOrder.DESCENDING, Cancellation.none()).length);
            time("customers sort every customer by revenue (cold)", () -> new MemberTable(ws)
                    .sorted(all, revenue, SortOrder.DESCENDING, Cancellation.none()).length);
            warm.sorted(members, revenue, SortOrder.DESCENDING, Cancellation.none());
            time("customers sort members by revenue (column cached)", () -> warm.sorted(members, revenue,
                    SortOrder.DESCENDING, Cancellation.none()).length);
            int[] sorted = warm.sorted(all, revenue, SortOrder.DESCENDING, Cancellation.none());
            time("customers last page of the sorted table", () -> warm.rows(Arrays.copyOfRange(sorted,
                    sorted.length - 100, sorted.length), columns).size());
            Insights cached = new Insights(ws);
            List<Condition> three = List.of(large, top, women);
            three.forEach(c -> cached.revenueTree(engine.members(c, asOf, Cancellation.none()), asOf,
                    Cancellation.none()));
            time("compare tab: 3 segments, memberships and arrays cached", () -> {
                List<RoaringBitmap> sets = new ArrayList<>();
                for (Condition c : three) {
                    RoaringBitmap set = engine.members(c, asOf, Cancellation.none());
                    cached.revenueTree(set, asOf, Cancellation.none());
                    sets.add(set);
                }
                return (int) OverlapMatrix.of(List.of("A", "B", "C"), sets).union();
            });
            Levels levels = new Levels(ws);
            if (!levels.hierarchy().columns().isEmpty()) {
                HierarchyLevel households = levels.level("households");
                time("households count of the members (parents read once)",
                        () -> (int) levels.count(members, households));
                time("householding rows of the members (revenue rule)", () -> new Householding(ws, levels)
                        .of(members, households, Representative.REVENUE, asOf, Cancellation.none()).size());
            }
        }
    }

    private static Condition above(ValueLists values, double quantile) {
        double v = values.customerQuantile("metrics.revenue", quantile).orElseThrow();
        return AttributeCondition.of("metrics.revenue", Operator.GT, BigDecimal.valueOf(v));
    }

    private static void time(String name, IntSupplier work) {
        int runs = 5;
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        int result = 0;
        for (int i = -1; i < runs; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            result = work.getAsInt();
            if (i >= 0) {
                wall[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("  %-66s median %8.1f ms wall (min %.1f), %8.1f ms CPU   [%,d]%n", name, wall[runs / 2],
                wall[0], cpu[runs / 2], result);
    }
}
