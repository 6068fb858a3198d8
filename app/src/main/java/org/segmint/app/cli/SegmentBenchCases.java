package org.segmint.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;
import org.segmint.model.task.Cancellation;

/**
 * Classes a-d of PERFORMANCE.md as cold counts, and the incremental case: one condition of an
 * 8-condition segment (a + b + c + d) edited while the other seven are cached.
 */
public final class SegmentBenchCases {
    private SegmentBenchCases() {
    }

    public static List<BenchCase> all() {
        return List.of(
                cold("a", "attributes: gender AND country IN (top 3) AND loyalty_tier IN (gold, platinum)",
                        s -> GroupCondition.all(classA(s))),
                cold("b", ">= 3 orders in the last 90 days AND revenue > 500 in the last 365 days",
                        s -> GroupCondition.all(classB(s, 500))),
                cold("c", "bought the most frequent category at least once in the last 3 months",
                        s -> classC(s)),
                cold("d", "did event 1 in the last 30 days AND did not event 2 in the last 30 days",
                        s -> GroupCondition.all(classD(s))),
                new EditOneOfEight("edit", "count after changing the country list of an 8-condition segment"
                        + " (a+b+c+d), the other 7 cached", SegmentBenchCases::editCountries),
                new EditOneOfEight("edit-purchase", "count after changing the revenue threshold of the same"
                        + " segment (a purchase aggregate), the other 7 cached", SegmentBenchCases::editRevenue));
    }

    static List<Condition> classA(BenchSamples s) {
        need(s.genders(), "customers.gender");
        need(s.countries(), "customers.country");
        need(s.tiers(), "customers.loyalty_tier");
        return List.of(
                AttributeCondition.of("customers.gender", Operator.EQ, s.genders().get(0)),
                new AttributeCondition("customers.country", Operator.IN, new ArrayList<>(s.countries()), null),
                new AttributeCondition("customers.loyalty_tier", Operator.IN, new ArrayList<>(s.tiers()), null));
    }

    static List<Condition> classB(BenchSamples s, long revenue) {
        return List.of(
                new PurchaseCondition(true, List.of(), Measure.ORDERS, Comparison.of(Operator.GTE, 3),
                        Window.last(90, TimeUnit.DAYS)),
                new PurchaseCondition(true, List.of(), Measure.REVENUE, Comparison.of(Operator.GT, revenue),
                        Window.last(365, TimeUnit.DAYS)));
    }

    static Condition classC(BenchSamples s) {
        need(s.categories(), "order_items.category");
        return new PurchaseCondition(true, List.of(AttributeCondition.of("order_items.category", Operator.EQ,
                s.categories().get(0))), Measure.ORDERS, Comparison.AT_LEAST_ONE, Window.last(3, TimeUnit.MONTHS));
    }

    static List<Condition> classD(BenchSamples s) {
        if (s.eventTypes().size() < 2) {
            throw new BenchCase.Skipped("needs two event types in events.event_type");
        }
        return List.of(
                EventCondition.did(s.eventTypes().get(0), Window.last(30, TimeUnit.DAYS)),
                new EventCondition(false, s.eventTypes().get(1), List.of(), Comparison.AT_LEAST_ONE,
                        Window.last(30, TimeUnit.DAYS)));
    }

    private static void need(List<String> values, String field) {
        if (values.isEmpty()) {
            throw new BenchCase.Skipped("needs values in " + field);
        }
    }

    private static BenchCase cold(String name, String description, Function<BenchSamples, Condition> definition) {
        return new BenchCase() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description + " (cold: caches dropped before each run)";
            }

            @Override
            public long run(BenchContext context, int run) {
                return context.engine().members(definition.apply(context.samples()), context.asOf(),
                        Cancellation.none()).getLongCardinality();
            }
        };
    }

    /**
     * The 8 conditions of a-d in one ALL group, edited between runs: {@code variant} changes exactly one
     * condition to a value not used before, so a run recomputes that condition and reuses the other
     * seven from the cache (filled by the previous run, or untimed before run 0).
     */
    static final class EditOneOfEight implements BenchCase {
        private final String name;
        private final String description;
        private final BiFunction<BenchSamples, Integer, Condition> definition;

        EditOneOfEight(String name, String description, BiFunction<BenchSamples, Integer, Condition> definition) {
            this.name = name;
            this.description = description;
            this.definition = definition;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void prepare(BenchContext context, int run) {
            if (run == 0) {
                context.engine().invalidate();
                context.engine().members(definition.apply(context.samples(), -1), context.asOf(),
                        Cancellation.none());
            }
        }

        @Override
        public long run(BenchContext context, int run) {
            return context.engine().members(definition.apply(context.samples(), run), context.asOf(),
                    Cancellation.none()).getLongCardinality();
        }
    }

    /** Edit of the country list: three countries starting at a different one each run. */
    static Condition editCountries(BenchSamples s, int variant) {
        List<String> countries = s.allCountries();
        if (countries.size() < 2) {
            throw new BenchCase.Skipped("needs at least two values in customers.country");
        }
        List<Object> chosen = new ArrayList<>();
        for (int i = 0; i < Math.min(3, countries.size() - 1); i++) {
            chosen.add(countries.get(Math.floorMod(variant + 1 + i, countries.size())));
        }
        List<Condition> all = new ArrayList<>(classA(s));
        all.set(1, new AttributeCondition("customers.country", Operator.IN, chosen, null));
        return eight(s, all, 500);
    }

    /** Edit of the revenue threshold of "revenue > 500 in the last 365 days". */
    static Condition editRevenue(BenchSamples s, int variant) {
        return eight(s, new ArrayList<>(classA(s)), 500 + 10L * (variant + 1));
    }

    private static Condition eight(BenchSamples s, List<Condition> classA, long revenue) {
        List<Condition> all = new ArrayList<>(classA);
        all.addAll(classB(s, revenue));
        all.add(classC(s));
        all.addAll(classD(s));
        return GroupCondition.all(all);
    }
}
