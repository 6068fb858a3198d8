package org.segmint.persistence.columns;

/**
 * The dated rows of a table with many rows per customer (orders, order items, events) in order of their day:
 * for each entry, the row (its position in the customer-sorted layout) and its customer key. A window of a few
 * weeks or months is then a short slice of the entries, so a condition over it reads only the rows inside it
 * instead of every customer's whole history. Rows without a date have no entry; within a day, entries are in
 * customer key order.
 */
public final class DateIndex {
    /** Seconds in a day: event times are indexed by the day they fall on. */
    public static final long DAY_SECONDS = 86_400L;

    private final long firstDay;
    /** Entries of day {@code firstDay + b} are {@code start[b] .. start[b + 1] - 1}. */
    private final int[] start;
    private final int[] row;
    private final int[] customer;
    /** Events: each entry's event type (read in entry order, where the row's would be a jump); else null. */
    private final int[] type;

    private DateIndex(long firstDay, int[] start, int[] row, int[] customer, int[] type) {
        this.firstDay = firstDay;
        this.start = start;
        this.row = row;
        this.customer = customer;
        this.type = type;
    }

    /** The day of a row, or {@link Long#MIN_VALUE} when it has none. */
    @FunctionalInterface
    interface DayOf {
        long day(int row);
    }

    /** The index of purchase rows by their date; null when the dates spread over far more days than there are rows. */
    static DateIndex of(PurchaseRows rows) {
        int[] day = rows.day();
        return build(rows.layout(), q -> day[q] == PurchaseRows.NO_DATE ? Long.MIN_VALUE : day[q], null);
    }

    /** The index of events by the day of their time; null when the times spread over far more days than rows. */
    static DateIndex of(EventRows rows) {
        long[] time = rows.time();
        return build(rows.layout(), q -> time[q] == EventRows.NO_TIME ? Long.MIN_VALUE
                : Math.floorDiv(time[q], DAY_SECONDS), rows.type());
    }

    private static DateIndex build(RowLayout layout, DayOf dayOf, int[] rowType) {
        int rows = layout.rows();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int dated = 0;
        for (int q = 0; q < rows; q++) {
            long d = dayOf.day(q);
            if (d != Long.MIN_VALUE) {
                min = Math.min(min, d);
                max = Math.max(max, d);
                dated++;
            }
        }
        if (dated == 0) {
            return new DateIndex(0, new int[1], new int[0], new int[0], rowType == null ? null : new int[0]);
        }
        // A day per bucket: a few stray dates centuries apart would make the buckets outgrow the rows.
        if (max - min > 4L * rows + 100_000) {
            return null;
        }
        int days = (int) (max - min + 1);
        int[] start = new int[days + 1];
        for (int q = 0; q < rows; q++) {
            long d = dayOf.day(q);
            if (d != Long.MIN_VALUE) {
                start[(int) (d - min) + 1]++;
            }
        }
        for (int b = 0; b < days; b++) {
            start[b + 1] += start[b];
        }
        int[] fill = java.util.Arrays.copyOf(start, days);
        int[] row = new int[dated];
        int[] customer = new int[dated];
        int[] type = rowType == null ? null : new int[dated];
        for (int ck = 0, keys = layout.keys(); ck < keys; ck++) {
            for (int q = layout.from(ck), end = layout.to(ck); q < end; q++) {
                long d = dayOf.day(q);
                if (d != Long.MIN_VALUE) {
                    int at = fill[(int) (d - min)]++;
                    row[at] = q;
                    customer[at] = ck;
                    if (type != null) {
                        type[at] = rowType[q];
                    }
                }
            }
        }
        return new DateIndex(min, start, row, customer, type);
    }

    /** The first entry on or after day {@code day}. */
    public int first(long day) {
        return start[bucket(day)];
    }

    /** One past the last entry on or before day {@code day}. */
    public int end(long day) {
        return day == Long.MAX_VALUE ? row.length : start[bucket(day + 1)];
    }

    /** The bucket of {@code day}, clamped to 0 .. days (without overflowing for the extreme longs). */
    private int bucket(long day) {
        int days = start.length - 1;
        if (day <= firstDay) {
            return 0;
        }
        if (day - firstDay >= days || day - firstDay < 0) {
            return days;
        }
        return (int) (day - firstDay);
    }

    /** Each entry's row in the customer-sorted layout. */
    public int[] row() {
        return row;
    }

    /** Each entry's customer key. */
    public int[] customer() {
        return customer;
    }

    /** Each entry's event type code (events only; null for purchases). */
    public int[] type() {
        return type;
    }

    public int entries() {
        return row.length;
    }

    public long bytes() {
        return 4L * (start.length + row.length + customer.length + (type == null ? 0 : type.length));
    }
}
