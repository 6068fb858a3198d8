package org.segmint.persistence.group;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.segmint.model.group.GroupKind;
import org.segmint.model.group.Schedule;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.MembershipCondition;

/**
 * A stored group. A smart group has a {@code definition} (a segment definition; for a group made from a saved
 * segment, a reference to that segment), a {@code schedule} and its last recalculation; {@code error} says why
 * its last recalculation failed (its members are then those of the run before). {@code customers} counts the
 * members who are customers of the workspace today.
 */
public record Group(String name, GroupKind kind, String folder, String description, Condition definition,
                    Schedule schedule, Instant recalculatedAt, LocalDate recalculatedAsOf, String error,
                    Instant createdAt, Instant updatedAt, long customers) {

    public boolean isSmart() {
        return kind == GroupKind.SMART;
    }

    /** The saved segment a smart group follows, when its definition is exactly a reference to one. */
    public Optional<String> segment() {
        if (definition instanceof MembershipCondition m && m.kind() == MembershipCondition.Kind.SEGMENT && m.in()) {
            return Optional.of(m.name());
        }
        return Optional.empty();
    }

    /** Whether the schedule of a smart group says it should be recalculated now (local time of {@code clock}). */
    public boolean isDue(Clock clock) {
        if (!isSmart()) {
            return false;
        }
        LocalDateTime last = recalculatedAt == null ? null : LocalDateTime.ofInstant(recalculatedAt, clock.getZone());
        return schedule.isDue(last, LocalDateTime.now(clock));
    }
}
