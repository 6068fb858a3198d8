package org.segmint.model.segment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of condition a definition is made of, by the {@code type} their JSON carries. Code that starts from a
 * kind rather than from a condition (reading JSON, the editor's palette) switches over this enum with a switch
 * expression and no default, so a new kind does not compile until every such place handles it.
 */
public enum ConditionKind {
    ALL("all"),
    ANY("any"),
    NOT("not"),
    ATTRIBUTE("attribute"),
    PURCHASE("purchase"),
    EVENT("event"),
    SEQUENCE("sequence"),
    SEGMENT("segment"),
    GROUP("group"),
    LIST("list");

    private final String jsonName;

    ConditionKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<ConditionKind> fromJson(String name) {
        return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
    }

    /** The kind of a condition. */
    public static ConditionKind of(Condition condition) {
        return condition.accept(new ConditionVisitor<>() {
            @Override
            public ConditionKind visitGroup(GroupCondition group) {
                return group.junction() == Junction.ALL ? ALL : ANY;
            }

            @Override
            public ConditionKind visitNot(NotCondition not) {
                return NOT;
            }

            @Override
            public ConditionKind visitAttribute(AttributeCondition attribute) {
                return ATTRIBUTE;
            }

            @Override
            public ConditionKind visitPurchase(PurchaseCondition purchase) {
                return PURCHASE;
            }

            @Override
            public ConditionKind visitEvent(EventCondition event) {
                return EVENT;
            }

            @Override
            public ConditionKind visitSequence(SequenceCondition sequence) {
                return SEQUENCE;
            }

            @Override
            public ConditionKind visitMembership(MembershipCondition membership) {
                return switch (membership.kind()) {
                    case SEGMENT -> SEGMENT;
                    case GROUP -> GROUP;
                    case LIST -> LIST;
                };
            }
        });
    }
}
