package org.segmint.persistence.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rows by date: every window's slice holds exactly the rows dated inside it, with their customers. */
class DateIndexTest {

    /** Random customers with random dated rows (some without a date), sorted per customer by date. */
    private static PurchaseRows randomPurchases(Random random, int keys) {
        int[] start = new int[keys + 1];
        List<Integer> days = new ArrayList<>();
        for (int ck = 0; ck < keys; ck++) {
            int n = random.nextInt(6);
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                mine.add(random.nextInt(10) == 0 ? PurchaseRows.NO_DATE : 19_000 + random.nextInt(60));
            }
            mine.sort(null);
            days.addAll(mine);
            start[ck + 1] = start[ck] + n;
        }
        int[] day = days.stream().mapToInt(Integer::intValue).toArray();
        return new PurchaseRows(new RowLayout(start), day, new double[day.length], new double[day.length],
                new int[day.length], 1, true);
    }

    @Test
    void everyWindowSliceHoldsExactlyTheRowsDatedInIt() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            PurchaseRows rows = randomPurchases(random, 1 + random.nextInt(300));
            DateIndex index = DateIndex.of(rows);
            int[] day = rows.day();
            for (int t = 0; t < 50; t++) {
                long low = 18_990 + random.nextInt(80);
                long high = low + random.nextInt(30) - 3;
                List<String> expected = new ArrayList<>();
                for (int ck = 0; ck < rows.layout().keys(); ck++) {
                    for (int q = rows.layout().from(ck); q < rows.layout().to(ck); q++) {
                        if (day[q] != PurchaseRows.NO_DATE && day[q] >= low && day[q] <= high) {
                            expected.add(ck + ":" + q);
                        }
                    }
                }
                List<String> actual = new ArrayList<>();
                for (int i = index.first(low); i < index.end(high); i++) {
                    actual.add(index.customer()[i] + ":" + index.row()[i]);
                    assertEquals(rows.layout().from(index.customer()[i]) <= index.row()[i], true);
                }
                expected.sort(null);
                actual.sort(null);
                assertEquals(expected, actual, "window " + low + ".." + high);
            }
        }
    }

    @Test
    void extremeBoundsClampToTheWholeIndex() {
        PurchaseRows rows = randomPurchases(new Random(3), 200);
        DateIndex index = DateIndex.of(rows);
        long dated = java.util.Arrays.stream(rows.day()).filter(d -> d != PurchaseRows.NO_DATE).count();
        assertEquals(dated, index.entries());
        assertEquals(0, index.first(Long.MIN_VALUE));
        assertEquals(0, index.first(PurchaseRows.NO_DATE + 1L));
        assertEquals(index.entries(), index.end(Long.MAX_VALUE));
        assertEquals(index.entries(), index.end(Long.MAX_VALUE - 1));
        assertEquals(0, index.end(PurchaseRows.NO_DATE + 1L));
        assertEquals(index.entries(), index.first(Long.MAX_VALUE));
    }

    @Test
    void eventsAreIndexedByTheirDayWithTheirType() {
        // Three customers; times on both sides of midnight and one event without a time.
        long day = DateIndex.DAY_SECONDS;
        long[] time = {10 * day - 1, 10 * day, EventRows.NO_TIME, 12 * day + 5, 11 * day};
        int[] type = {0, 1, 0, 1, 0};
        EventRows events = new EventRows(new RowLayout(new int[] {0, 2, 4, 5}), type, new String[] {"a", "b"},
                time, true);
        DateIndex index = DateIndex.of(events);
        assertEquals(4, index.entries());
        assertArrayEquals(new int[] {0}, slice(index.row(), index.first(9), index.end(9)));
        assertArrayEquals(new int[] {1, 4}, slice(index.row(), index.first(10), index.end(11)));
        assertArrayEquals(new int[] {0, 0, 2}, slice(index.customer(), index.first(9), index.end(11)));
        assertArrayEquals(new int[] {0, 1, 0, 1}, slice(index.type(), 0, index.entries()));
    }

    @Test
    void datesScatteredOverCenturiesAreNotIndexed() {
        int[] day = {-700_000, 2_000_000};
        PurchaseRows rows = new PurchaseRows(new RowLayout(new int[] {0, 2}), day, new double[2], new double[2],
                new int[2], 1, true);
        assertNull(DateIndex.of(rows));
    }

    private static int[] slice(int[] values, int from, int to) {
        return java.util.Arrays.copyOfRange(values, from, to);
    }
}
