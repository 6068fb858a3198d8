package org.segmint.model.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.roaringbitmap.RoaringBitmap;

/**
 * An ordered list of groups in which each customer counts only in the first (highest) group that holds them.
 * Reordering is a new call with the same sets in another order: a few bitmap operations per group, so a view
 * recomputes on every drag.
 */
public final class PriorityCluster {
    private PriorityCluster() {
    }

    /** One group of the cluster and its members. */
    public record Member(String name, RoaringBitmap members) {
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(members, "members");
        }
    }

    /** A group's size before de-duplication ({@code customers}) and after ({@code assigned}). */
    public record Placed(String name, long customers, long assigned, RoaringBitmap assignedMembers) {
    }

    /** The groups in priority order with their counts, and the distinct customers in any group. */
    public record Result(List<Placed> groups, long total) {
        /** How many memberships the de-duplication removed (customers in more than one group count each extra time). */
        public long duplicates() {
            return groups.stream().mapToLong(Placed::customers).sum() - total;
        }
    }

    /** Assigns every customer to the first group in {@code groups} that holds them. */
    public static Result assign(List<Member> groups) {
        RoaringBitmap taken = new RoaringBitmap();
        List<Placed> placed = new ArrayList<>(groups.size());
        for (Member g : groups) {
            RoaringBitmap assigned = RoaringBitmap.andNot(g.members(), taken);
            taken.or(assigned);
            placed.add(new Placed(g.name(), g.members().getLongCardinality(), assigned.getLongCardinality(),
                    assigned));
        }
        return new Result(List.copyOf(placed), taken.getLongCardinality());
    }
}
