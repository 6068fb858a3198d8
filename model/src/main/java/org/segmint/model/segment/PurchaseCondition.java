package org.segmint.model.segment;

import java.util.List;
import java.util.Objects;

/**
 * Purchase behaviour: the customer's orders in the window (only items matching {@code where} when it
 * names an {@code order_items} field), added up by {@code measure} and compared. {@code has=false}
 * is the exact negation of the same condition with {@code has=true}.
 *
 * @param where attribute conditions (and groups of them) on {@code orders.*} and {@code order_items.*}
 *              fields, all of which must hold
 */
public record PurchaseCondition(boolean has, List<Condition> where, Measure measure, Comparison comparison,
                                Window window) implements Condition {

    public PurchaseCondition {
        where = where == null ? List.of() : List.copyOf(where);
        measure = measure == null ? Measure.ORDERS : measure;
        comparison = comparison == null ? Comparison.AT_LEAST_ONE : comparison;
        window = window == null ? Window.ALL_TIME : window;
        Objects.requireNonNull(where);
    }

    public static PurchaseCondition any() {
        return new PurchaseCondition(true, List.of(), Measure.ORDERS, Comparison.AT_LEAST_ONE, Window.ALL_TIME);
    }

    @Override
    public <R> R accept(ConditionVisitor<R> visitor) {
        return visitor.visitPurchase(this);
    }
}
