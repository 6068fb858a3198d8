package org.segmint.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Field;
import org.segmint.model.compare.OverlapMatrix;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.insight.Breakdown;
import org.segmint.persistence.insight.Breakdowns;
import org.segmint.persistence.insight.CompareBy;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.members.MemberTable;
import org.segmint.persistence.members.SortOrder;
import org.segmint.persistence.store.ValueLists;

/**
 * The work behind the insights tabs, on the ~60% segment of the e cases: a Breakdown of six charts (the segment and
 * all customers bar for bar) with nothing cached; the Customers tab's first page (customer-key order) and its sort
 * of every member by lifetime revenue, cold and with the column read; what switching to the Compare tab computes
 * (3 segments) with memberships and per-customer arrays cached. The members themselves are computed untimed: the
 * live count has them already when a tab shows.
 */
public final class TabBenchCases {
    private static final List<String> CHARTS = List.of("customers.gender", "customers.country",
            "customers.loyalty_tier", "metrics.revenue", "metrics.lifecycle", "customers.birth_date");
    private static final List<String> COLUMNS = List.of("customers.customer_id", "customers.first_name",
            "customers.last_name", "customers.email", "customers.city", "metrics.orders", "metrics.revenue",
            "metrics.last_order_date", "metrics.lifecycle");

    private TabBenchCases() {
    }

    public static List<BenchCase> all() {
        List<BenchCase> cases = new ArrayList<>();
        cases.add(new Case("breakdown-6", "Breakdown tab: 6 charts of the ~60% segment beside all customers", true,
                TabBenchCases::breakdown));
        cases.add(new Case("customers-page", "Customers tab: the members in key order and their first page of 100"
                + " rows, 9 columns", true, TabBenchCases::firstPage));
        cases.add(new Case("customers-sort", "Customers tab: sort every member by lifetime revenue, largest first",
                true, (ctx, s) -> sort(ctx, s, s.members)));
        cases.add(new Case("customers-sort-all", "Customers tab: sort every customer by lifetime revenue", true,
                (ctx, s) -> sort(ctx, s, ctx.engine().allCustomers())));
        cases.add(new Case("customers-sort-cached", "Customers tab: sort the members again (column read)", false,
                (ctx, s) -> sort(ctx, s, s.members)));
        cases.add(new Case("tab-compare", "Compare tab: 3 segments with memberships and arrays cached", false,
                TabBenchCases::compare));
        return cases;
    }

    private static long breakdown(BenchContext ctx, State s) {
        Breakdowns breakdowns = new Breakdowns(ctx.workspace(), s.insights);
        RoaringBitmap all = ctx.engine().allCustomers();
        long bars = 0;
        for (String field : CHARTS) {
            if (ctx.workspace().catalog().field(field).isEmpty()) {
                continue;
            }
            Breakdown b = breakdowns.of(s.members, field, CompareBy.CUSTOMERS, 10, Insights.window(ctx.asOf()),
                    Cancellation.none());
            bars += breakdowns.alike(b, all, Cancellation.none()).buckets().size();
        }
        return bars;
    }

    private static long firstPage(BenchContext ctx, State s) {
        int[] order = MemberTable.inKeyOrder(s.members);
        int[] page = java.util.Arrays.copyOf(order, Math.min(100, order.length));
        return s.table.rows(page, columns(ctx)).size();
    }

    private static long sort(BenchContext ctx, State s, RoaringBitmap members) {
        Field revenue = ctx.workspace().catalog().field("metrics.revenue").orElseThrow();
        return s.table.sorted(members, revenue, SortOrder.DESCENDING, Cancellation.none()).length;
    }

    private static long compare(BenchContext ctx, State s) {
        List<RoaringBitmap> sets = new ArrayList<>();
        for (Condition c : s.three) {
            sets.add(ctx.engine().members(c, ctx.asOf(), Cancellation.none()));
        }
        long sum = 0;
        for (RoaringBitmap set : sets) {
            sum += s.insights.revenueTree(set, ctx.asOf(), Cancellation.none()).purchasers();
        }
        return sum + OverlapMatrix.of(List.of("A", "B", "C"), sets).union();
    }

    private static List<Field> columns(BenchContext ctx) {
        return COLUMNS.stream().map(id -> ctx.workspace().catalog().field(id)).filter(java.util.Optional::isPresent)
                .map(java.util.Optional::get).toList();
    }

    /** What the runs of one case share. */
    private static final class State {
        Insights insights;
        MemberTable table;
        RoaringBitmap members;
        List<Condition> three;
    }

    private static final class Case implements BenchCase {
        private final String name;
        private final String description;
        private final boolean cold;
        private final BiFunction<BenchContext, State, Long> work;
        private final State state = new State();

        Case(String name, String description, boolean cold, BiFunction<BenchContext, State, Long> work) {
            this.name = name;
            this.description = description;
            this.cold = cold;
            this.work = work;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description + (cold ? " (cold: per-customer arrays dropped before each run)" : " (cached)");
        }

        @Override
        public void prepare(BenchContext context, int run) {
            if (state.members == null) {
                if (context.workspace().catalog().field("metrics.revenue").isEmpty()) {
                    throw new BenchCase.Skipped("needs derived metrics (metrics.revenue)");
                }
                ValueLists values = new ValueLists(context.workspace());
                Condition large = revenueAbove(values, 0.40);
                state.members = context.engine().members(large, context.asOf(), Cancellation.none());
                state.three = List.of(large, revenueAbove(values, 0.90), GroupCondition.all(
                        SegmentBenchCases.classA(context.samples())));
            }
            if (cold || run == 0) {
                state.insights = new Insights(context.workspace());
                state.table = new MemberTable(context.workspace());
            }
        }

        @Override
        public long run(BenchContext context, int run) {
            return work.apply(context, state);
        }
    }

    private static Condition revenueAbove(ValueLists values, double quantile) {
        double value = values.customerQuantile("metrics.revenue", quantile)
                .orElseThrow(() -> new BenchCase.Skipped("needs derived metrics (metrics.revenue)"));
        return AttributeCondition.of("metrics.revenue", Operator.GT, java.math.BigDecimal.valueOf(value));
    }
}
