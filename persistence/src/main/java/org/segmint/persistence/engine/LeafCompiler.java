package org.segmint.persistence.engine;

import org.segmint.model.validation.Validator;
import org.segmint.model.validation.Values;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.persistence.workspace.Identifiers;

/**
 * Compiles one leaf condition (attribute, purchase, event, sequence, group or list membership) to a
 * {@link Leaf}: a single uncorrelated query of customer keys, with bound values. The condition must
 * have passed {@link Validator}.
 */
final class LeafCompiler {
    private final Catalog catalog;
    private final LocalDate asOf;
    private final Supplier<String> metricsSource;
    private final Function<String, Optional<String>> listMatchOn;

    /**
     * @param metricsSource the table (or parenthesised SELECT) holding the metrics as of {@code asOf};
     *                      asked only when a condition reads metrics
     * @param listMatchOn   the {@code match_on} column of an uploaded list, by list name
     */
    LeafCompiler(Catalog catalog, LocalDate asOf, Supplier<String> metricsSource,
                 Function<String, Optional<String>> listMatchOn) {
        this.catalog = catalog;
        this.asOf = asOf;
        this.metricsSource = metricsSource;
        this.listMatchOn = listMatchOn;
    }

    Leaf attribute(AttributeCondition a) {
        Field field = catalog.field(a.field()).orElseThrow();
        Operator positive = Values.positiveOf(a.op());
        Operator op = positive == null ? a.op() : positive;
        String table = field.table();
        Sql sql;
        if (table.equals(Catalog.CUSTOMERS)) {
            sql = Sql.of("SELECT c.ck FROM customers c WHERE ")
                    .add(Predicates.positive(a, op, field, "c." + q(field.column()), asOf));
        } else if (table.equals(Catalog.METRICS)) {
            sql = Sql.of("SELECT m.ck FROM " + metricsSource.get() + " m WHERE ")
                    .add(Predicates.positive(a, op, field, "m." + q(field.column()), asOf));
        } else if (isMultiRow(table)) {
            // Outside a where, a multi-row attribute holds when at least one of the customer's rows holds.
            sql = Sql.of("SELECT t.ck FROM " + q(table) + " t WHERE t.ck IS NOT NULL AND ")
                    .add(Predicates.positive(a, op, field, "t." + q(field.column()), asOf));
        } else {
            sql = Sql.of("SELECT c.ck FROM customers c JOIN " + q(table) + " t ON t.customer_id = c.customer_id"
                    + " WHERE ").add(Predicates.positive(a, op, field, "t." + q(field.column()), asOf));
        }
        return new Leaf(sql, positive != null);
    }

    static boolean isMultiRow(String table) {
        return Catalog.hasManyRowsPerCustomer(table);
    }

    /**
     * The rows a behaviour condition adds up and how: {@code rows} holds the FROM and WHERE clauses,
     * {@code ck} and {@code measure} are expressions over them.
     */
    record Aggregate(Sql rows, String ck, String measure, boolean countsRows) {
        /** {@code SELECT ck, measure ... GROUP BY ck}: the measure of every customer that has rows. */
        Sql measures() {
            return Sql.of("SELECT " + ck + ", " + measure).add(rows).add(" GROUP BY " + ck);
        }
    }

    Leaf purchase(PurchaseCondition p) {
        return aggregate(purchaseRows(p), p.comparison(), p.has());
    }

    Leaf event(EventCondition e) {
        return aggregate(eventRows(e), e.comparison(), e.did());
    }

    Aggregate purchaseRows(PurchaseCondition p) {
        boolean items = RowConditions.names(p.where(), Catalog.ORDER_ITEMS);
        boolean joinOrders = items && RowConditions.names(p.where(), Catalog.ORDERS);
        String row = items ? "i" : "o";
        Sql sql = Sql.of(" FROM ");
        sql.add(items ? "order_items i" : "orders o");
        if (joinOrders) {
            sql.add(" JOIN orders o ON o.order_id = i.order_id");
        }
        sql.add(" WHERE " + row + ".ck IS NOT NULL");
        DateRange window = p.window().resolve(asOf);
        if (!window.isAllTime()) {
            sql.add(" AND ").add(Predicates.range(row + ".order_date", false, window));
        }
        Sql where = new RowConditions(catalog, asOf, Map.of(Catalog.ORDERS, "o", Catalog.ORDER_ITEMS, "i"))
                .all(p.where());
        if (where != null) {
            sql.add(" AND ").add(where);
        }
        String measure;
        if (p.measure() == Measure.ORDERS) {
            // An order row without an id counts as an order of its own.
            measure = "(count(DISTINCT " + row + ".order_id) + count(*) - count(" + row + ".order_id))";
        } else if (p.measure() == Measure.UNITS) {
            measure = "total(" + row + (items ? ".quantity)" : ".units)");
        } else {
            measure = "total(" + row + ".revenue)";
        }
        return new Aggregate(sql, row + ".ck", measure, p.measure() == Measure.ORDERS);
    }

    Aggregate eventRows(EventCondition e) {
        Sql sql = Sql.of(" FROM events e WHERE e.ck IS NOT NULL AND e.event_type = ").text(e.event());
        DateRange window = e.window().resolve(asOf);
        if (!window.isAllTime()) {
            sql.add(" AND ").add(Predicates.range("e.event_time", true, window));
        }
        Sql where = new RowConditions(catalog, asOf, Map.of(Catalog.EVENTS, "e")).all(e.where());
        if (where != null) {
            sql.add(" AND ").add(where);
        }
        return new Aggregate(sql, "e.ck", "count(*)", true);
    }

    /**
     * Whether the comparison needs the measure itself; "at least one" of a count only needs to know
     * that a matching row exists.
     */
    static boolean needsMeasure(Comparison cmp, boolean countsRows) {
        return !(countsRows && !cmp.test(BigDecimal.ZERO) && cmp.test(BigDecimal.ONE)
                && (cmp.op() == Operator.GTE || cmp.op() == Operator.GT));
    }

    /**
     * Customers whose measure passes. A customer without rows has the measure 0; when 0 passes, the
     * members are everyone except the customers whose measure fails.
     *
     */
    private static Leaf aggregate(Aggregate a, Comparison cmp, boolean positive) {
        boolean zeroPasses = cmp.test(BigDecimal.ZERO);
        Sql sql;
        if (!needsMeasure(cmp, a.countsRows())) {
            // Any matching row will do; repeated keys are harmless (no DISTINCT: it would sort them).
            sql = Sql.of("SELECT " + a.ck()).add(a.rows());
        } else {
            sql = Sql.of("SELECT " + a.ck()).add(a.rows()).add(" GROUP BY " + a.ck() + " HAVING ");
            if (zeroPasses) {
                sql.add("NOT ");
            }
            sql.add(comparison(a.measure(), cmp));
        }
        return new Leaf(sql, zeroPasses == positive);
    }

    static Sql comparison(String measure, Comparison cmp) {
        Object first = Values.sqlNumber(cmp.values().get(0));
        switch (cmp.op()) {
            case EQ:
                return Sql.of("(" + measure + " = ").value(first).add(")");
            case NE:
                return Sql.of("(" + measure + " <> ").value(first).add(")");
            case LT:
                return Sql.of("(" + measure + " < ").value(first).add(")");
            case LTE:
                return Sql.of("(" + measure + " <= ").value(first).add(")");
            case GT:
                return Sql.of("(" + measure + " > ").value(first).add(")");
            case GTE:
                return Sql.of("(" + measure + " >= ").value(first).add(")");
            default:
                return Sql.of("(" + measure + " BETWEEN ").value(first).add(" AND ")
                        .value(Values.sqlNumber(cmp.values().get(1))).add(")");
        }
    }

    Leaf sequence(SequenceCondition s) {
        return new Leaf(new SequenceSql(catalog, asOf).compile(s), false);
    }

    Leaf membership(MembershipCondition m) {
        Sql sql;
        if (m.kind() == MembershipCondition.Kind.GROUP) {
            sql = Sql.of("SELECT c.ck FROM customers c WHERE c.customer_id IN (SELECT gm.customer_id"
                    + " FROM sg_group_members gm JOIN sg_groups g ON g.id = gm.group_id WHERE g.name = ")
                    .text(m.name()).add(")");
        } else {
            String column = listMatchOn.apply(m.name()).orElseThrow();
            sql = Sql.of("SELECT c.ck FROM customers c WHERE c." + q(column) + " IN (SELECT lm.value"
                    + " FROM sg_list_members lm JOIN sg_lists l ON l.id = lm.list_id WHERE l.name = ")
                    .text(m.name()).add(")");
        }
        return new Leaf(sql, !m.in());
    }

    private static String q(String identifier) {
        return Identifiers.quote(identifier);
    }
}
