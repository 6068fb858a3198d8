package org.segmint.spark.plan;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Junction;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.validation.Values;

/**
 * The {@code where} of purchase, event and sequence conditions as a predicate on each row of a {@link RowSource}:
 * there every operator, negative ones included, applies to the row's own value (a row with an empty value matches
 * {@code ne}); null always reads as "does not hold".
 */
final class RowConditions {
    private final Catalog catalog;
    private final LocalDate asOf;
    private final RowSource source;

    RowConditions(Catalog catalog, LocalDate asOf, RowSource source) {
        this.catalog = catalog;
        this.asOf = asOf;
        this.source = source;
    }

    /** The conjunction of {@code where}; true when it holds nothing. */
    Column all(List<Condition> where) {
        return junction(Junction.ALL, where);
    }

    private Column junction(Junction junction, List<Condition> conditions) {
        Column result = null;
        for (Condition c : conditions) {
            if (GroupCondition.isNeutral(c)) {
                continue;
            }
            Column part = compile(c);
            result = result == null ? part : junction == Junction.ALL ? result.and(part) : result.or(part);
        }
        return result == null ? lit(true) : result;
    }

    private Column compile(Condition c) {
        if (c instanceof GroupCondition g) {
            return junction(g.junction(), g.conditions());
        }
        if (c instanceof NotCondition n) {
            return not(coalesce(compile(n.condition()), lit(false)));
        }
        if (c instanceof AttributeCondition a) {
            Field field = catalog.field(a.field()).orElseThrow();
            Column value = source.field(field);
            Operator positive = Values.positiveOf(a.op());
            if (positive == null) {
                return coalesce(ValuePredicates.positive(a, a.op(), field.type(), value, asOf), lit(false));
            }
            return not(coalesce(ValuePredicates.positive(a, positive, field.type(), value, asOf), lit(false)));
        }
        throw new IllegalArgumentException("not a row condition: " + c);
    }
}
