package org.segmint.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.compare.SegmentComparer;
import org.segmint.persistence.insight.InsightSummary;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.insight.Memberships;
import org.segmint.persistence.store.ValueLists;
import org.segmint.persistence.waterfall.ModelRunner;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Classes e, f and g of PERFORMANCE.md, each cold (engine and insight caches dropped before every run) and
 * cached (conditions and per-customer arrays kept, as while the user works):
 * e: insights of a small (~3%) and a large (~60%) segment; f: overlaps of 5 segments; g: a priority model of
 * 6 segments plus leftovers. The segments are a-d of {@link SegmentBenchCases} plus two picked by lifetime
 * revenue percentiles so that their sizes are the same on any demo workspace.
 */
public final class InsightBenchCases {
    private InsightBenchCases() {
    }

    public static List<BenchCase> all() {
        List<BenchCase> cases = new ArrayList<>();
        for (boolean cold : new boolean[] {true, false}) {
            String suffix = cold ? "" : "-cached";
            cases.add(new Case("e-small" + suffix, "insights of a ~3% segment (top lifetime revenue)", cold,
                    (ctx, s) -> insights(ctx, s, s.small())));
            cases.add(new Case("e-large" + suffix, "insights of a ~60% segment (lifetime revenue above the 40th"
                    + " percentile)", cold, (ctx, s) -> insights(ctx, s, s.large())));
            cases.add(new Case("f" + suffix, "overlaps of 5 segments (a, b, c, d, large) with their metrics", cold,
                    InsightBenchCases::overlap));
            cases.add(new Case("g" + suffix, "priority model of 6 segments (small, a, b, c, d, large) + leftovers",
                    cold, InsightBenchCases::model));
        }
        return cases;
    }

    private static long insights(BenchContext ctx, State s, Condition definition) {
        RoaringBitmap members = ctx.engine().members(definition, ctx.asOf(), Cancellation.none());
        InsightSummary summary = s.insights.summary(members, ctx.asOf(), null, Cancellation.none());
        return summary.customers();
    }

    private static long overlap(BenchContext ctx, State s) {
        List<Segment> segments = new ArrayList<>();
        List<Condition> five = s.five(ctx);
        for (int i = 0; i < five.size(); i++) {
            segments.add(Segment.of("S" + (i + 1), five.get(i)));
        }
        return new SegmentComparer(Memberships.of(ctx.engine()), s.insights).compare(segments, ctx.asOf(),
                Cancellation.none()).overlap().union();
    }

    private static long model(BenchContext ctx, State s) {
        List<ModelEntry> entries = new ArrayList<>();
        entries.add(ModelEntry.inline("Small", s.small()));
        List<Condition> five = s.five(ctx);
        for (int i = 0; i < five.size(); i++) {
            entries.add(ModelEntry.inline("S" + (i + 1), five.get(i)));
        }
        PriorityModel model = new PriorityModel("Bench", entries, "Leftovers", Map.of());
        return new ModelRunner(Memberships.of(ctx.engine()), name -> java.util.Optional.empty())
                .run(model, ctx.asOf(), Cancellation.none()).result().assignedTotal();
    }

    /** Definitions and caches shared by the runs of one case. */
    private static final class State {
        Insights insights;
        Condition small;
        Condition large;

        Condition small() {
            return small;
        }

        Condition large() {
            return large;
        }

        List<Condition> five(BenchContext ctx) {
            return List.of(GroupCondition.all(SegmentBenchCases.classA(ctx.samples())),
                    GroupCondition.all(SegmentBenchCases.classB(ctx.samples(), 500)),
                    SegmentBenchCases.classC(ctx.samples()),
                    GroupCondition.all(SegmentBenchCases.classD(ctx.samples())), large);
        }
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
            return description + (cold ? " (cold: caches dropped before each run)" : " (conditions and per-customer"
                    + " arrays cached)");
        }

        @Override
        public void prepare(BenchContext context, int run) {
            if (state.small == null) {
                state.small = revenueAbove(context, 0.97);
                state.large = revenueAbove(context, 0.40);
            }
            if (cold || run == 0) {
                context.engine().invalidate();
                state.insights = new Insights(context.workspace());
            }
        }

        @Override
        public long run(BenchContext context, int run) {
            return work.apply(context, state);
        }
    }

    /** Customers whose lifetime revenue is above the given quantile of all customers'. */
    private static Condition revenueAbove(BenchContext context, double quantile) {
        if (context.workspace().catalog().field("metrics.revenue").isEmpty()) {
            throw new BenchCase.Skipped("needs derived metrics (metrics.revenue)");
        }
        double value = new ValueLists(context.workspace()).customerQuantile("metrics.revenue", quantile)
                .orElseThrow(() -> new BenchCase.Skipped("needs derived metrics (metrics.revenue)"));
        return AttributeCondition.of("metrics.revenue", Operator.GT, java.math.BigDecimal.valueOf(value));
    }
}
