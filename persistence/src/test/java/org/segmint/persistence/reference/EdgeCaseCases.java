package org.segmint.persistence.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;

/**
 * Hand-computed edge cases over {@link EdgeCaseWorkspace}: (name, as-of, definition, expected customer
 * ids). The as-of is 2011-12-09 unless a case needs another.
 */
final class EdgeCaseCases {
    static final LocalDate AS_OF = LocalDate.of(2011, 12, 9);
    static final Condition LONDONERS = attr("customers.city", Operator.EQ, "London");

    private EdgeCaseCases() {
    }

    static Stream<Arguments> all() {
        return Stream.of(windowEnds(), monthEndsAndLeapDays(), emptiesAndCase(), purchases(), events(), references())
                .flatMap(s -> s);
    }

    static Stream<Arguments> windowEnds() {
        return Stream.of(
                // last 90 days as of 2011-12-09 = 2011-09-11 .. 2011-12-09
                c("last 90 days keeps its first day and the as-of, not the day before or after", AS_OF,
                        relative("customers.first_seen", Operator.IN_LAST, 90, TimeUnit.DAYS), "C1 C3"),
                // last 12 months = 2010-12-10 .. 2011-12-09
                c("last 12 months starts the day after the same date a year before", AS_OF,
                        relative("customers.first_seen", Operator.IN_LAST, 12, TimeUnit.MONTHS), "C1 C2 C3 C5"),
                c("next 1 day is the as-of only", AS_OF,
                        relative("customers.first_seen", Operator.IN_NEXT, 1, TimeUnit.DAYS), "C3"),
                c("next 2 days are the as-of and the day after", AS_OF,
                        relative("customers.first_seen", Operator.IN_NEXT, 2, TimeUnit.DAYS), "C3 C4"),
                c("a datetime on the as-of date at 23:59:59 is on that date", AS_OF,
                        attr("customers.signed_up_at", Operator.ON, "2011-12-09"), "C1"),
                c("a datetime at midnight of the next day is in the next 2 days, not the next 1", AS_OF,
                        relative("customers.signed_up_at", Operator.IN_NEXT, 2, TimeUnit.DAYS), "C1 C2"),
                c("before excludes the date itself", AS_OF,
                        attr("customers.birthday", Operator.BEFORE, "1990-01-02"), "C3"),
                c("after excludes the date itself", AS_OF,
                        attr("customers.birthday", Operator.AFTER, "1992-02-29"), "C5"),
                c("between dates is inclusive at both ends", AS_OF,
                        attr("customers.birthday", Operator.BETWEEN, "1990-01-02", "1990-02-28"), "C2 C4"));
    }

    static Stream<Arguments> monthEndsAndLeapDays() {
        return Stream.of(
                // 2011-03-31 minus 1 month clamps to 02-28; the window is 03-01 .. 03-31
                c("last 1 month from Mar 31 is March", LocalDate.of(2011, 3, 31),
                        relative("customers.renewal", Operator.IN_LAST, 1, TimeUnit.MONTHS), "C1 C3"),
                // 2011-01-31 plus 1 month clamps to 02-28; the window is 01-31 .. 02-27
                c("next 1 month from Jan 31 ends on Feb 27", LocalDate.of(2011, 1, 31),
                        relative("customers.renewal", Operator.IN_NEXT, 1, TimeUnit.MONTHS), "C6"),
                c("a Feb 29 date is on Feb 29", AS_OF, attr("customers.birthday", Operator.EQ, "1992-02-29"), "C1"),
                c("anniversaries across the year end: Dec 28 + 7 days reaches Jan 2", LocalDate.of(2011, 12, 28),
                        anniversary(7), "C2 C3"),
                c("a Feb 29 birthday counts on Feb 28 in a common year", LocalDate.of(2011, 2, 28), anniversary(1),
                        "C1 C4"),
                c("a Feb 29 birthday is not on Mar 1 in a common year", LocalDate.of(2011, 3, 1), anniversary(1), "C5"),
                c("in a leap year a Feb 29 birthday is on Feb 29 only", LocalDate.of(2012, 2, 28), anniversary(1),
                        "C4"),
                c("in a leap year two days from Feb 28 include Feb 29", LocalDate.of(2012, 2, 28), anniversary(2),
                        "C1 C4"),
                c("an anniversary of 366 days covers every known date", AS_OF, anniversary(366), "C1 C2 C3 C4 C5"));
    }

    static Stream<Arguments> emptiesAndCase() {
        return Stream.of(
                c("ne matches empty values", AS_OF, attr("customers.city", Operator.NE, "London"), "C2 C3 C4 C5 C6"),
                c("not_in matches empty values", AS_OF, attr("customers.city", Operator.NOT_IN, "London", "Paris"),
                        "C2 C3 C4 C5 C6"),
                c("not_contains matches empty values", AS_OF, attr("customers.city", Operator.NOT_CONTAINS, "lon"),
                        "C3 C4 C5 C6"),
                c("is_empty is NULL or ''", AS_OF, AttributeCondition.of("customers.city", Operator.IS_EMPTY), "C3 C4"),
                c("eq is case-sensitive", AS_OF, attr("customers.city", Operator.EQ, "london"), "C2"),
                c("contains ignores ASCII case", AS_OF, attr("customers.city", Operator.CONTAINS, "LON"), "C1 C2"),
                c("ends_with ignores ASCII case", AS_OF, attr("customers.city", Operator.ENDS_WITH, "N"), "C1 C2"),
                c("starts_with matches the same non-ASCII letter", AS_OF,
                        attr("customers.city", Operator.STARTS_WITH, "são"), "C5"),
                c("case of non-ASCII letters is not ignored", AS_OF,
                        attr("customers.city", Operator.STARTS_WITH, "SÃO"), ""),
                c("% and _ are plain characters", AS_OF, attr("customers.city", Operator.CONTAINS, "0%_"), "C6"),
                c("_ alone is a plain character", AS_OF, attr("customers.city", Operator.CONTAINS, "_"), "C6"),
                c("ne on numbers matches empty values", AS_OF, attr("customers.score", Operator.NE, num(10)),
                        "C2 C3 C4 C5 C6"),
                c("lt never matches an empty number", AS_OF, attr("customers.score", Operator.LT, num(0.5)), "C4 C5"),
                c("between numbers is inclusive", AS_OF,
                        attr("customers.score", Operator.BETWEEN, num(10), num(10.5)), "C1 C2"),
                c("is_true", AS_OF, AttributeCondition.of("customers.vip", Operator.IS_TRUE), "C1 C4"),
                c("is_false does not match empty", AS_OF, AttributeCondition.of("customers.vip", Operator.IS_FALSE),
                        "C2 C5"),
                c("not is_true includes empty", AS_OF,
                        new NotCondition(AttributeCondition.of("customers.vip", Operator.IS_TRUE)), "C2 C3 C5 C6"),
                c("a row attribute: has an order in the last 90 days", AS_OF,
                        relative("orders.order_date", Operator.IN_LAST, 90, TimeUnit.DAYS), "C1 C2 C5"),
                c("a row attribute is_empty: no order with a date", AS_OF,
                        AttributeCondition.of("orders.order_date", Operator.IS_EMPTY), "C3 C6"),
                c("a row attribute eq: some item in Rock", AS_OF, attr("order_items.category", Operator.EQ, "Rock"),
                        "C1 C2 C4"),
                c("a row attribute ne: no item in Rock", AS_OF, attr("order_items.category", Operator.NE, "Rock"),
                        "C3 C5 C6"),
                c("metrics count id-less orders once per row", AS_OF,
                        attr("metrics.orders", Operator.GTE, num(2)), "C1 C5"),
                c("metrics days since the last order", AS_OF,
                        attr("metrics.days_since_last_order", Operator.LTE, num(8)), "C1 C2"),
                c("metrics revenue of the last 12 months", AS_OF,
                        attr("metrics.revenue_12m", Operator.GT, num(0)), "C1 C2 C5"),
                c("metrics count only orders up to the as-of", LocalDate.of(2011, 12, 8),
                        attr("metrics.orders", Operator.EQ, num(0)), "C2 C3 C6"));
    }

    static Stream<Arguments> purchases() {
        return Stream.of(
                c("fewer than 3 orders includes customers who never ordered", AS_OF,
                        purchase(true, List.of(), Measure.ORDERS, Comparison.of(Operator.LT, 3), Window.ALL_TIME),
                        "C1 C2 C3 C4 C6"),
                c("zero orders in the last 90 days", AS_OF, purchase(true, List.of(), Measure.ORDERS,
                        Comparison.of(Operator.EQ, 0), Window.last(90, TimeUnit.DAYS)), "C3 C4 C6"),
                c("has false is the complement", AS_OF, purchase(false, List.of(), Measure.ORDERS,
                        Comparison.AT_LEAST_ONE, Window.last(90, TimeUnit.DAYS)), "C3 C4 C6"),
                c("item filter: revenue of Rock items only (eq is case-sensitive)", AS_OF,
                        purchase(true, List.of(attr("order_items.category", Operator.EQ, "Rock")), Measure.REVENUE,
                                Comparison.of(Operator.GTE, 20), Window.ALL_TIME), "C1 C2"),
                c("item filter: units of items containing rock in any case", AS_OF,
                        purchase(true, List.of(attr("order_items.category", Operator.CONTAINS, "rock")), Measure.UNITS,
                                Comparison.of(Operator.GTE, 1), Window.ALL_TIME), "C1 C2 C4 C5"),
                c("item filter: revenue sums matching lines over orders", AS_OF,
                        purchase(true, List.of(attr("order_items.category", Operator.EQ, "Jazz")), Measure.REVENUE,
                                Comparison.of(Operator.BETWEEN, 15, 15), Window.ALL_TIME), "C1"),
                c("item filter: orders with a matching item in the last 12 months", AS_OF,
                        purchase(true, List.of(attr("order_items.category", Operator.EQ, "Rock")), Measure.ORDERS,
                                Comparison.of(Operator.EQ, 1), Window.last(12, TimeUnit.MONTHS)), "C1 C2"),
                c("whole orders: revenue sums every order", AS_OF, purchase(true, List.of(), Measure.REVENUE,
                        Comparison.of(Operator.GTE, 30), Window.ALL_TIME), "C1 C2"),
                c("whole orders: revenue of nobody is 0", AS_OF, purchase(true, List.of(), Measure.REVENUE,
                        Comparison.of(Operator.LTE, 0), Window.ALL_TIME), "C3 C6"),
                c("id-less orders count once per row", AS_OF, purchase(true, List.of(), Measure.ORDERS,
                        Comparison.of(Operator.EQ, 3), Window.ALL_TIME), "C5"),
                c("fixed window includes both ends", AS_OF, purchase(true, List.of(), Measure.ORDERS,
                        Comparison.AT_LEAST_ONE, Window.between(LocalDate.of(2011, 12, 1), AS_OF)), "C1 C2"),
                c("fixed window open at the end", AS_OF, purchase(true, List.of(), Measure.ORDERS,
                        Comparison.AT_LEAST_ONE, Window.between(LocalDate.of(2011, 12, 2), null)), "C2"));
    }

    static Stream<Arguments> events() {
        return Stream.of(
                c("sequence: ties count as in order", AS_OF, sequence(null, null, Window.ALL_TIME, "view", "cart"),
                        "C1 C2 C4 C6"),
                c("sequence: ties work the other way round too", AS_OF,
                        sequence(null, null, Window.ALL_TIME, "cart", "view"), "C1 C3 C4"),
                c("sequence within 1 day", AS_OF,
                        sequence(new SequenceCondition.Within(1, TimeUnit.DAYS), null, Window.ALL_TIME, "view", "cart"),
                        "C1"),
                c("sequence within 1 month: exactly one month later and Jan 31 to Feb 28 pass", AS_OF,
                        sequence(new SequenceCondition.Within(1, TimeUnit.MONTHS), null, Window.ALL_TIME, "view",
                                "cart"), "C1 C2 C4 C6"),
                c("sequence within 30 days: 31 days is too long", AS_OF,
                        sequence(new SequenceCondition.Within(30, TimeUnit.DAYS), null, Window.ALL_TIME, "view",
                                "cart"), "C1 C2 C6"),
                c("sequence without an event in between", AS_OF,
                        sequence(null, "support", Window.ALL_TIME, "view", "cart"), "C1 C4 C6"),
                c("sequence of one type twice needs two events", AS_OF,
                        sequence(null, null, Window.ALL_TIME, "view", "view"), "C4"),
                c("sequence window applies to the first step", AS_OF,
                        sequence(null, null, Window.last(30, TimeUnit.DAYS), "view", "cart"), "C1 C2"),
                c("event count", AS_OF, new EventCondition(true, "view", List.of(), Comparison.of(Operator.GTE, 2),
                        Window.ALL_TIME), "C4"),
                c("did false is the complement", AS_OF, new EventCondition(false, "purchase", List.of(),
                        Comparison.AT_LEAST_ONE, Window.ALL_TIME), "C2 C3 C4 C5 C6"),
                c("zero events in a window includes customers without events", AS_OF,
                        new EventCondition(true, "cart", List.of(), Comparison.of(Operator.EQ, 0),
                                Window.last(30, TimeUnit.DAYS)), "C3 C4 C5 C6"));
    }

    static Stream<Arguments> references() {
        return Stream.of(
                c("a definition with no conditions matches everyone", AS_OF, GroupCondition.all(List.of()),
                        "C1 C2 C3 C4 C5 C6"),
                c("empty groups and not of an empty group are neutral", AS_OF, GroupCondition.any(List.of(
                        GroupCondition.all(List.of()), new NotCondition(GroupCondition.any(List.of())))),
                        "C1 C2 C3 C4 C5 C6"),
                c("an empty group inside an all is ignored", AS_OF,
                        GroupCondition.all(List.of(LONDONERS, GroupCondition.any(List.of()))), "C1"),
                c("an empty group inside an any is ignored", AS_OF,
                        GroupCondition.any(List.of(LONDONERS, GroupCondition.all(List.of()))), "C1"),
                c("in a static group", AS_OF, member(MembershipCondition.Kind.GROUP, "Gold", true), "C1 C2"),
                c("not in a static group", AS_OF, member(MembershipCondition.Kind.GROUP, "Gold", false),
                        "C3 C4 C5 C6"),
                c("in an empty group", AS_OF, member(MembershipCondition.Kind.GROUP, "Empty", true), ""),
                c("in a list of emails (exact)", AS_OF, member(MembershipCondition.Kind.LIST, "Mailing", true), "C1"),
                c("in a list of customer ids", AS_OF, member(MembershipCondition.Kind.LIST, "Ids", true), "C6"),
                c("in a saved segment", AS_OF, member(MembershipCondition.Kind.SEGMENT, "Londoners", true), "C1"),
                c("not in a saved segment", AS_OF, member(MembershipCondition.Kind.SEGMENT, "Londoners", false),
                        "C2 C3 C4 C5 C6"));
    }

    private static Arguments c(String name, LocalDate asOf, Condition definition, String expected) {
        return Arguments.of(name, asOf, definition, expected);
    }

    static AttributeCondition attr(String field, Operator op, Object... values) {
        return AttributeCondition.of(field, op, values);
    }

    private static AttributeCondition relative(String field, Operator op, int n, TimeUnit unit) {
        return new AttributeCondition(field, op, List.of(BigDecimal.valueOf(n)), unit);
    }

    private static AttributeCondition anniversary(int days) {
        return attr("customers.birthday", Operator.ANNIVERSARY_IN_NEXT, BigDecimal.valueOf(days));
    }

    private static BigDecimal num(double v) {
        return BigDecimal.valueOf(v);
    }

    private static PurchaseCondition purchase(boolean has, List<Condition> where, Measure measure, Comparison c,
                                              Window window) {
        return new PurchaseCondition(has, where, measure, c, window);
    }

    private static SequenceCondition sequence(SequenceCondition.Within within, String without, Window window,
                                              String... types) {
        return new SequenceCondition(Stream.of(types).map(SequenceCondition.Step::of).toList(), within, without,
                window);
    }

    private static MembershipCondition member(MembershipCondition.Kind kind, String name, boolean in) {
        return new MembershipCondition(kind, name, in);
    }
}
