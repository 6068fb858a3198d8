package org.segmint.persistence.reference;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.PurchaseCondition;

/**
 * How many leaves of a definition the column engine leaves to SQL by design: group and list memberships (an
 * indexed lookup that changes without a new data version) and purchases whose where names both order and item
 * fields (items joined to their orders). Each referenced segment is counted once, as the engine evaluates it.
 */
final class SqlLeaves {
    private SqlLeaves() {
    }

    static long count(Condition definition, Function<String, Condition> saved) {
        return count(definition, saved, new HashSet<>());
    }

    private static long count(Condition c, Function<String, Condition> saved, Set<String> seen) {
        if (c instanceof GroupCondition g) {
            return g.conditions().stream().mapToLong(x -> count(x, saved, seen)).sum();
        }
        if (c instanceof NotCondition n) {
            return count(n.condition(), saved, seen);
        }
        if (c instanceof MembershipCondition m) {
            if (m.kind() != MembershipCondition.Kind.SEGMENT) {
                return 1;
            }
            Condition d = saved.apply(m.name());
            return d != null && seen.add(m.name()) ? count(d, saved, seen) : 0;
        }
        if (c instanceof PurchaseCondition p) {
            return names(p.where(), Catalog.ORDERS) && names(p.where(), Catalog.ORDER_ITEMS) ? 1 : 0;
        }
        return 0;
    }

    private static boolean names(List<Condition> where, String table) {
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
