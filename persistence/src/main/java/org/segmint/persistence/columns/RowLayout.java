package org.segmint.persistence.columns;

import java.util.Arrays;

/**
 * Where each customer's rows of a table with many rows per customer lie once the rows are sorted by customer
 * key and then by date or time (ties in the table's own order): the rows of key {@code k} are
 * {@code start[k] .. start[k + 1] - 1}. Rows without a customer (orphans) are left out.
 */
public final class RowLayout {
    private final int[] start;
    private final int widest;

    RowLayout(int[] start) {
        this.start = start;
        int w = 0;
        for (int k = 0; k + 1 < start.length; k++) {
            w = Math.max(w, start[k + 1] - start[k]);
        }
        this.widest = w;
    }

    /** First row of customer key {@code ck}. */
    public int from(int ck) {
        return start[ck];
    }

    /** One past the last row of customer key {@code ck}. */
    public int to(int ck) {
        return start[ck + 1];
    }

    /** Customer keys covered: 0 .. keys() - 1. */
    public int keys() {
        return start.length - 1;
    }

    public int rows() {
        return start[start.length - 1];
    }

    int[] starts() {
        return start;
    }

    /** The most rows any one customer has. */
    public int widest() {
        return widest;
    }

    /**
     * Sorts rows read in the table's order by customer key and then by {@code keys} (stable). Returns the
     * layout and, for each row read, its sorted position ({@link Sorted#position}).
     *
     * @param cks  customer key of each row read (all within 0 .. size - 1)
     * @param keys the sort key of each row read (date or time; NULL sorts first)
     */
    static Sorted sort(int[] cks, long[] keys, int n, int size) {
        int[] start = new int[size + 1];
        for (int i = 0; i < n; i++) {
            start[cks[i] + 1]++;
        }
        for (int k = 0; k < size; k++) {
            start[k + 1] += start[k];
        }
        int[] fill = Arrays.copyOf(start, size);
        int[] row = new int[n];
        for (int i = 0; i < n; i++) {
            row[fill[cks[i]]++] = i;
        }
        fill = null;
        int[] position = new int[n];
        // Each key's run is sorted, and its rows' positions written, independently of the others.
        Parallel.split(size, n, (from, to) -> {
            for (int k = from; k < to; k++) {
                sortRun(row, start[k], start[k + 1], keys);
                for (int p = start[k]; p < start[k + 1]; p++) {
                    position[row[p]] = p;
                }
            }
            return null;
        });
        return new Sorted(new RowLayout(start), position, row);
    }

    /** Stable sort of {@code row[from..to)} by {@code keys[row[i]]} (the rows are in read order already). */
    private static void sortRun(int[] row, int from, int to, long[] keys) {
        if (to - from < 2) {
            return;
        }
        boolean sorted = true;
        for (int i = from + 1; i < to && sorted; i++) {
            sorted = keys[row[i - 1]] <= keys[row[i]];
        }
        if (sorted) {
            return;
        }
        if (to - from <= 64) {
            for (int i = from + 1; i < to; i++) {
                int r = row[i];
                long key = keys[r];
                int j = i - 1;
                while (j >= from && keys[row[j]] > key) {
                    row[j + 1] = row[j];
                    j--;
                }
                row[j + 1] = r;
            }
            return;
        }
        int[] buffer = new int[to - from];
        mergeSort(row, buffer, from, to, keys);
    }

    private static void mergeSort(int[] row, int[] buffer, int from, int to, long[] keys) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(row, buffer, from, mid, keys);
        mergeSort(row, buffer, mid, to, keys);
        int i = from;
        int j = mid;
        int o = 0;
        while (i < mid && j < to) {
            buffer[o++] = keys[row[j]] < keys[row[i]] ? row[j++] : row[i++];
        }
        while (i < mid) {
            buffer[o++] = row[i++];
        }
        while (j < to) {
            buffer[o++] = row[j++];
        }
        System.arraycopy(buffer, 0, row, from, o);
    }

    /**
     * A sorted layout with the way back to the rows as read.
     *
     * @param position for each row read (in the table's order), its sorted position
     * @param row      for each sorted position, the row read
     */
    record Sorted(RowLayout layout, int[] position, int[] row) {
    }
}
