package org.segmint.spark.plan;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.ConditionVisitor;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Junction;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.validation.Validator;
import org.segmint.model.validation.Values;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Compiles a (validated) segment definition to a boolean column of the {@link CustomerFrame}: true exactly for the
 * members. It is the Spark twin of the desktop's SQL compiler and of the in-memory reference evaluator, with the same
 * semantics (docs/engine.md); every leaf is a non-null boolean, so {@code all}, {@code any} and {@code not} are plain
 * two-valued logic. Leaves on other tables become per-customer aggregates of that table's pipeline (asked for here,
 * computed when the frame is built); a reference to a saved segment compiles that segment's definition in place, so
 * it costs no join.
 */
public final class PlanCompiler implements ConditionVisitor<Column> {
    private final CustomerFrame frame;
    private final Catalog catalog;
    private final LocalDate asOf;
    private final Function<String, Optional<Condition>> segments;
    private final Deque<String> resolving = new ArrayDeque<>();
    private final Map<String, Column> referenced = new HashMap<>();

    public PlanCompiler(CustomerFrame frame, Function<String, Optional<Condition>> segments) {
        this.frame = frame;
        this.catalog = frame.catalog();
        this.asOf = frame.asOf();
        this.segments = segments;
    }

    /** The members of {@code definition}: a definition without conditions (or its negation) matches everyone. */
    public Column compile(Condition definition) {
        if (GroupCondition.isNeutral(definition)) {
            return lit(true);
        }
        return definition.accept(this);
    }

    @Override
    public Column visitGroup(GroupCondition group) {
        Column result = null;
        for (Condition child : group.effectiveConditions()) {
            Column c = compile(child);
            result = result == null ? c : group.junction() == Junction.ALL ? result.and(c) : result.or(c);
        }
        return result == null ? lit(true) : result;
    }

    @Override
    public Column visitNot(NotCondition not) {
        return not(compile(not.condition()));
    }

    @Override
    public Column visitAttribute(AttributeCondition a) {
        Field field = catalog.field(a.field()).orElseThrow();
        Operator positive = Values.positiveOf(a.op());
        Operator op = positive == null ? a.op() : positive;
        String table = field.table();
        Column holds;
        if (table.equals(Catalog.CUSTOMERS)) {
            holds = ValuePredicates.positive(a, op, field.type(), frame.customer(field.column()), asOf);
        } else if (table.equals(Catalog.METRICS)) {
            holds = ValuePredicates.positive(a, op, field.type(), frame.metrics().column(field.column()), asOf);
        } else {
            // Outside a where, an attribute of a table with many rows holds when one of the customer's rows holds.
            Pipeline pipeline = manyRows(table);
            Column row = ValuePredicates.positive(a, op, field.type(), pipeline.source().field(field), asOf);
            AttributeCondition request = new AttributeCondition(a.field(), op, a.values(), a.unit());
            holds = exists(pipeline, request, row);
        }
        Column leaf = coalesce(holds, lit(false));
        return positive == null ? leaf : not(leaf);
    }

    private Pipeline manyRows(String table) {
        switch (table) {
            case Catalog.ORDERS:
                return frame.orders();
            case Catalog.ORDER_ITEMS:
                return frame.items(false);
            case Catalog.EVENTS:
                return frame.events();
            default:
                return frame.keyed(table);
        }
    }

    private static Column exists(Pipeline pipeline, Object request, Column row) {
        if (pipeline instanceof OrdersPipeline o) {
            return o.exists(request, row);
        }
        if (pipeline instanceof ItemsPipeline i) {
            return i.exists(request, row);
        }
        if (pipeline instanceof EventsPipeline e) {
            return e.exists(request, row);
        }
        return ((KeyedPipeline) pipeline).exists(request, row);
    }

    @Override
    public Column visitPurchase(PurchaseCondition p) {
        boolean items = names(p.where(), Catalog.ORDER_ITEMS);
        boolean withOrders = items && names(p.where(), Catalog.ORDERS);
        PurchaseCondition request = new PurchaseCondition(true, p.where(), p.measure(), null, p.window());
        Column measure;
        if (items) {
            ItemsPipeline pipeline = frame.items(withOrders);
            Column filter = rowFilter(pipeline.source(), Catalog.ORDER_ITEMS, p.where(), p.window());
            measure = pipeline.measure(request, filter, p.measure());
        } else {
            OrdersPipeline pipeline = frame.orders();
            Column filter = rowFilter(pipeline.source(), Catalog.ORDERS, p.where(), p.window());
            measure = pipeline.measure(request, filter, p.measure());
        }
        Column leaf = compare(coalesce(measure, lit(0)), p.comparison());
        return p.has() ? leaf : not(leaf);
    }

    /** The rows in the window (by the date of {@code dateTable}'s row) that satisfy {@code where}. */
    private Column rowFilter(RowSource source, String dateTable, List<Condition> where,
                             org.segmint.model.segment.Window window) {
        Column filter = new RowConditions(catalog, asOf, source).all(where);
        DateRange range = window.resolve(asOf);
        if (!range.isAllTime()) {
            source.requireType(dateTable, "order_date", "a date", FieldType.DATE);
            filter = filter.and(ValuePredicates.dateRange(source.column(dateTable, "order_date", true), false, range));
        }
        return filter;
    }

    @Override
    public Column visitEvent(EventCondition e) {
        EventsPipeline pipeline = frame.events();
        RowSource source = pipeline.source();
        Column filter = source.column(Catalog.EVENTS, "event_type", true).equalTo(lit(e.event()))
                .and(new RowConditions(catalog, asOf, source).all(e.where()));
        DateRange range = e.window().resolve(asOf);
        if (!range.isAllTime()) {
            filter = filter.and(ValuePredicates.dateRange(eventTime(source), true, range));
        }
        EventCondition request = new EventCondition(true, e.event(), e.where(), null, e.window());
        Column leaf = compare(coalesce(pipeline.count(request, filter), lit(0L)), e.comparison());
        return e.did() ? leaf : not(leaf);
    }

    private static Column eventTime(RowSource source) {
        source.requireType(Catalog.EVENTS, "event_time", "a date and time", FieldType.DATETIME);
        return source.column(Catalog.EVENTS, "event_time", true);
    }

    @Override
    public Column visitSequence(SequenceCondition s) {
        if (s.steps().size() > SequenceMatcher.MAX_STEPS) {
            throw new WorkspaceException("A sequence on Spark has at most " + SequenceMatcher.MAX_STEPS + " steps");
        }
        EventsPipeline pipeline = frame.events();
        RowSource source = pipeline.source();
        Column time = eventTime(source);
        Column type = source.column(Catalog.EVENTS, "event_type", true);
        RowConditions where = new RowConditions(catalog, asOf, source);
        DateRange range = s.window().resolve(asOf);
        Column mask = lit(0L);
        for (int i = 0; i < s.steps().size(); i++) {
            SequenceCondition.Step step = s.steps().get(i);
            Column can = type.equalTo(lit(step.event())).and(where.all(step.where()));
            if (i == 0 && !range.isAllTime()) {
                can = can.and(ValuePredicates.dateRange(time, true, range));
            }
            mask = mask.bitwiseOR(when(coalesce(can, lit(false)), lit(1L << i)).otherwise(lit(0L)));
        }
        if (s.without() != null) {
            mask = mask.bitwiseOR(when(coalesce(type.equalTo(lit(s.without())), lit(false)),
                    lit(1L << SequenceMatcher.WITHOUT_BIT)).otherwise(lit(0L)));
        }
        mask = when(time.isNull(), lit(0L)).otherwise(mask);
        SequenceMatcher matcher = new SequenceMatcher(s.steps().size(), s.within(), s.without() != null);
        return coalesce(pipeline.sequence(s, mask, matcher), lit(false));
    }

    @Override
    public Column visitMembership(MembershipCondition m) {
        Column member;
        switch (m.kind()) {
            case SEGMENT:
                member = reference(m.name());
                break;
            case GROUP:
                member = coalesce(frame.groups().member(m.name()), lit(false));
                break;
            default:
                member = coalesce(frame.lists().member(m.name()), lit(false));
        }
        return m.in() ? member : not(member);
    }

    private Column reference(String name) {
        Column known = referenced.get(name);
        if (known != null) {
            return known;
        }
        if (resolving.contains(name)) {
            throw new WorkspaceException("Segment '" + name + "' refers to itself");
        }
        if (resolving.size() >= Validator.MAX_REFERENCE_DEPTH) {
            throw new WorkspaceException("Segment '" + name + "' is more than " + Validator.MAX_REFERENCE_DEPTH
                    + " segment references deep");
        }
        Condition definition = segments.apply(name)
                .orElseThrow(() -> new WorkspaceException("Unknown segment '" + name + "'"));
        resolving.push(name);
        try {
            Column c = compile(definition);
            referenced.put(name, c);
            return c;
        } finally {
            resolving.pop();
        }
    }

    /** {@code measure} compared as the desktop compares it: whole values exactly, others as the nearest double. */
    static Column compare(Column measure, Comparison cmp) {
        Object first = Values.sqlNumber(cmp.values().get(0));
        switch (cmp.op()) {
            case EQ:
                return measure.equalTo(lit(first));
            case NE:
                return measure.notEqual(lit(first));
            case LT:
                return measure.lt(lit(first));
            case LTE:
                return measure.leq(lit(first));
            case GT:
                return measure.gt(lit(first));
            case GTE:
                return measure.geq(lit(first));
            default:
                return measure.geq(lit(first)).and(measure.leq(lit(Values.sqlNumber(cmp.values().get(1)))));
        }
    }

    /** Whether any attribute in {@code where} (at any depth) is a field of {@code table}. */
    static boolean names(List<Condition> where, String table) {
        for (Condition c : where) {
            if (c instanceof GroupCondition g && names(g.conditions(), table)) {
                return true;
            }
            if (c instanceof NotCondition n && names(List.of(n.condition()), table)) {
                return true;
            }
            if (c instanceof AttributeCondition a && a.table().equals(table)) {
                return true;
            }
        }
        return false;
    }
}
