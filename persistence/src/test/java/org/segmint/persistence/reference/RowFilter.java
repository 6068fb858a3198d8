package org.segmint.persistence.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Junction;
import org.segmint.model.segment.NotCondition;

/**
 * The {@code where} of a purchase, event or sequence step, tested on one row at a time. Empty groups
 * are neutral here too; a where without any test accepts every row.
 */
final class RowFilter {
    private final List<Condition> where;
    private final ReferenceData data;
    private final LocalDate asOf;

    RowFilter(List<Condition> where, ReferenceData data, LocalDate asOf) {
        this.where = where;
        this.data = data;
        this.asOf = asOf;
    }

    /** @param valueOf the row's value of a field ({@code table.column}) */
    boolean accepts(Function<String, Object> valueOf) {
        Boolean all = combine(Junction.ALL, where, valueOf);
        return all == null || all;
    }

    /** True, false, or null when the node is neutral (holds no test). */
    private Boolean test(Condition c, Function<String, Object> valueOf) {
        if (c instanceof AttributeCondition a) {
            return ReferenceValues.holds(data.type(a.field()), a, valueOf.apply(a.field()), asOf);
        }
        if (c instanceof GroupCondition g) {
            return combine(g.junction(), g.conditions(), valueOf);
        }
        if (c instanceof NotCondition n) {
            Boolean inner = test(n.condition(), valueOf);
            return inner == null ? null : !inner;
        }
        throw new IllegalArgumentException("only attribute tests and groups of them may appear in a where: " + c);
    }

    private Boolean combine(Junction junction, List<Condition> conditions, Function<String, Object> valueOf) {
        Boolean result = null;
        for (Condition c : conditions) {
            Boolean r = test(c, valueOf);
            if (r != null) {
                result = result == null ? r : junction == Junction.ALL ? result && r : result || r;
            }
        }
        return result;
    }

    /** Whether any attribute in the where (at any depth) names a field of {@code table}. */
    static boolean names(List<Condition> where, String table) {
        for (Condition c : where) {
            if (c instanceof AttributeCondition a && a.table().equals(table)) {
                return true;
            }
            if (c instanceof GroupCondition g && names(g.conditions(), table)) {
                return true;
            }
            if (c instanceof NotCondition n && names(List.of(n.condition()), table)) {
                return true;
            }
        }
        return false;
    }
}
