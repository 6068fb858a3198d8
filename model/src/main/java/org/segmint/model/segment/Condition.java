package org.segmint.model.segment;

/**
 * One node of a segment definition: a group, a negation or a leaf condition.
 *
 * <p>Nodes are immutable records. Code that needs to treat each node type differently implements
 * {@link ConditionVisitor}; the SQL compiler, the in-memory reference evaluator, validation and the
 * JSON codec are all visitors, so adding a node type is a compile error everywhere it must be handled.
 */
public sealed interface Condition
        permits GroupCondition, NotCondition, AttributeCondition, PurchaseCondition, EventCondition,
        SequenceCondition, MembershipCondition {

    <R> R accept(ConditionVisitor<R> visitor);

    /** The definition that matches every customer: an empty ALL group. */
    static Condition everyone() {
        return GroupCondition.all(java.util.List.of());
    }
}
