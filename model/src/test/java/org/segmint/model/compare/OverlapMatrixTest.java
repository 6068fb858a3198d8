package org.segmint.model.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

class OverlapMatrixTest {

    @Test
    void aMatrixFromExactCountsHasTheNumbersOfTheSetsButNotTheCustomers() {
        List<RoaringBitmap> sets = List.of(RoaringBitmap.bitmapOf(1, 2, 3, 4), RoaringBitmap.bitmapOf(3, 4, 5),
                RoaringBitmap.bitmapOf(4, 6));
        OverlapMatrix fromSets = OverlapMatrix.of(List.of("A", "B", "C"), sets);
        long[] exact = new long[8];
        for (int mask = 1; mask < 8; mask++) {
            exact[mask] = fromSets.exactIntersection(mask);
        }
        OverlapMatrix fromCounts = OverlapMatrix.ofExactCounts(List.of("A", "B", "C"), exact);
        assertArrayEquals(fromSets.matrix(), fromCounts.matrix());
        assertEquals(fromSets.union(), fromCounts.union());
        assertEquals(fromSets.combinations(), fromCounts.combinations());
        for (int i = 0; i < 3; i++) {
            assertEquals(fromSets.unique(i), fromCounts.unique(i));
        }
        assertThrows(IllegalStateException.class, () -> fromCounts.exactly(0b011));
        assertThrows(IllegalArgumentException.class, () -> OverlapMatrix.ofExactCounts(List.of("A", "B"), exact));
    }

    @Test
    void threeSetsHaveSizesPairsUniqueAndExactIntersections() {
        OverlapMatrix m = OverlapMatrix.of(List.of("A", "B", "C"), List.of(
                RoaringBitmap.bitmapOf(1, 2, 3, 4), RoaringBitmap.bitmapOf(3, 4, 5), RoaringBitmap.bitmapOf(4, 6)));
        assertArrayEquals(new long[][] {{4, 2, 1}, {2, 3, 1}, {1, 1, 2}}, m.matrix());
        assertEquals(2, m.unique(0));
        assertEquals(1, m.unique(1));
        assertEquals(1, m.unique(2));
        assertEquals(1, m.exactIntersection(0b011));
        assertEquals(1, m.exactIntersection(0b111));
        assertEquals(0, m.exactIntersection(0b101));
        assertEquals(2, m.intersection(0b011));
        assertEquals(6, m.union());
        assertEquals(0.5, m.overlapShare(0, 1));
        assertEquals(RoaringBitmap.bitmapOf(3), m.exactly(0b011));
        assertEquals(2, m.combinations().get(0).count());
        assertEquals(List.of("A"), m.combinations().get(0).names());
    }

    @Test
    void fewerThanTwoOrMoreThanFiveSetsAreRefused() {
        RoaringBitmap b = new RoaringBitmap();
        assertThrows(IllegalArgumentException.class, () -> OverlapMatrix.of(List.of("A"), List.of(b)));
        assertThrows(IllegalArgumentException.class, () -> OverlapMatrix.of(
                List.of("A", "B", "C", "D", "E", "F"), List.of(b, b, b, b, b, b)));
    }

    @Property(tries = 100)
    void countsEqualPlainSetArithmetic(@ForAll("seeds") long seed, @ForAll @IntRange(min = 2, max = 5) int n) {
        Random random = new Random(seed);
        int universe = 1 + random.nextInt(200);
        List<RoaringBitmap> sets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RoaringBitmap b = new RoaringBitmap();
            double p = random.nextDouble();
            for (int k = 0; k < universe; k++) {
                if (random.nextDouble() < p) {
                    b.add(k);
                }
            }
            sets.add(b);
            names.add("S" + i);
        }
        OverlapMatrix m = OverlapMatrix.of(names, sets);
        long[] exact = new long[1 << n];
        long union = 0;
        for (int k = 0; k < universe; k++) {
            int mask = 0;
            for (int i = 0; i < n; i++) {
                if (sets.get(i).contains(k)) {
                    mask |= 1 << i;
                }
            }
            exact[mask]++;
            union += mask == 0 ? 0 : 1;
        }
        long total = 0;
        for (int mask = 1; mask < exact.length; mask++) {
            assertEquals(exact[mask], m.exactIntersection(mask));
            total += m.exactIntersection(mask);
        }
        assertEquals(union, total);
        assertEquals(union, m.union());
        for (int i = 0; i < n; i++) {
            assertEquals(exact[1 << i], m.unique(i));
            for (int j = 0; j < n; j++) {
                long both = 0;
                for (int k = 0; k < universe; k++) {
                    if (sets.get(i).contains(k) && sets.get(j).contains(k)) {
                        both++;
                    }
                }
                assertEquals(both, m.overlap(i, j));
            }
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}
