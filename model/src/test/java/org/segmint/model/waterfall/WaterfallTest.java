package org.segmint.model.waterfall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.waterfall.Waterfall.Qualifying;

class WaterfallTest {

    private static RoaringBitmap set(int... keys) {
        return RoaringBitmap.bitmapOf(keys);
    }

    @Test
    void eachCustomerLandsInTheFirstEntryTheyQualifyFor() {
        RoaringBitmap universe = set(1, 2, 3, 4, 5, 6, 7, 8);
        WaterfallResult r = Waterfall.assign(List.of(
                new Qualifying("A", set(1, 2, 3)),
                new Qualifying("B", set(2, 3, 4, 5)),
                new Qualifying("C", set(1, 5, 6))), universe, "Rest");
        assertEquals(List.of(3, 4, 3), r.entries().stream().map(EntryResult::qualifying).toList());
        assertEquals(List.of(3, 2, 1), r.entries().stream().map(EntryResult::assigned).toList());
        assertEquals(List.of(), r.entries().get(0).takenBy());
        assertEquals(List.of(2), r.entries().get(1).takenBy());
        assertEquals(List.of(1, 1), r.entries().get(2).takenBy());
        assertEquals(set(6), r.entries().get(2).members());
        assertEquals(set(7, 8), r.leftovers());
        assertEquals("Rest", r.leftoversName());
        assertEquals(8, r.total());
        assertEquals(6, r.assignedTotal());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void keysOutsideTheUniverseCountNowhere() {
        WaterfallResult r = Waterfall.assign(List.of(new Qualifying("A", set(1, 99))), set(1, 2), null);
        assertEquals(1, r.entries().get(0).qualifying());
        assertEquals(set(2), r.leftovers());
    }

    @Test
    void anEntryMatchingEveryoneAboveOthersIsWarnedAndTheOthersReceiveNobody() {
        RoaringBitmap universe = set(1, 2, 3);
        WaterfallResult r = Waterfall.assign(List.of(
                new Qualifying("Everyone", universe.clone()),
                new Qualifying("Buyers", set(1, 2))), universe, null);
        List<WaterfallWarning> w = r.warnings();
        assertEquals(2, w.size(), w.toString());
        assertEquals(WaterfallWarning.Kind.TAKES_EVERYONE, w.get(0).kind());
        assertEquals(0, w.get(0).entry());
        assertTrue(w.get(0).message().contains("'Everyone'") && w.get(0).message().contains("'Buyers'"));
        assertEquals(WaterfallWarning.Kind.RECEIVES_NOBODY, w.get(1).kind());
        assertEquals(1, w.get(1).entry());
        assertTrue(w.get(1).message().contains("taken by 'Everyone'"), w.get(1).message());
    }

    @Test
    void anEntryMatchingEveryoneAtTheBottomIsNoProblem() {
        RoaringBitmap universe = set(1, 2, 3);
        WaterfallResult r = Waterfall.assign(List.of(
                new Qualifying("Buyers", set(1)), new Qualifying("Everyone", universe.clone())), universe, null);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertEquals(0, r.leftovers().getCardinality());
    }

    @Test
    void anEntryMatchingNobodyIsWarned() {
        WaterfallResult r = Waterfall.assign(List.of(new Qualifying("A", set(1)), new Qualifying("Empty", set())),
                set(1, 2), null);
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).message().contains("'Empty' receives nobody: no customer matches it"));
    }

    @Test
    void reorderingAMillionCustomersFromCachedSetsIsFast() {
        Random random = new Random(7);
        RoaringBitmap universe = new RoaringBitmap();
        universe.add(0L, 1_000_000L);
        List<Qualifying> entries = new ArrayList<>();
        for (int e = 0; e < 6; e++) {
            RoaringBitmap b = new RoaringBitmap();
            double p = 0.05 + 0.1 * e;
            for (int k = 0; k < 1_000_000; k++) {
                if (random.nextDouble() < p) {
                    b.add(k);
                }
            }
            entries.add(new Qualifying("E" + e, b));
        }
        Waterfall.assign(entries, universe, "Rest");
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            List<Qualifying> shuffled = new ArrayList<>(entries);
            java.util.Collections.shuffle(shuffled, random);
            long t = System.nanoTime();
            WaterfallResult r = Waterfall.assign(shuffled, universe, "Rest");
            best = Math.min(best, System.nanoTime() - t);
            int sum = r.entries().stream().mapToInt(EntryResult::assigned).sum();
            assertEquals(1_000_000, sum + r.leftovers().getCardinality());
        }
        // Generous bound for a loaded 2-core machine; the target is 20 ms.
        assertTrue(best < 200_000_000L, "reorder took " + best / 1_000_000 + " ms");
    }

    @Property(tries = 200)
    void assignmentEqualsFirstMatchPerCustomer(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 6) int n) {
        Random random = new Random(seed);
        int customers = 1 + random.nextInt(300);
        RoaringBitmap universe = new RoaringBitmap();
        universe.add(0L, customers);
        List<Qualifying> entries = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            RoaringBitmap b = new RoaringBitmap();
            double p = random.nextDouble();
            for (int k = 0; k < customers + 20; k++) {
                if (random.nextDouble() < p) {
                    b.add(k);
                }
            }
            entries.add(new Qualifying("E" + e, b));
        }
        WaterfallResult r = Waterfall.assign(entries, universe, null);
        int[] assigned = new int[n];
        int[][] takenBy = new int[n][n];
        int leftovers = 0;
        for (int k = 0; k < customers; k++) {
            int first = -1;
            for (int e = 0; e < n; e++) {
                if (entries.get(e).members().contains(k)) {
                    if (first < 0) {
                        first = e;
                        assigned[e]++;
                        assertTrue(r.entries().get(e).members().contains(k));
                    } else {
                        takenBy[e][first]++;
                    }
                }
            }
            if (first < 0) {
                leftovers++;
                assertTrue(r.leftovers().contains(k));
            }
        }
        for (int e = 0; e < n; e++) {
            EntryResult er = r.entries().get(e);
            assertEquals(assigned[e], er.assigned());
            for (int j = 0; j < e; j++) {
                assertEquals(takenBy[e][j], er.takenBy().get(j));
            }
            assertEquals(er.qualifying() - er.assigned(), er.takenBy().stream().mapToInt(Integer::intValue).sum());
        }
        assertEquals(leftovers, r.leftovers().getCardinality());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs();
    }
}
