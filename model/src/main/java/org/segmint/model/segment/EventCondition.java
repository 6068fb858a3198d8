package org.segmint.model.segment;

import java.util.List;
import java.util.Objects;

/**
 * Event behaviour: the number of the customer's events of type {@code event} matching {@code where}
 * in the window, compared with {@code comparison}. {@code did=false} negates exactly.
 */
public record EventCondition(boolean did, String event, List<Condition> where, Comparison comparison, Window window)
        implements Condition {

    public EventCondition {
        Objects.requireNonNull(event, "event");
        where = where == null ? List.of() : List.copyOf(where);
        comparison = comparison == null ? Comparison.AT_LEAST_ONE : comparison;
        window = window == null ? Window.ALL_TIME : window;
    }

    public static EventCondition did(String event, Window window) {
        return new EventCondition(true, event, List.of(), Comparison.AT_LEAST_ONE, window);
    }

    @Override
    public <R> R accept(ConditionVisitor<R> visitor) {
        return visitor.visitEvent(this);
    }
}
