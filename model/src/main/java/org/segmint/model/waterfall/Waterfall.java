package org.segmint.model.waterfall;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.roaringbitmap.RoaringBitmap;

/**
 * Priority assignment over membership sets: each customer lands in the first entry they qualify for;
 * everyone else is left over.
 *
 * <p>The input is each entry's qualifying set, computed once by the engine; reordering the entries is a
 * new call with the same sets in another order, a handful of bitmap operations (about a millisecond at a
 * million customers), so the editor recomputes on every drag.
 */
public final class Waterfall {

    /** One entry's name and the customers who match its definition. */
    public record Qualifying(String name, RoaringBitmap members) {
        public Qualifying {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(members, "members");
        }
    }

    private Waterfall() {
    }

    /**
     * Assigns every customer of {@code universe} to the first entry whose qualifying set holds them.
     * Qualifying sets are restricted to the universe first, so keys outside it count nowhere.
     *
     * @param entries       the entries in priority order
     * @param universe      every customer considered
     * @param leftoversName the leftovers bucket's name, or null for none
     */
    public static WaterfallResult assign(List<Qualifying> entries, RoaringBitmap universe, String leftoversName) {
        int n = entries.size();
        List<RoaringBitmap> qualifying = new ArrayList<>(n);
        List<RoaringBitmap> assigned = new ArrayList<>(n);
        RoaringBitmap remaining = universe.clone();
        for (Qualifying entry : entries) {
            RoaringBitmap q = RoaringBitmap.and(entry.members(), universe);
            RoaringBitmap a = RoaringBitmap.and(q, remaining);
            remaining.andNot(a);
            qualifying.add(q);
            assigned.add(a);
        }
        List<EntryResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Integer> takenBy = new ArrayList<>(i);
            for (int j = 0; j < i; j++) {
                takenBy.add(RoaringBitmap.andCardinality(qualifying.get(i), assigned.get(j)));
            }
            results.add(new EntryResult(entries.get(i).name(), qualifying.get(i).getCardinality(),
                    assigned.get(i).getCardinality(), takenBy, assigned.get(i)));
        }
        int total = universe.getCardinality();
        return new WaterfallResult(results, leftoversName, remaining, total,
                warnings(results.stream().map(EntryResult::count).toList(), total));
    }

    /**
     * The warnings of a model's result: an entry that matches every customer above others, and entries that receive
     * nobody (naming who took their customers).
     *
     * @param results the entries in model order
     * @param total   every customer considered
     */
    public static List<WaterfallWarning> warnings(List<EntryCount> results, long total) {
        List<WaterfallWarning> warnings = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            EntryCount e = results.get(i);
            boolean hasEntriesBelow = i < results.size() - 1;
            if (total > 0 && e.qualifying() == total && hasEntriesBelow) {
                warnings.add(new WaterfallWarning(WaterfallWarning.Kind.TAKES_EVERYONE, i, "'" + e.name()
                        + "' matches every customer, so the entries below it ("
                        + names(results.subList(i + 1, results.size())) + ") receive nobody"));
            }
            if (e.assigned() == 0) {
                warnings.add(new WaterfallWarning(WaterfallWarning.Kind.RECEIVES_NOBODY, i, nobodyMessage(results, i)));
            }
        }
        return warnings;
    }

    private static String nobodyMessage(List<EntryCount> results, int i) {
        EntryCount e = results.get(i);
        if (e.qualifying() == 0) {
            return "'" + e.name() + "' receives nobody: no customer matches it";
        }
        List<EntryCount> takers = new ArrayList<>();
        for (int j = 0; j < i; j++) {
            if (e.takenBy().get(j) > 0) {
                takers.add(results.get(j));
            }
        }
        return "'" + e.name() + "' receives nobody: all its " + e.qualifying() + " customers were taken by "
                + names(takers);
    }

    private static String names(List<EntryCount> entries) {
        StringBuilder sb = new StringBuilder();
        for (EntryCount e : entries) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('\'').append(e.name()).append('\'');
        }
        return sb.toString();
    }
}
