package org.segmint.persistence.engine;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;
import org.segmint.persistence.columns.DateIndex;
import org.segmint.persistence.columns.EventRows;
import org.segmint.persistence.columns.Kbn;
import org.segmint.persistence.columns.Parallel;
import org.segmint.persistence.columns.PurchaseRows;
import org.segmint.persistence.columns.RowLayout;
import org.segmint.persistence.columns.TextColumn;

/**
 * The rows a purchase or event condition counts, as loops over the columns: per customer, the rows whose date
 * (time, for events) lies in {@code low .. high} (both ends included; each customer's rows are in date order,
 * so a loop stops at the first row after {@code high}), of one event type for events, passing {@code where}
 * when there is one. Sums follow SQLite's {@code total()} ({@link Kbn}), so thresholds compare the same numbers
 * as the SQL engine.
 */
final class BehaviourScan {
    private final RowLayout layout;
    private final PurchaseRows purchases;
    private final EventRows events;
    private final int eventType;
    private final long low;
    private final long high;
    private final ValueTest.Row where;
    private final Supplier<DateIndex> byDate;

    private BehaviourScan(RowLayout layout, PurchaseRows purchases, EventRows events, int eventType, long low,
                          long high, ValueTest.Row where, Supplier<DateIndex> byDate) {
        this.layout = layout;
        this.purchases = purchases;
        this.events = events;
        this.eventType = eventType;
        this.low = low;
        this.high = high;
        this.where = where;
        this.byDate = byDate;
    }

    /**
     * @param byDate the rows by date, asked for only when the window has both ends (it may give null): a window
     *               holding few of the rows is then read through it
     */
    static BehaviourScan purchases(PurchaseRows rows, long low, long high, ValueTest.Row where, Supplier<DateIndex> byDate) {
        return new BehaviourScan(rows.layout(), rows, null, 0, low, high, where, byDate);
    }

    /** As {@link #purchases}, with {@code low} and {@code high} in seconds. */
    static BehaviourScan events(EventRows rows, int eventType, long low, long high, ValueTest.Row where,
                                Supplier<DateIndex> byDate) {
        return new BehaviourScan(rows.layout(), null, rows, eventType, low, high, where, byDate);
    }

    /** Customers with at least one counted row. */
    RoaringBitmap customers() {
        int[] window = windowEntries();
        if (window != null) {
            return customersInWindow(window[0], window[1]);
        }
        return ColumnLeaves.merge(Parallel.split(layout.keys(), layout.rows(), (from, to) -> {
            RoaringBitmapWriter<RoaringBitmap> out = ColumnLeaves.writer();
            if (purchases != null) {
                anyPurchase(from, to, out);
            } else if (eventType != TextColumn.NULL) {
                anyEvent(from, to, out);
            }
            return out.get();
        }));
    }

    /**
     * The entries of the date index that the window covers, {from, to}, when reading them beats reading every
     * customer's rows: the window has both ends and holds under half of the rows (a quarter with a where).
     * Else null.
     */
    private int[] windowEntries() {
        boolean bounded = purchases != null ? low > PurchaseRows.NO_DATE && high < Long.MAX_VALUE
                : low > EventRows.NO_TIME && high < Long.MAX_VALUE;
        if (!bounded || (purchases == null && eventType == TextColumn.NULL)) {
            return null;
        }
        DateIndex index = byDate.get();
        if (index == null) {
            return null;
        }
        long lowDay = purchases != null ? low : Math.floorDiv(low, DateIndex.DAY_SECONDS);
        long highDay = purchases != null ? high : Math.floorDiv(high, DateIndex.DAY_SECONDS);
        int from = index.first(lowDay);
        int to = Math.max(from, index.end(highDay));
        // An entry costs a jump to its row when there is a where to test (about three sequential rows' time);
        // without one it costs less than a row of the customers' scan.
        long share = where == null ? 2 : 4;
        return (to - from) * share < layout.rows() ? new int[] {from, to} : null;
    }

    /**
     * Whether entry {@code i} of the date index is counted: its event type (for events), its exact time when
     * the window does not start and end at midnight, and the where.
     */
    private boolean counted(DateIndex index, int i, long[] time, boolean wholeDays) {
        if (index.type() != null && index.type()[i] != eventType) {
            return false;
        }
        int q = index.row()[i];
        if (!wholeDays && (time[q] < low || time[q] > high)) {
            return false;
        }
        return where == null || where.test(q);
    }

    private boolean wholeDays() {
        return purchases != null || Math.floorMod(low, DateIndex.DAY_SECONDS) == 0
                && Math.floorMod(high + 1, DateIndex.DAY_SECONDS) == 0;
    }

    /** {@link #customers()} through the date index: the customers of the counted entries {@code from .. to - 1}. */
    private RoaringBitmap customersInWindow(int from, int to) {
        DateIndex index = byDate.get();
        int[] customer = index.customer();
        long[] time = events == null ? null : events.time();
        boolean wholeDays = wholeDays();
        List<long[]> parts = Parallel.split(to - from, to - from, (a, b) -> {
            long[] bits = new long[(layout.keys() + 63) >>> 6];
            for (int i = from + a, end = from + b; i < end; i++) {
                if (counted(index, i, time, wholeDays)) {
                    int ck = customer[i];
                    bits[ck >>> 6] |= 1L << ck;
                }
            }
            return bits;
        });
        return ColumnLeaves.unionOfBits(parts);
    }

    /** {@link #events()} through the date index: counted entries {@code from .. to - 1} per customer. */
    private Measures eventsInWindow(int from, int to) {
        DateIndex index = byDate.get();
        int[] customer = index.customer();
        long[] time = events.time();
        boolean wholeDays = wholeDays();
        List<int[]> parts = Parallel.split(to - from, to - from, (a, b) -> {
            int[] counts = new int[layout.keys()];
            for (int i = from + a, end = from + b; i < end; i++) {
                if (counted(index, i, time, wholeDays)) {
                    counts[customer[i]]++;
                }
            }
            return counts;
        });
        int[] counts = parts.get(0);
        for (int p = 1; p < parts.size(); p++) {
            int[] other = parts.get(p);
            for (int k = 0; k < counts.length; k++) {
                counts[k] += other[k];
            }
        }
        MeasureList out = new MeasureList(counts.length);
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                out.add(k, counts[k]);
            }
        }
        return concat(List.of(out));
    }

    /** Distinct orders (a row without an order id counting as one) of every customer with counted rows. */
    Measures orders() {
        return concat(Parallel.split(layout.keys(), layout.rows(), (from, to) -> {
            MeasureList out = new MeasureList(to - from);
            int[] day = purchases.day();
            int[] order = purchases.order();
            int[] seen = new int[Math.max(1, purchases.mostOrders())];
            int stamp = 0;
            for (int ck = from; ck < to; ck++) {
                stamp++;
                long n = 0;
                for (int q = layout.from(ck), end = layout.to(ck); q < end; q++) {
                    int d = day[q];
                    if (d > high) {
                        break;
                    }
                    if (d < low || (where != null && !where.test(q))) {
                        continue;
                    }
                    int o = order[q];
                    if (o == PurchaseRows.NO_ID) {
                        n++;
                    } else if (seen[o] != stamp) {
                        seen[o] = stamp;
                        n++;
                    }
                }
                if (n > 0) {
                    out.add(ck, n);
                }
            }
            return out;
        }));
    }

    /** The sum of units (quantity for items) or revenue of every customer with counted rows. */
    Measures sums(boolean units) {
        double[] values = units ? purchases.amount() : purchases.revenue();
        return concat(Parallel.split(layout.keys(), layout.rows(), (from, to) -> {
            MeasureList out = new MeasureList(to - from);
            int[] day = purchases.day();
            Kbn sum = new Kbn();
            for (int ck = from; ck < to; ck++) {
                boolean any = false;
                for (int q = layout.from(ck), end = layout.to(ck); q < end; q++) {
                    int d = day[q];
                    if (d > high) {
                        break;
                    }
                    if (d >= low && (where == null || where.test(q))) {
                        if (!any) {
                            any = true;
                            sum.clear();
                        }
                        sum.add(values[q]);
                    }
                }
                if (any) {
                    out.add(ck, sum.value());
                }
            }
            return out;
        }));
    }

    /** The number of counted events of every customer that has some. */
    Measures events() {
        int[] window = windowEntries();
        if (window != null) {
            return eventsInWindow(window[0], window[1]);
        }
        return concat(Parallel.split(layout.keys(), layout.rows(), (from, to) -> {
            MeasureList out = new MeasureList(to - from);
            if (eventType == TextColumn.NULL) {
                return out;
            }
            int[] type = events.type();
            long[] time = events.time();
            for (int ck = from; ck < to; ck++) {
                long n = 0;
                for (int q = layout.from(ck), end = layout.to(ck); q < end; q++) {
                    long t = time[q];
                    if (t > high) {
                        break;
                    }
                    if (type[q] == eventType && t >= low && (where == null || where.test(q))) {
                        n++;
                    }
                }
                if (n > 0) {
                    out.add(ck, n);
                }
            }
            return out;
        }));
    }

    private void anyPurchase(int from, int to, RoaringBitmapWriter<RoaringBitmap> out) {
        int[] day = purchases.day();
        for (int ck = from; ck < to; ck++) {
            for (int q = layout.from(ck), end = layout.to(ck); q < end; q++) {
                int d = day[q];
                if (d > high) {
                    break;
                }
                if (d >= low && (where == null || where.test(q))) {
                    out.add(ck);
                    break;
                }
            }
        }
    }

    private void anyEvent(int from, int to, RoaringBitmapWriter<RoaringBitmap> out) {
        int[] type = events.type();
        long[] time = events.time();
        for (int ck = from; ck < to; ck++) {
            for (int q = layout.from(ck), end = layout.to(ck); q < end; q++) {
                long t = time[q];
                if (t > high) {
                    break;
                }
                if (type[q] == eventType && t >= low && (where == null || where.test(q))) {
                    out.add(ck);
                    break;
                }
            }
        }
    }

    /** (customer key, measure) pairs of one key range, in key order. */
    private static final class MeasureList {
        int[] cks;
        double[] values;
        int n;

        MeasureList(int capacity) {
            cks = new int[Math.max(1, capacity)];
            values = new double[cks.length];
        }

        void add(int ck, double value) {
            cks[n] = ck;
            values[n++] = value;
        }
    }

    private static Measures concat(List<MeasureList> parts) {
        int n = 0;
        for (MeasureList p : parts) {
            n += p.n;
        }
        int[] cks = new int[n];
        double[] values = new double[n];
        int at = 0;
        for (MeasureList p : parts) {
            System.arraycopy(p.cks, 0, cks, at, p.n);
            System.arraycopy(p.values, 0, values, at, p.n);
            at += p.n;
        }
        return parts.size() == 1 && parts.get(0).n == parts.get(0).cks.length
                ? new Measures(parts.get(0).cks, parts.get(0).values) : new Measures(cks, Arrays.copyOf(values, n));
    }
}
