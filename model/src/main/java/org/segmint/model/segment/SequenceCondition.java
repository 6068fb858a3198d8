package org.segmint.model.segment;

import java.util.List;
import java.util.Objects;

/**
 * An ordered sequence of events: distinct events e1..ek of the step types with non-decreasing times,
 * e1's date inside {@code window}, ek at most {@code within} after e1 (no limit when null), and, when
 * {@code without} is set, no event of that type strictly between e1 and ek in time.
 */
public record SequenceCondition(List<Step> steps, Within within, String without, Window window)
        implements Condition {

    /** One step: an event type and optional conditions on {@code events.*} fields. */
    public record Step(String event, List<Condition> where) {
        public Step {
            Objects.requireNonNull(event, "event");
            where = where == null ? List.of() : List.copyOf(where);
        }

        public static Step of(String event) {
            return new Step(event, List.of());
        }
    }

    /** The longest time allowed from the first step to the last. */
    public record Within(int value, TimeUnit unit) {
        public Within {
            Objects.requireNonNull(unit, "unit");
        }
    }

    public SequenceCondition {
        steps = List.copyOf(steps);
        window = window == null ? Window.ALL_TIME : window;
        if (without != null && without.isBlank()) {
            without = null;
        }
    }

    @Override
    public <R> R accept(ConditionVisitor<R> visitor) {
        return visitor.visitSequence(this);
    }
}
