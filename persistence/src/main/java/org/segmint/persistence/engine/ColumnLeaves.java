package org.segmint.persistence.engine;

import java.time.LocalDate;
import java.util.List;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.task.Cancellation;
import org.segmint.model.validation.Values;
import org.segmint.persistence.columns.Column;
import org.segmint.persistence.columns.Columns;
import org.segmint.persistence.columns.CustomerKeys;
import org.segmint.persistence.columns.EventRows;
import org.segmint.persistence.columns.MetricColumns;
import org.segmint.persistence.columns.NumberColumn;
import org.segmint.persistence.columns.Parallel;
import org.segmint.persistence.columns.PurchaseRows;
import org.segmint.persistence.columns.RowLayout;
import org.segmint.persistence.columns.TextColumn;

/**
 * Leaf conditions evaluated as loops over the columns held in memory ({@link Columns}), with exactly the
 * meaning of the SQL the {@link LeafCompiler} writes for them; the loops run over ranges of customer keys on
 * both cores ({@link Parallel}). Each method returns null for a shape the columns do not cover (a {@code where}
 * naming both orders and items, an attribute of another customer table, odd stored dates); the engine then
 * runs the SQL query instead.
 */
final class ColumnLeaves {
    private static final long DAY = 86_400L;
    private static final ValueTest.Row UNSUPPORTED = row -> false;

    private final Columns columns;
    private final CustomerKeys keys;
    private final Catalog catalog;
    private final LocalDate asOf;
    private final Cancellation cancel;

    ColumnLeaves(Columns columns, CustomerKeys keys, Catalog catalog, LocalDate asOf, Cancellation cancel) {
        this.columns = columns;
        this.keys = keys;
        this.catalog = catalog;
        this.asOf = asOf;
        this.cancel = cancel;
    }

    // Attributes //

    /** The members of an attribute condition (negative operators: everyone else), or null. */
    RoaringBitmap attribute(AttributeCondition a) {
        Field field = catalog.field(a.field()).orElseThrow();
        Operator positive = Values.positiveOf(a.op());
        ValueTest test = ValueTest.of(a, positive == null ? a.op() : positive, field.type(), asOf);
        RoaringBitmap matching;
        if (Catalog.hasManyRowsPerCustomer(field.table())) {
            Column column = columns.rowColumn(field, cancel);
            if (column == null) {
                return null;
            }
            RowLayout layout = layoutOf(field.table());
            ValueTest.Row row = test.on(column);
            matching = merge(Parallel.split(layout.keys(), layout.rows(), (from, to) -> anyRow(layout, row, from, to)));
        } else {
            Column column = keyedColumn(field);
            if (column == null) {
                return null;
            }
            matching = perCustomer(column, test);
        }
        return positive == null ? matching : RoaringBitmap.andNot(keys.all(), matching);
    }

    /**
     * A one-value-per-customer column. Metrics are computed from the order columns for the as-of date (the same
     * definition as the stored {@code metrics} table, which holds them for one date only).
     */
    private Column keyedColumn(Field field) {
        if (field.table().equals(Catalog.METRICS)) {
            MetricColumns m = columns.metrics(asOf, cancel);
            return m == null ? null : m.column(field.column());
        }
        return columns.keyedColumn(field, cancel);
    }

    private RowLayout layoutOf(String table) {
        if (table.equals(Catalog.EVENTS)) {
            return columns.events(cancel).layout();
        }
        return columns.purchases(table.equals(Catalog.ORDER_ITEMS), cancel).layout();
    }

    /**
     * A writer for keys added in ascending order. It fills a bitmap of each 65,536 keys and picks the container
     * when the chunk is done: the default writer grows an array container element by element, which cost as much
     * as the loop feeding it when many customers match.
     */
    static RoaringBitmapWriter<RoaringBitmap> writer() {
        return RoaringBitmapWriter.writer().constantMemory().get();
    }

    /**
     * The union of the parts of a split loop that set a bit per key (each part an array as long as the others) as
     * a bitmap. The first part is modified.
     */
    static RoaringBitmap unionOfBits(List<long[]> parts) {
        long[] bits = parts.get(0);
        for (int p = 1; p < parts.size(); p++) {
            long[] other = parts.get(p);
            for (int w = 0; w < bits.length; w++) {
                bits[w] |= other[w];
            }
        }
        return BitSetUtil.bitmapOf(bits);
    }

    /**
     * Customer keys whose value passes (an absent key's value never passes), as a bit per key set on both cores;
     * each core takes whole 64-key words, so no word is written by two. Text tests look a code's answer up
     * without branching.
     */
    private static RoaringBitmap perCustomer(Column column, ValueTest test) {
        int size = column.size();
        long[] bits = new long[(size + 63) >>> 6];
        long[] passByCode = null;
        if (column instanceof TextColumn t) {
            boolean[] accepted = test.accepted(t);
            // Index code + 1: NULL (-1) at 0, never passing.
            passByCode = new long[accepted.length + 1];
            for (int c = 0; c < accepted.length; c++) {
                passByCode[c + 1] = accepted[c] ? 1 : 0;
            }
        }
        long[] textPass = passByCode;
        Parallel.split(size, size, (from, to) -> {
            int low = (from + 63) & ~63;
            int high = to == size ? size : (to + 63) & ~63;
            if (textPass != null) {
                int[] codes = ((TextColumn) column).codes();
                for (int ck = low; ck < high; ck++) {
                    bits[ck >>> 6] |= textPass[codes[ck] + 1] << ck;
                }
            } else {
                double[] values = ((NumberColumn) column).values();
                for (int ck = low; ck < high; ck++) {
                    if (test.number(values[ck])) {
                        bits[ck >>> 6] |= 1L << ck;
                    }
                }
            }
            return null;
        });
        return BitSetUtil.bitmapOf(bits);
    }

    /** Customer keys {@code from .. to - 1} with at least one row passing {@code test}. */
    private static RoaringBitmap anyRow(RowLayout layout, ValueTest.Row test, int from, int to) {
        RoaringBitmapWriter<RoaringBitmap> out = writer();
        for (int ck = from; ck < to; ck++) {
            for (int p = layout.from(ck), end = layout.to(ck); p < end; p++) {
                if (test.test(p)) {
                    out.add(ck);
                    break;
                }
            }
        }
        return out.get();
    }

    /** The union of the parts of a split loop (disjoint key ranges). */
    static RoaringBitmap merge(List<RoaringBitmap> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        RoaringBitmap all = new RoaringBitmap();
        for (RoaringBitmap part : parts) {
            all.or(part);
        }
        return all;
    }

    // Purchases and events //

    private PurchaseRows purchaseTable(PurchaseCondition p) {
        boolean items = RowTests.isItems(p.where());
        if (items && RowConditions.names(p.where(), Catalog.ORDERS)) {
            // Items joined to their orders by order id: left to SQL.
            return null;
        }
        return columns.purchases(items, cancel);
    }

    /** The rows of a purchase condition, or null when the columns do not cover it. */
    private BehaviourScan purchaseScan(PurchaseCondition p) {
        PurchaseRows rows = purchaseTable(p);
        if (rows == null) {
            return null;
        }
        DateRange window = p.window().resolve(asOf);
        if (!window.isAllTime() && !rows.regularDates()) {
            return null;
        }
        String table = RowTests.isItems(p.where()) ? Catalog.ORDER_ITEMS : Catalog.ORDERS;
        ValueTest.Row where = where(p.where(), table);
        if (where == UNSUPPORTED) {
            return null;
        }
        // All time counts rows without a date too (NO_DATE is the smallest int); a window never does.
        long low = window.from() == null ? (window.isAllTime() ? Long.MIN_VALUE : PurchaseRows.NO_DATE + 1L)
                : window.from().toEpochDay();
        long high = window.to() == null ? Long.MAX_VALUE : window.to().toEpochDay();
        return BehaviourScan.purchases(rows, low, high, where, () -> columns.byDate(table, cancel));
    }

    /** Customers with at least one row counted by the purchase condition (its "has" ignored), or null. */
    RoaringBitmap purchaseRows(PurchaseCondition p) {
        BehaviourScan scan = purchaseScan(p);
        return scan == null ? null : scan.customers();
    }

    /** The measure of every customer with counted rows, or null. */
    Measures purchaseMeasures(PurchaseCondition p) {
        BehaviourScan scan = purchaseScan(p);
        if (scan == null) {
            return null;
        }
        if (p.measure() == Measure.ORDERS) {
            return scan.orders();
        }
        return scan.sums(p.measure() == Measure.UNITS);
    }

    /** The rows of an event condition, or null when the columns do not cover it. */
    private BehaviourScan eventScan(EventCondition e) {
        EventRows rows = columns.events(cancel);
        if (rows == null) {
            return null;
        }
        DateRange window = e.window().resolve(asOf);
        if (!window.isAllTime() && !rows.regularTimes()) {
            return null;
        }
        ValueTest.Row where = where(e.where(), Catalog.EVENTS);
        if (where == UNSUPPORTED) {
            return null;
        }
        long low = window.from() == null ? (window.isAllTime() ? Long.MIN_VALUE : EventRows.NO_TIME + 1)
                : window.from().toEpochDay() * DAY;
        long high = window.to() == null ? Long.MAX_VALUE : (window.to().toEpochDay() + 1) * DAY - 1;
        return BehaviourScan.events(rows, rows.code(e.event()), low, high, where,
                () -> columns.byDate(Catalog.EVENTS, cancel));
    }

    /** Customers with at least one event counted by the condition (its "did" ignored), or null. */
    RoaringBitmap eventRowsAny(EventCondition e) {
        BehaviourScan scan = eventScan(e);
        return scan == null ? null : scan.customers();
    }

    /** The number of counted events of every customer that has some, or null. */
    Measures eventMeasures(EventCondition e) {
        BehaviourScan scan = eventScan(e);
        return scan == null ? null : scan.events();
    }

    /** The members of a sequence condition, or null. */
    RoaringBitmap sequence(SequenceCondition s) {
        EventRows rows = columns.events(cancel);
        if (rows == null || !rows.regularTimes()) {
            return null;
        }
        ValueTest.Row[] steps = new ValueTest.Row[s.steps().size()];
        for (int i = 0; i < steps.length; i++) {
            ValueTest.Row where = where(s.steps().get(i).where(), Catalog.EVENTS);
            if (where == UNSUPPORTED) {
                return null;
            }
            steps[i] = where;
        }
        RowLayout layout = rows.layout();
        return merge(Parallel.split(layout.keys(), layout.rows(),
                (from, to) -> new ColumnSequences(rows, s, steps, asOf, cancel).members(from, to)));
    }

    /** The where as a row test of {@code table}: null when empty, {@link #UNSUPPORTED} when not covered. */
    private ValueTest.Row where(List<Condition> where, String table) {
        if (!RowTests.onlyNames(where, table)) {
            return UNSUPPORTED;
        }
        try {
            return new RowTests(catalog, asOf, f -> columns.rowColumn(f, cancel)).all(where);
        } catch (RowTests.Unsupported e) {
            return UNSUPPORTED;
        }
    }
}
