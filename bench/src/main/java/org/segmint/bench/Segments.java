package org.segmint.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;

/**
 * The segments the cases count, each twice side by side: as a Segmint definition, and as the DuckDB query of
 * its members' keys ({@code SELECT ck ...}, no duplicates). Windows are resolved against the as-of date in
 * Java, by the same {@link Window#resolve}, and both engines receive the resolved days.
 */
final class Segments {
    static final long REVENUE = 500;
    private static final long DAY_SECONDS = 86_400L;

    private final Samples s;

    Segments(Samples samples) {
        this.s = samples;
    }

    /** A segment as both engines see it. */
    record Segment(Condition definition, Query members) {
    }

    /** a: gender AND country IN (3) AND loyalty tier IN (2). */
    Segment attributes(List<String> countries) {
        need(s.genders(), "customers.gender");
        need(countries, "customers.country");
        need(s.tiers(), "customers.loyalty_tier");
        Condition definition = GroupCondition.all(List.of(
                AttributeCondition.of("customers.gender", Operator.EQ, s.genders().get(0)),
                new AttributeCondition("customers.country", Operator.IN, new ArrayList<>(countries), null),
                new AttributeCondition("customers.loyalty_tier", Operator.IN, new ArrayList<>(s.tiers()), null)));
        Query members = Query.of("SELECT ck FROM customers WHERE gender = ").value(s.genders().get(0))
                .add(" AND country IN ").list(countries).add(" AND loyalty_tier IN ").list(s.tiers());
        return new Segment(definition, members);
    }

    Segment attributes() {
        return attributes(s.countries());
    }

    /**
     * b: at least 3 orders in the last 90 days AND revenue above {@code revenue} in the last 365 days. DuckDB
     * reads the 365 days once and counts the 90 days' orders with a filter. An order is a distinct order id; a
     * row without an id is an order of its own.
     */
    Segment purchases(long revenue) {
        Window days90 = Window.last(90, TimeUnit.DAYS);
        Window days365 = Window.last(365, TimeUnit.DAYS);
        Condition definition = GroupCondition.all(List.of(
                new PurchaseCondition(true, List.of(), Measure.ORDERS, Comparison.of(Operator.GTE, 3), days90),
                new PurchaseCondition(true, List.of(), Measure.REVENUE, Comparison.of(Operator.GT, revenue),
                        days365)));
        DateRange r90 = days90.resolve(s.asOf());
        DateRange r365 = days365.resolve(s.asOf());
        Query members = Query.of("SELECT ck FROM orders WHERE ck IS NOT NULL AND order_date BETWEEN ")
                .value(day(r365.from())).add(" AND ").value(day(r365.to()))
                .add(" GROUP BY ck HAVING sum(revenue) > ").value(revenue)
                .add(" AND count(DISTINCT order_id) FILTER (WHERE order_date >= ").value(day(r90.from()))
                .add(") + count(*) FILTER (WHERE order_id IS NULL AND order_date >= ").value(day(r90.from()))
                .add(") >= 3");
        return new Segment(definition, members);
    }

    /** c: bought the most frequent category at least once in the last 3 months (order items). */
    Segment category() {
        need(s.categories(), "order_items.category");
        Window months3 = Window.last(3, TimeUnit.MONTHS);
        Condition definition = new PurchaseCondition(true, List.of(AttributeCondition.of("order_items.category",
                Operator.EQ, s.categories().get(0))), Measure.ORDERS, Comparison.AT_LEAST_ONE, months3);
        DateRange r = months3.resolve(s.asOf());
        Query members = Query.of("SELECT DISTINCT ck FROM order_items WHERE ck IS NOT NULL AND category = ")
                .value(s.categories().get(0)).add(" AND order_date BETWEEN ").value(day(r.from())).add(" AND ")
                .value(day(r.to()));
        return new Segment(definition, members);
    }

    /** d: did event 1 in the last 30 days AND did not do event 2 in the last 30 days. */
    Segment events() {
        if (s.eventTypes().size() < 2) {
            throw new Skipped("needs two event types in events.event_type");
        }
        Window days30 = Window.last(30, TimeUnit.DAYS);
        Condition definition = GroupCondition.all(List.of(EventCondition.did(s.eventTypes().get(0), days30),
                new EventCondition(false, s.eventTypes().get(1), List.of(), Comparison.AT_LEAST_ONE, days30)));
        DateRange r = days30.resolve(s.asOf());
        long from = day(r.from()) * DAY_SECONDS;
        long to = (day(r.to()) + 1) * DAY_SECONDS - 1;
        // one pass over the window's events of both types, grouped by customer
        Query members = Query.of("SELECT ck FROM events WHERE ck IS NOT NULL AND event_time BETWEEN ").value(from)
                .add(" AND ").value(to).add(" AND event_type IN (").value(s.eventTypes().get(0)).add(", ")
                .value(s.eventTypes().get(1)).add(") GROUP BY ck HAVING bool_or(event_type = ")
                .value(s.eventTypes().get(0)).add(") AND NOT bool_or(event_type = ").value(s.eventTypes().get(1))
                .add(")");
        return new Segment(definition, members);
    }

    /** "small" (~3%) or "large" (~60%): lifetime revenue (a derived metric) above a quantile. */
    Segment revenueAbove(Double value) {
        if (value == null) {
            throw new Skipped("needs derived metrics (metrics.revenue)");
        }
        Condition definition = AttributeCondition.of("metrics.revenue", Operator.GT, BigDecimal.valueOf(value));
        return new Segment(definition, Query.of("SELECT ck FROM metrics WHERE revenue > ").value(value));
    }

    Segment small() {
        return revenueAbove(s.smallRevenue());
    }

    Segment large() {
        return revenueAbove(s.largeRevenue());
    }

    /**
     * The 8 conditions of a, b, c and d in one ALL group (the edit cases change one of them). DuckDB filters
     * the customers of a and keeps those in the other three sets.
     */
    Segment eight(List<String> countries, long revenue) {
        Segment a = attributes(countries);
        Segment b = purchases(revenue);
        Segment c = category();
        Segment d = events();
        List<Condition> all = new ArrayList<>(((GroupCondition) a.definition()).conditions());
        all.addAll(((GroupCondition) b.definition()).conditions());
        all.add(c.definition());
        all.addAll(((GroupCondition) d.definition()).conditions());
        Query members = Query.of("SELECT ck FROM (").add(a.members()).add(") a WHERE ck IN (").add(b.members())
                .add(") AND ck IN (").add(c.members()).add(") AND ck IN (").add(d.members()).add(")");
        return new Segment(GroupCondition.all(all), members);
    }

    /** Three countries starting at a different one for each variant (the edit of the country list). */
    List<String> countriesVariant(int variant) {
        List<String> countries = s.allCountries();
        if (countries.size() < 2) {
            throw new Skipped("needs at least two values in customers.country");
        }
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < Math.min(3, countries.size() - 1); i++) {
            chosen.add(countries.get(Math.floorMod(variant + 1 + i, countries.size())));
        }
        return chosen;
    }

    private static long day(java.time.LocalDate date) {
        return date.toEpochDay();
    }

    private static void need(List<String> values, String field) {
        if (values.isEmpty()) {
            throw new Skipped("needs values in " + field);
        }
    }

    /** Thrown when the workspace lacks what a case needs; the reason is reported instead of a time. */
    static final class Skipped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skipped(String reason) {
            super(reason);
        }
    }
}
