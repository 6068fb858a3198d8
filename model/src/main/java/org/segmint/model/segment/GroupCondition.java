package org.segmint.model.segment;

import java.util.List;
import java.util.Objects;

/**
 * ALL (and) or ANY (or) of the children. An empty group is neutral: its parent ignores it, and a
 * definition that is only empty groups matches every customer.
 */
public record GroupCondition(Junction junction, List<Condition> conditions) implements Condition {

    public GroupCondition {
        Objects.requireNonNull(junction, "junction");
        conditions = List.copyOf(conditions);
    }

    public static GroupCondition all(List<Condition> conditions) {
        return new GroupCondition(Junction.ALL, conditions);
    }

    public static GroupCondition any(List<Condition> conditions) {
        return new GroupCondition(Junction.ANY, conditions);
    }

    /** True when this group holds no leaf condition at any depth. */
    public boolean isNeutral() {
        return conditions.stream().allMatch(GroupCondition::isNeutral);
    }

    /**
     * True for a group without leaf conditions and for a negation of such a group: nodes that their
     * parent ignores.
     */
    public static boolean isNeutral(Condition condition) {
        if (condition instanceof GroupCondition g) {
            return g.isNeutral();
        }
        return condition instanceof NotCondition n && isNeutral(n.condition());
    }

    /** The children that are not neutral: the ones that take part in the result. */
    public List<Condition> effectiveConditions() {
        return conditions.stream().filter(c -> !isNeutral(c)).toList();
    }

    @Override
    public <R> R accept(ConditionVisitor<R> visitor) {
        return visitor.visitGroup(this);
    }
}
