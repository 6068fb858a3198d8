package org.segmint.persistence.engine;

import org.segmint.model.validation.Values;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Junction;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.persistence.workspace.Identifiers;

/**
 * Compiles the {@code where} of purchase, event and sequence conditions to a predicate on each row:
 * there every operator, negative ones included, applies to the row's own value (a row with an empty
 * value matches {@code ne}). A predicate may be NULL for a row; negation uses {@code IS NOT 1} so that
 * NULL always reads as "does not hold".
 */
final class RowConditions {
    private final Catalog catalog;
    private final LocalDate asOf;
    private final Map<String, String> aliases;

    /** @param aliases the table alias of each table the conditions may name, e.g. orders -> o */
    RowConditions(Catalog catalog, LocalDate asOf, Map<String, String> aliases) {
        this.catalog = catalog;
        this.asOf = asOf;
        this.aliases = aliases;
    }

    /** The conjunction of {@code where}, or null when there is nothing to test. */
    Sql all(List<Condition> where) {
        return junction(Junction.ALL, where);
    }

    private Sql junction(Junction junction, List<Condition> conditions) {
        Sql sql = null;
        for (Condition c : conditions) {
            if (GroupCondition.isNeutral(c)) {
                continue;
            }
            Sql part = compile(c);
            if (sql == null) {
                sql = Sql.of("(").add(part);
            } else {
                sql.add(junction == Junction.ALL ? " AND " : " OR ").add(part);
            }
        }
        return sql == null ? null : sql.add(")");
    }

    private Sql compile(Condition c) {
        if (c instanceof GroupCondition g) {
            return junction(g.junction(), g.conditions());
        }
        if (c instanceof NotCondition n) {
            return Sql.of("(").add(compile(n.condition())).add(" IS NOT 1)");
        }
        if (c instanceof AttributeCondition a) {
            Field field = catalog.field(a.field()).orElseThrow();
            String column = aliases.get(field.table()) + "." + Identifiers.quote(field.column());
            Operator positive = Values.positiveOf(a.op());
            if (positive == null) {
                return Predicates.positive(a, a.op(), field, column, asOf);
            }
            return Sql.of("(").add(Predicates.positive(a, positive, field, column, asOf)).add(" IS NOT 1)");
        }
        throw new IllegalArgumentException("not a row condition: " + c);
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
