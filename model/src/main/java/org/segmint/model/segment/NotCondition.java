package org.segmint.model.segment;

import java.util.Objects;

/** Exact negation: matches every customer the inner condition does not match. */
public record NotCondition(Condition condition) implements Condition {

    public NotCondition {
        Objects.requireNonNull(condition, "condition");
    }

    @Override
    public <R> R accept(ConditionVisitor<R> visitor) {
        return visitor.visitNot(this);
    }
}
