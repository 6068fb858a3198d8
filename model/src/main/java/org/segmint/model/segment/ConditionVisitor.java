package org.segmint.model.segment;

/** Double dispatch over the node types of a segment definition. */
public interface ConditionVisitor<R> {
    R visitGroup(GroupCondition group);

    R visitNot(NotCondition not);

    R visitAttribute(AttributeCondition attribute);

    R visitPurchase(PurchaseCondition purchase);

    R visitEvent(EventCondition event);

    R visitSequence(SequenceCondition sequence);

    R visitMembership(MembershipCondition membership);
}
