package org.segmint.persistence.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Junction;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.validation.Values;
import org.segmint.persistence.columns.Column;

/**
 * The {@code where} of a purchase, event or sequence step as a test on each row of the column engine, with the
 * meaning {@link RowConditions} gives it in SQL: every operator, negative ones included, applies to the row's
 * own value (a row with an empty value matches {@code ne}); neutral groups are ignored.
 */
final class RowTests {
    private final Catalog catalog;
    private final LocalDate asOf;
    private final Function<Field, Column> columns;

    /** @param columns the column of a field, in the row order of the table tested; null when not available */
    RowTests(Catalog catalog, LocalDate asOf, Function<Field, Column> columns) {
        this.catalog = catalog;
        this.asOf = asOf;
        this.columns = columns;
    }

    /** Thrown when a where cannot be tested on the columns (the SQL engine then evaluates the condition). */
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    /** The conjunction of {@code where}, or null when there is nothing to test (every row passes). */
    ValueTest.Row all(List<Condition> where) {
        return junction(Junction.ALL, where);
    }

    private ValueTest.Row junction(Junction junction, List<Condition> conditions) {
        List<ValueTest.Row> parts = new ArrayList<>();
        for (Condition c : conditions) {
            if (!GroupCondition.isNeutral(c)) {
                parts.add(compile(c));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        ValueTest.Row[] rows = parts.toArray(new ValueTest.Row[0]);
        if (junction == Junction.ALL) {
            return row -> {
                for (ValueTest.Row r : rows) {
                    if (!r.test(row)) {
                        return false;
                    }
                }
                return true;
            };
        }
        return row -> {
            for (ValueTest.Row r : rows) {
                if (r.test(row)) {
                    return true;
                }
            }
            return false;
        };
    }

    private ValueTest.Row compile(Condition c) {
        if (c instanceof GroupCondition g) {
            return junction(g.junction(), g.conditions());
        }
        if (c instanceof NotCondition n) {
            ValueTest.Row inner = compile(n.condition());
            return row -> !inner.test(row);
        }
        if (c instanceof AttributeCondition a) {
            Field field = catalog.field(a.field()).orElseThrow();
            Column column = columns.apply(field);
            if (column == null) {
                throw new Unsupported(a.field());
            }
            Operator positive = Values.positiveOf(a.op());
            ValueTest test = ValueTest.of(a, positive == null ? a.op() : positive, field.type(), asOf);
            ValueTest.Row row = test.on(column);
            return positive == null ? row : r -> !row.test(r);
        }
        throw new Unsupported("not a row condition: " + c);
    }

    /** Whether every attribute of {@code where} (at any depth) is a field of {@code table}. */
    static boolean onlyNames(List<Condition> where, String table) {
        for (Condition c : where) {
            if (c instanceof GroupCondition g && !onlyNames(g.conditions(), table)) {
                return false;
            }
            if (c instanceof NotCondition n && !onlyNames(List.of(n.condition()), table)) {
                return false;
            }
            if (c instanceof AttributeCondition a && !a.table().equals(table)) {
                return false;
            }
        }
        return true;
    }

    static boolean isItems(List<Condition> where) {
        return RowConditions.names(where, Catalog.ORDER_ITEMS);
    }
}
