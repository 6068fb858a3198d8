package org.segmint.persistence.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Rows sorted by customer key and then by date, rows of one date in their table order: on both cores for large
 * tables (the keys split in ranges) as on one for small ones, against a plain stable sort.
 */
class RowLayoutTest {

    @Test
    void largeTablesSortOnBothCoresAsAPlainStableSortDoes() {
        assertSortedAsAStableSort(Parallel.MIN_ROWS * 3, 50_000, 41);
    }

    @Test
    void smallTablesSortAsAPlainStableSortDoes() {
        assertSortedAsAStableSort(5_000, 300, 7);
    }

    private static void assertSortedAsAStableSort(int n, int keys, long seed) {
        Random random = new Random(seed);
        int[] cks = new int[n];
        long[] dates = new long[n];
        for (int i = 0; i < n; i++) {
            cks[i] = random.nextInt(keys);
            // Few distinct dates and some empty ones, so that many rows tie and their order matters.
            dates[i] = random.nextInt(20) == 0 ? TableLoader.SQL_EMPTY : 19_000 + random.nextInt(40);
        }
        RowLayout.Sorted sorted = RowLayout.sort(cks, dates, n, keys);
        Integer[] expected = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(expected, Comparator.<Integer>comparingInt(i -> cks[i]).thenComparingLong(i -> dates[i]));
        int[] row = Arrays.stream(expected).mapToInt(Integer::intValue).toArray();
        assertArrayEquals(row, sorted.row(), "rows in sorted order");
        int[] position = new int[n];
        for (int p = 0; p < n; p++) {
            position[row[p]] = p;
        }
        assertArrayEquals(position, sorted.position(), "each row's sorted place");
        int[] start = new int[keys + 1];
        for (int ck : cks) {
            start[ck + 1]++;
        }
        Arrays.parallelPrefix(start, Integer::sum);
        assertArrayEquals(start, sorted.layout().starts(), "where each key's rows start");
    }
}
