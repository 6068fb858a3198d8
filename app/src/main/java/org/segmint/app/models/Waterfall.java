package org.segmint.app.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * The first-match assignment of a priority list over cached memberships: each customer goes to the first
 * segment that contains them. Cheap enough to redo on every drag.
 */
final class Waterfall {
    private Waterfall() {
    }

    /** Rows in order; {@code neutral[i]} marks a segment without conditions (it matches everyone). */
    static List<PriorityRow> rows(List<String> names, List<RoaringBitmap> members, List<Boolean> neutral) {
        List<PriorityRow> rows = new ArrayList<>();
        RoaringBitmap taken = new RoaringBitmap();
        List<RoaringBitmap> assignedSets = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            RoaringBitmap qualifying = members.get(i);
            RoaringBitmap assigned = RoaringBitmap.andNot(qualifying, taken);
            Map<String, Long> takenBy = new LinkedHashMap<>();
            for (int j = 0; j < i; j++) {
                long n = RoaringBitmap.andCardinality(qualifying, assignedSets.get(j));
                if (n > 0) {
                    takenBy.merge(names.get(j), n, Long::sum);
                }
            }
            String warning = "";
            if (neutral.get(i) && i < names.size() - 1) {
                warning = "Has no conditions: it takes everyone left, so the segments below receive nobody";
            } else if (assigned.isEmpty() && !qualifying.isEmpty()) {
                warning = "Receives nobody: earlier segments took all of its customers";
            } else if (qualifying.isEmpty()) {
                warning = "Nobody qualifies";
            }
            rows.add(new PriorityRow(names.get(i), qualifying.getLongCardinality(), assigned.getLongCardinality(),
                    takenBy, warning));
            assignedSets.add(assigned);
            taken.or(qualifying);
        }
        return rows;
    }

    /** Everyone in {@code all} no segment took. */
    static long leftovers(List<RoaringBitmap> members, RoaringBitmap all) {
        RoaringBitmap rest = all.clone();
        for (RoaringBitmap m : members) {
            rest.andNot(m);
        }
        return rest.getLongCardinality();
    }
}
