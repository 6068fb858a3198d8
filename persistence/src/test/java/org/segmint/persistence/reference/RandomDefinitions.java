package org.segmint.persistence.reference;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Junction;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;

/**
 * Random segment definitions (jqwik) for a workspace made by {@link RandomWorkspaces}: trees of depth
 * at most 4 with every node type, every operator valid for each field's type, values mostly taken from
 * the data plus boundary dates around the as-of date, behaviour conditions with where filters,
 * measures, zero-including comparisons and windows of each kind, references to saved segments, groups
 * (one empty) and lists, and empty groups.
 */
public final class RandomDefinitions {
    /** Definitions saved in every random workspace, available to {@code segment} references. */
    public static final Map<String, Condition> SAVED = savedSegments();

    private final ReferenceData data;
    private final DataSamples samples;
    private final Map<String, Arbitrary<Condition>> byAsOf = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<Operator> leftOut;
    private final List<String> singleRowFields = new ArrayList<>();
    private final List<String> metricFields = new ArrayList<>();
    private final List<String> manyRowFields = new ArrayList<>();
    private final List<String> orderFields = new ArrayList<>();
    private final List<String> itemFields = new ArrayList<>();
    private final List<String> eventFields = new ArrayList<>();

    /**
     * @param connection the workspace to draw values from
     * @param leftOut    operators never generated (for a known, reported disagreement)
     */
    public RandomDefinitions(Connection connection, Set<Operator> leftOut) {
        this(connection, leftOut, true);
    }

    /** @param includeLifecycle whether {@code metrics.lifecycle} may appear */
    public RandomDefinitions(Connection connection, boolean includeLifecycle) {
        this(connection, Set.of(), includeLifecycle);
    }

    private RandomDefinitions(Connection connection, Set<Operator> leftOut, boolean includeLifecycle) {
        this.data = ReferenceData.load(connection);
        this.samples = new DataSamples(data);
        this.leftOut = Set.copyOf(leftOut);
        for (String field : new TreeMap<>(data.types).keySet()) {
            String table = field.substring(0, field.indexOf('.'));
            if (table.equals("customers")) {
                singleRowFields.add(field);
            } else if (table.equals("metrics")) {
                if (includeLifecycle || !field.equals("metrics.lifecycle")) {
                    metricFields.add(field);
                }
            } else {
                manyRowFields.add(field);
                (table.equals("orders") ? orderFields : table.equals("events") ? eventFields : itemFields).add(field);
            }
        }
    }

    /**
     * Dates to evaluate on: month ends, a leap day, a year end and the day after, and days spread over
     * the data (a fixed list, so that generators are built once per date).
     */
    public static List<LocalDate> asOfDateList() {
        List<LocalDate> dates = new ArrayList<>(List.of(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31),
                LocalDate.of(2023, 12, 28), LocalDate.of(2024, 12, 31), LocalDate.of(2023, 2, 28),
                LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), LocalDate.of(2022, 1, 5)));
        for (int day = 40; day < RandomWorkspaces.DAYS + 60; day += 97) {
            dates.add(RandomWorkspaces.START.plusDays(day));
        }
        return dates;
    }

    /** {@link #asOfDateList()} as an arbitrary. */
    public static Arbitrary<LocalDate> asOfDates() {
        return Arbitraries.of(asOfDateList());
    }

    /** Definitions to evaluate as of {@code asOf}, metrics attributes included. */
    public Arbitrary<Condition> definitions(LocalDate asOf) {
        return definitions(asOf, true);
    }

    /**
     * Definitions to evaluate as of {@code asOf} (boundary dates are chosen around it).
     *
     * @param withMetrics whether {@code metrics.*} attributes may appear
     */
    public Arbitrary<Condition> definitions(LocalDate asOf, boolean withMetrics) {
        return byAsOf.computeIfAbsent(asOf + "/" + withMetrics,
                k -> new Generation(asOf, ReferenceMetrics.compute(data, asOf), withMetrics).node(3));
    }

    private final class Generation {
        private final LocalDate asOf;
        private final Map<Long, Map<String, Object>> metrics;
        private final List<String> customerFields = new ArrayList<>(singleRowFields);

        Generation(LocalDate asOf, Map<Long, Map<String, Object>> metrics, boolean withMetrics) {
            this.asOf = asOf;
            this.metrics = metrics;
            if (withMetrics) {
                customerFields.addAll(metricFields);
            }
        }

        Arbitrary<Condition> node(int depth) {
            if (depth == 0) {
                return leaf();
            }
            Arbitrary<Condition> group = Combinators.combine(Arbitraries.of(Junction.values()),
                    node(depth - 1).list().ofMinSize(0).ofMaxSize(3)).as(GroupCondition::new);
            Arbitrary<Condition> not = node(depth - 1).map(NotCondition::new);
            return Arbitraries.frequencyOf(Tuple.of(5, leaf()), Tuple.of(4, group), Tuple.of(1, not));
        }

        Arbitrary<Condition> leaf() {
            return Arbitraries.frequencyOf(
                    Tuple.of(5, attribute(customerFields)),
                    Tuple.of(2, attribute(manyRowFields)),
                    Tuple.of(3, purchase()),
                    Tuple.of(2, event()),
                    Tuple.of(2, sequence()),
                    Tuple.of(2, membership()));
        }

        /** A type first, then a field of that type: every type's operators come up equally often. */
        Arbitrary<Condition> attribute(List<String> fields) {
            Map<FieldType, List<String>> byType = new TreeMap<>();
            fields.forEach(f -> byType.computeIfAbsent(data.type(f), t -> new ArrayList<>()).add(f));
            return Arbitraries.of(List.copyOf(byType.values())).flatMap(Arbitraries::of).flatMap(this::attributeOn);
        }

        Arbitrary<Condition> attributeOn(String field) {
            FieldType type = data.type(field);
            List<Operator> ops = operators(type).stream().filter(op -> !leftOut.contains(op)).toList();
            return Arbitraries.of(ops).flatMap(op -> test(field, type, op));
        }

        private Arbitrary<Condition> test(String field, FieldType type, Operator op) {
            if (op.arity() == 0) {
                return Arbitraries.just(AttributeCondition.of(field, op));
            }
            if (op == Operator.IN_LAST || op == Operator.IN_NEXT) {
                return Combinators.combine(Arbitraries.of(1, 7, 30, 90, 2, 12), Arbitraries.of(TimeUnit.values()))
                        .as((n, unit) -> new AttributeCondition(field, op, List.of(BigDecimal.valueOf(n)), unit));
            }
            if (op == Operator.ANNIVERSARY_IN_NEXT) {
                return Arbitraries.of(1, 2, 7, 30, 60, 365, 366)
                        .map(n -> new AttributeCondition(field, op, List.of(BigDecimal.valueOf(n)), null));
            }
            Arbitrary<Object> value = value(field, type, op);
            if (op.arity() == -1) {
                return value.list().ofMinSize(1).ofMaxSize(3).map(vs -> new AttributeCondition(field, op, vs, null));
            }
            if (op.arity() == 2) {
                return value.list().ofSize(2).map(vs -> new AttributeCondition(field, op, sorted(type, vs), null));
            }
            return value.map(v -> AttributeCondition.of(field, op, v));
        }

        private Arbitrary<Object> value(String field, FieldType type, Operator op) {
            List<Object> present = samples.values(field, asOf, metrics);
            if (type == FieldType.TEXT && (op == Operator.CONTAINS || op == Operator.NOT_CONTAINS
                    || op == Operator.STARTS_WITH || op == Operator.ENDS_WITH)) {
                return Arbitraries.of(samples.fragments(field)).map(s -> (Object) s);
            }
            Arbitrary<Object> fromData = Arbitraries.of(present);
            Arbitrary<Object> other;
            switch (type) {
                case TEXT:
                    other = Arbitraries.of("London", "LONDON", "nobody", "Rock", "ROCK", "web", "home", "O1", "C101");
                    break;
                case INTEGER:
                case DECIMAL:
                    other = Arbitraries.of(0, 1, -1, 2, 30, 90, 365).map(n -> (Object) BigDecimal.valueOf(n));
                    break;
                case BOOLEAN:
                    other = Arbitraries.of(Boolean.TRUE, Boolean.FALSE);
                    break;
                default:
                    other = Arbitraries.of(boundaryDates()).map(d -> (Object) d.toString());
            }
            return Arbitraries.frequencyOf(Tuple.of(3, fromData), Tuple.of(2, other));
        }

        Arbitrary<Condition> purchase() {
            Arbitrary<List<Condition>> where = Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.just(List.of())),
                    Tuple.of(2, attribute(orderFields).list().ofMinSize(1).ofMaxSize(2)),
                    Tuple.of(3, attribute(itemFields).list().ofMinSize(1).ofMaxSize(2)),
                    Tuple.of(1, Combinators.combine(attribute(itemFields), attribute(orderFields)).as(List::of)),
                    Tuple.of(1, Combinators.combine(Arbitraries.of(Junction.values()),
                            attribute(itemFields).list().ofMinSize(0).ofMaxSize(2))
                            .as((j, cs) -> List.<Condition>of(new GroupCondition(j, cs)))));
            Arbitrary<Boolean> has = Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false));
            return Arbitraries.of(Measure.values()).flatMap(measure -> Combinators.combine(has, where,
                    comparison(measure == Measure.REVENUE), window())
                    .as((h, w, c, win) -> new PurchaseCondition(h, w, measure, c, win)));
        }

        Arbitrary<Condition> event() {
            Arbitrary<Boolean> did = Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false));
            return Combinators.combine(did, eventType(), eventWhere(), comparison(false), window())
                    .as(EventCondition::new);
        }

        Arbitrary<Condition> sequence() {
            Arbitrary<SequenceCondition.Step> step = Combinators.combine(eventType(), eventWhere())
                    .as(SequenceCondition.Step::new);
            Arbitrary<SequenceCondition.Within> within = Combinators.combine(Arbitraries.of(0, 1, 2, 3, 30),
                    Arbitraries.of(TimeUnit.values())).as(SequenceCondition.Within::new).injectNull(0.3);
            return Combinators.combine(step.list().ofMinSize(1).ofMaxSize(3), within,
                    eventType().injectNull(0.6), window()).as(SequenceCondition::new);
        }

        Arbitrary<Condition> membership() {
            List<Condition> refs = new ArrayList<>();
            for (boolean in : new boolean[] {true, false}) {
                SAVED.keySet().forEach(n -> refs.add(new MembershipCondition(MembershipCondition.Kind.SEGMENT, n, in)));
                RandomWorkspaces.GROUPS.forEach(n -> refs.add(new MembershipCondition(MembershipCondition.Kind.GROUP, n,
                        in)));
                RandomWorkspaces.LISTS.forEach(n -> refs.add(new MembershipCondition(MembershipCondition.Kind.LIST, n,
                        in)));
            }
            return Arbitraries.of(refs);
        }

        private Arbitrary<String> eventType() {
            return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(RandomWorkspaces.EVENT_TYPES)),
                    Tuple.of(1, Arbitraries.just("refund")));
        }

        private Arbitrary<List<Condition>> eventWhere() {
            List<String> fields = eventFields.stream().filter(f -> !f.equals("events.event_type")).toList();
            return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.of())),
                    Tuple.of(1, attribute(fields).list().ofMinSize(1).ofMaxSize(2)));
        }

        private Arbitrary<Comparison> comparison(boolean money) {
            Arbitrary<BigDecimal> value = money
                    ? Arbitraries.of(0.0, 0.25, 10.5, 50.0, 100.25, 250.0, 1000.0).map(BigDecimal::valueOf)
                    : Arbitraries.of(0, 1, 2, 3, 5).map(BigDecimal::valueOf);
            return Arbitraries.of(Comparison.OPERATORS).flatMap(op -> op == Operator.BETWEEN
                    ? value.list().ofSize(2).map(vs -> new Comparison(op, vs.stream().sorted().toList()))
                    : value.map(v -> new Comparison(op, List.of(v))));
        }

        private Arbitrary<Window> window() {
            Arbitrary<Window> relative = Combinators.combine(Arbitraries.of(1, 2, 3, 7, 12, 30, 90),
                    Arbitraries.of(TimeUnit.values())).as(Window::last);
            Arbitrary<LocalDate> day = Arbitraries.of(boundaryDates());
            Arbitrary<Window> fixed = Combinators.combine(day.injectNull(0.2), day.injectNull(0.2)).as((a, b) ->
                    a != null && b != null && a.isAfter(b) ? Window.between(b, a) : Window.between(a, b));
            return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Window.ALL_TIME)), Tuple.of(4, relative),
                    Tuple.of(2, fixed));
        }

        /** The as-of date, the edges of the usual relative windows around it, month ends and leap days. */
        private List<LocalDate> boundaryDates() {
            List<LocalDate> days = new ArrayList<>(List.of(asOf, asOf.minusDays(1), asOf.plusDays(1),
                    asOf.minusDays(89), asOf.minusDays(90), asOf.minusMonths(1), asOf.minusMonths(1).plusDays(1),
                    asOf.minusYears(1).plusDays(1), asOf.withDayOfMonth(asOf.lengthOfMonth()),
                    LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 28), LocalDate.of(2023, 2, 28),
                    LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 1), LocalDate.of(2022, 1, 1)));
            return days;
        }
    }

    private static List<Object> sorted(FieldType type, List<Object> values) {
        Object a = values.get(0);
        Object b = values.get(1);
        boolean swap = type.isNumeric() ? ((BigDecimal) a).compareTo((BigDecimal) b) > 0
                : a.toString().compareTo(b.toString()) > 0;
        return swap ? List.of(b, a) : List.of(a, b);
    }

    static List<Operator> operators(FieldType type) {
        List<Operator> ops = new ArrayList<>(List.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN,
                Operator.IS_EMPTY, Operator.IS_NOT_EMPTY));
        switch (type) {
            case TEXT:
                ops.addAll(List.of(Operator.CONTAINS, Operator.NOT_CONTAINS, Operator.STARTS_WITH, Operator.ENDS_WITH));
                break;
            case INTEGER:
            case DECIMAL:
                ops.addAll(List.of(Operator.LT, Operator.LTE, Operator.GT, Operator.GTE, Operator.BETWEEN));
                break;
            case DATE:
            case DATETIME:
                ops.addAll(List.of(Operator.BEFORE, Operator.AFTER, Operator.ON, Operator.BETWEEN, Operator.IN_LAST,
                        Operator.IN_NEXT, Operator.ANNIVERSARY_IN_NEXT));
                break;
            default:
                ops.addAll(List.of(Operator.IS_TRUE, Operator.IS_FALSE));
        }
        return ops;
    }

    private static Map<String, Condition> savedSegments() {
        Map<String, Condition> saved = new TreeMap<>();
        saved.put("Big spenders", new PurchaseCondition(true, List.of(), Measure.REVENUE,
                new Comparison(Operator.GTE, List.of(BigDecimal.valueOf(300))), Window.ALL_TIME));
        saved.put("Londoners", AttributeCondition.of("customers.city", Operator.EQ, "London"));
        saved.put("Recent viewers who spend", GroupCondition.all(List.of(
                EventCondition.did("view", Window.last(90, TimeUnit.DAYS)),
                new MembershipCondition(MembershipCondition.Kind.SEGMENT, "Big spenders", true))));
        saved.put("Everyone", GroupCondition.any(List.of()));
        return saved;
    }
}
