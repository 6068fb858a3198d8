package org.segmint.persistence.engine;

import java.util.Arrays;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;
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

    private BehaviourScan(RowLayout layout, PurchaseRows purchases, EventRows events, int eventType, long low,
                          long high, ValueTest.Row where) {
        this.layout = layout;
        this.purchases = purchases;
        this.events = events;
        this.eventType = eventType;
        this.low = low;
        this.high = high;
        this.where = where;
    }

    static BehaviourScan purchases(PurchaseRows rows, long low, long high, ValueTest.Row where) {
        return new BehaviourScan(rows.layout(), rows, null, 0, low, high, where);
    }

    static BehaviourScan events(EventRows rows, int eventType, long low, long high, ValueTest.Row where) {
        return new BehaviourScan(rows.layout(), null, rows, eventType, low, high, where);
    }

    /** Customers with at least one counted row. */
    RoaringBitmap customers() {
        return ColumnLeaves.merge(Parallel.split(layout.keys(), layout.rows(), (from, to) -> {
            RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
            if (purchases != null) {
                anyPurchase(from, to, out);
            } else if (eventType != TextColumn.NULL) {
                anyEvent(from, to, out);
            }
            return out.get();
        }));
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
