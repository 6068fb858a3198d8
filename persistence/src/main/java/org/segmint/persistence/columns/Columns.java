package org.segmint.persistence.columns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.Workspace;

/**
 * The workspace's data at one data version as columns in memory: customer keys, any customer attribute, the
 * purchase rows of orders and order items, the event rows, any attribute of those tables in the same sorted
 * order, and the metrics as of any date. Each piece is read when first needed, from the columns stored in the
 * workspace ({@link ColumnBlobs}) when they are valid at this version, else from the rows (and then stored, so
 * the next opening reads the stored columns). Safe to use from several threads; a piece is read by the first
 * thread that needs it while the others wait.
 */
public final class Columns {
    /** Customer keys beyond this (a very sparse key space) are left to the SQL engine. */
    static final int MAX_KEYS = 200_000_000;
    private static final int METRIC_DATES = 4;

    private final Workspace workspace;
    private final long version;
    private final Map<String, TableColumns> tables = new HashMap<>();
    private final Map<LocalDate, MetricColumns> metrics = new LinkedHashMap<>(8, 0.75f, true);
    private final java.util.concurrent.atomic.AtomicInteger rowReads = new java.util.concurrent.atomic.AtomicInteger();
    /** Set when storing failed (a busy or read-only workspace): this version stops trying. */
    private volatile boolean cannotStore;
    /** Set when the orders came from an import's {@link PurchaseCapture}. */
    private volatile boolean adopted;

    /** What is held of one table, and the build of the stored set it matches (-1: memory only). */
    private static final class TableColumns {
        final StoredSet stored;
        long built = -1;
        CustomerKeys keys;
        PurchaseRows purchases;
        EventRows events;
        /** The rows by date, once a windowed condition asked for them; {@code indexed} even when null. */
        DateIndex byDate;
        boolean indexed;
        final Map<String, Column> columns = new HashMap<>();

        TableColumns(StoredSet stored) {
            this.stored = stored;
        }
    }

    Columns(Workspace workspace, long version, Columns previous, boolean memoryOnly) {
        this.workspace = workspace;
        this.version = version;
        this.cannotStore = memoryOnly;
        if (previous != null) {
            // Tables whose stored set was carried forward unchanged keep what is already in memory.
            synchronized (previous) {
                previous.tables.forEach((table, held) -> {
                    if (held.built >= 0) {
                        TableColumns next = new TableColumns(new StoredSet(workspace, table, version));
                        next.built = held.built;
                        next.keys = held.keys;
                        next.purchases = held.purchases;
                        next.events = held.events;
                        next.byDate = held.byDate;
                        next.indexed = held.indexed;
                        next.columns.putAll(held.columns);
                        tables.put(table, next);
                    }
                });
            }
        }
    }

    public long version() {
        return version;
    }

    /** What is held of {@code table}, dropping pieces carried over from an older version that no longer match. */
    private synchronized TableColumns table(String table, Cancellation cancel) {
        TableColumns t = tables.get(table);
        if (t == null) {
            t = new TableColumns(new StoredSet(workspace, table, version));
            tables.put(table, t);
        } else if (t.built >= 0 && t.stored.built(cancel) != t.built) {
            t = new TableColumns(t.stored);
            tables.put(table, t);
        }
        return t;
    }

    /** The customer keys; null when they cannot be held as columns (negative or very sparse keys). */
    public CustomerKeys keys(Cancellation cancel) {
        TableColumns t = table(Catalog.CUSTOMERS, cancel);
        synchronized (t) {
            return keys(t, cancel);
        }
    }

    private CustomerKeys keys(TableColumns t, Cancellation cancel) {
        if (t.keys == null) {
            if (t.stored.has("keys", cancel)) {
                t.keys = t.stored.read(c -> new CustomerKeys((int) ColumnBlobs.readLongs(c, Catalog.CUSTOMERS, "meta")[0],
                        ColumnBlobs.readBitmap(c, Catalog.CUSTOMERS, "keys")), cancel);
                t.built = t.stored.built(cancel);
            } else {
                CustomerKeys k = read(cancel, Columns::readKeys);
                t.keys = k;
                if (k.size() >= 0) {
                    store(t, false, c -> {
                        ColumnBlobs.write(c, Catalog.CUSTOMERS, "meta", new long[] {k.size()});
                        ColumnBlobs.write(c, Catalog.CUSTOMERS, "keys", k.all());
                    });
                }
            }
        }
        return t.keys.size() < 0 ? null : t.keys;
    }

    private static CustomerKeys readKeys(ColumnReader reader) {
        long min = reader.number("SELECT min(ck) FROM customers", 0);
        long max = reader.number("SELECT max(ck) FROM customers", -1);
        long count = reader.number("SELECT count(*) FROM customers", 0);
        if (min < 0 || max >= MAX_KEYS) {
            return new CustomerKeys(-1, null);
        }
        RoaringBitmap all = new RoaringBitmap();
        if (count > 0 && count == max - min + 1) {
            all.add(min, max + 1);
        } else if (count > 0) {
            int[] buffer = new int[4096];
            int[] n = {0};
            reader.scan("SELECT ck FROM customers", (rs, i) -> {
                buffer[n[0]++] = rs.getInt(1);
                if (n[0] == buffer.length) {
                    all.addN(buffer, 0, n[0]);
                    n[0] = 0;
                }
            });
            all.addN(buffer, 0, n[0]);
        }
        all.runOptimize();
        return new CustomerKeys((int) (max + 1), all);
    }

    /** A column of {@code customers}, indexed by customer key; null for other tables or without keys. */
    public Column keyedColumn(Field field, Cancellation cancel) {
        if (!field.table().equals(Catalog.CUSTOMERS)) {
            return null;
        }
        CustomerKeys k = keys(cancel);
        if (k == null) {
            return null;
        }
        TableColumns t = table(Catalog.CUSTOMERS, cancel);
        synchronized (t) {
            return column(t, field, k.size(), cancel, reader -> TableLoader.keyedColumn(reader, field, k.size()));
        }
    }

    /** The purchase rows of {@code orders}, or of {@code order_items} when {@code items}; null without keys. */
    public PurchaseRows purchases(boolean items, Cancellation cancel) {
        CustomerKeys k = keys(cancel);
        if (k == null) {
            return null;
        }
        String table = items ? Catalog.ORDER_ITEMS : Catalog.ORDERS;
        TableColumns t = table(table, cancel);
        synchronized (t) {
            if (t.purchases == null) {
                if (t.stored.has("day", cancel)) {
                    t.purchases = storedPurchases(t.stored, table, k.size(), cancel);
                    t.built = t.stored.built(cancel);
                } else {
                    keep(t, table, read(cancel, r -> TableLoader.purchases(r, table, items, k.size())));
                }
            }
            return t.purchases;
        }
    }

    /**
     * Takes the order columns an import collected while writing every order of this data version
     * ({@link PurchaseCapture}) instead of reading them from the rows, and stores them; does nothing when the
     * orders are already held or stored, or the capture cannot give them.
     */
    public void adopt(PurchaseCapture capture, Cancellation cancel) {
        CustomerKeys k = keys(cancel);
        if (k == null || !capture.usable()) {
            return;
        }
        TableColumns t = table(Catalog.ORDERS, cancel);
        synchronized (t) {
            if (t.purchases != null || t.stored.has("day", cancel)) {
                return;
            }
            TableLoader.Built<PurchaseRows> b = capture.rows(k.size());
            if (b != null) {
                keep(t, Catalog.ORDERS, b);
                adopted = true;
            }
        }
    }

    /**
     * The order columns at this version as an append of orders finds them: held in memory or stored, with their
     * rows' positions stored (null otherwise: without them the columns after the append are read from the table).
     */
    OrdersBefore ordersBefore(Cancellation cancel) {
        if (!ordersAtHand(cancel)) {
            return null;
        }
        CustomerKeys k = keys(cancel);
        TableColumns t = table(Catalog.ORDERS, cancel);
        if (k == null || !t.stored.has("position", cancel)) {
            return null;
        }
        PurchaseRows rows = purchases(false, cancel);
        if (rows == null || !rows.regularDates()) {
            return null;
        }
        // Every array now, while this version's stored columns are still there to read.
        rows.day();
        rows.revenue();
        rows.amount();
        rows.order();
        return new OrdersBefore(version, k.size(), rows, storedPositions(Catalog.ORDERS));
    }

    /**
     * The order columns before an append, at data version {@code version}: for customer keys 0 .. keys - 1, with
     * each row's sorted place.
     */
    public record OrdersBefore(long version, int keys, PurchaseRows rows, int[] position) {
    }

    /**
     * After an append of orders committed at this version: the order columns made from the columns before it and
     * the appended rows collected while writing ({@link AppendedOrders}), stored; does nothing when the orders are
     * already held or stored, or the pieces do not fit (the columns are then read from the table when needed).
     * {@code rowidAfter}: the rows above it are the appended ones.
     */
    void adoptAppended(OrdersBefore before, PurchaseCapture capture, long rowidAfter, Cancellation cancel) {
        CustomerKeys k = keys(cancel);
        if (k == null || k.size() != before.keys() || !capture.usable()) {
            return;
        }
        TableColumns t = table(Catalog.ORDERS, cancel);
        synchronized (t) {
            if (t.purchases != null || t.stored.has("day", cancel)) {
                return;
            }
            TableLoader.Built<PurchaseRows> added = capture.rows(k.size());
            if (added == null || !added.rows().regularDates()) {
                return;
            }
            int[] touched = AppendedOrders.touched(added.rows());
            Map<Integer, List<AppendedOrders.OldRow>> oldRows = new HashMap<>();
            read(cancel, r -> r.scan(TableLoader.rows(Catalog.ORDERS, "ck, " + TableLoader.whole("order_date")
                    + ", order_id", k.size()) + " AND rowid <= ? AND ck IN (SELECT value FROM json_each(?))",
                    (rs, i) -> oldRows.computeIfAbsent(rs.getInt(1), key -> new ArrayList<>())
                            .add(new AppendedOrders.OldRow(rs.getLong(2), rs.getString(3))),
                    rowidAfter, java.util.Arrays.toString(touched)));
            Map<Integer, AppendedOrders.OldRun> runs = AppendedOrders.oldRuns(touched, oldRows, before.rows());
            if (runs == null) {
                return;
            }
            keep(t, Catalog.ORDERS, AppendedOrders.merge(before.rows(), before.position(), added,
                    capture.sortedValues(), runs, k.size()));
            adopted = true;
        }
    }

    /** Holds purchase rows read or captured at this version, and stores them. */
    private void keep(TableColumns t, String table, TableLoader.Built<PurchaseRows> b) {
        t.purchases = b.rows();
        t.columns.clear();
        PurchaseRows p = b.rows();
        store(t, true, c -> {
            ColumnBlobs.write(c, table, "start", p.layout().starts());
            ColumnBlobs.write(c, table, "meta", new long[] {p.mostOrders(), p.regularDates() ? 1 : 0});
            ColumnBlobs.write(c, table, "position", b.position());
            ColumnBlobs.write(c, table, "day", p.day());
            ColumnBlobs.write(c, table, "revenue", p.revenue());
            ColumnBlobs.write(c, table, "amount", p.amount());
            ColumnBlobs.write(c, table, "order", p.order());
        });
    }

    private static PurchaseRows storedPurchases(StoredSet stored, String table, int keys, Cancellation cancel) {
        RowLayout layout = new RowLayout(stored.read(c -> ColumnBlobs.readInts(c, table, "start"), cancel));
        if (layout.keys() != keys) {
            stored.discard();
            throw new DamagedColumnsException(table + " has rows for " + layout.keys() + " keys, not " + keys);
        }
        long[] meta = stored.read(c -> ColumnBlobs.readLongs(c, table, "meta"), cancel);
        return new PurchaseRows(layout, (int) meta[0], meta[1] == 1, new PurchaseRows.Source() {
            @Override
            public int[] ints(String name) {
                int[] values = stored.read(c -> ColumnBlobs.readInts(c, table, name), Cancellation.none());
                return rowsOf(values, values.length, layout, stored, table + "." + name);
            }

            @Override
            public double[] doubles(String name) {
                double[] values = stored.read(c -> ColumnBlobs.readDoubles(c, table, name), Cancellation.none());
                return rowsOf(values, values.length, layout, stored, table + "." + name);
            }
        });
    }

    /** {@code values} when it has one value per row of {@code layout}; else the stored set is damaged. */
    private static <A> A rowsOf(A values, int length, RowLayout layout, StoredSet stored, String name) {
        if (length != layout.rows()) {
            stored.discard();
            throw new DamagedColumnsException(name + " has " + length + " values for " + layout.rows() + " rows");
        }
        return values;
    }

    /** The event rows; null without keys. */
    public EventRows events(Cancellation cancel) {
        CustomerKeys k = keys(cancel);
        if (k == null) {
            return null;
        }
        TableColumns t = table(Catalog.EVENTS, cancel);
        synchronized (t) {
            if (t.events == null) {
                if (t.stored.has("type", cancel)) {
                    t.events = t.stored.read(c -> {
                        long[] meta = ColumnBlobs.readLongs(c, Catalog.EVENTS, "meta");
                        RowLayout layout = new RowLayout(ColumnBlobs.readInts(c, Catalog.EVENTS, "start"));
                        int[] type = ColumnBlobs.readInts(c, Catalog.EVENTS, "type");
                        long[] time = ColumnBlobs.readLongs(c, Catalog.EVENTS, "time");
                        if (layout.keys() != k.size() || type.length != layout.rows() || time.length != layout.rows()) {
                            throw new DamagedColumnsException("events has arrays of different lengths");
                        }
                        return new EventRows(layout, type, ColumnBlobs.readTexts(c, Catalog.EVENTS, "types"), time,
                                meta[0] == 1);
                    }, cancel);
                    t.built = t.stored.built(cancel);
                } else {
                    TableLoader.Built<EventRows> b = read(cancel, r -> TableLoader.events(r, k.size()));
                    t.events = b.rows();
                    t.columns.clear();
                    EventRows e = b.rows();
                    store(t, true, c -> {
                        ColumnBlobs.write(c, Catalog.EVENTS, "start", e.layout().starts());
                        ColumnBlobs.write(c, Catalog.EVENTS, "meta", new long[] {e.regularTimes() ? 1 : 0});
                        ColumnBlobs.write(c, Catalog.EVENTS, "position", b.position());
                        ColumnBlobs.write(c, Catalog.EVENTS, "type", e.type());
                        ColumnBlobs.write(c, Catalog.EVENTS, "types", e.types());
                        ColumnBlobs.write(c, Catalog.EVENTS, "time", e.time());
                    });
                }
            }
            return t.events;
        }
    }

    /**
     * The rows of {@code orders}, {@code order_items} or {@code events} in date order, built from the held rows
     * the first time a windowed condition asks; null without keys or when the dates are too scattered to index.
     */
    public DateIndex byDate(String table, Cancellation cancel) {
        boolean isEvents = table.equals(Catalog.EVENTS);
        EventRows e = isEvents ? events(cancel) : null;
        PurchaseRows p = isEvents ? null : purchases(table.equals(Catalog.ORDER_ITEMS), cancel);
        if (e == null && p == null) {
            return null;
        }
        TableColumns t = table(table, cancel);
        synchronized (t) {
            if (!t.indexed) {
                t.byDate = isEvents ? DateIndex.of(e) : DateIndex.of(p);
                t.indexed = true;
            }
            return t.byDate;
        }
    }

    /**
     * An attribute of {@code orders}, {@code order_items} or {@code events}, in the same row order as
     * {@link #purchases} and {@link #events}; null without keys.
     */
    public Column rowColumn(Field field, Cancellation cancel) {
        if (!Catalog.hasManyRowsPerCustomer(field.table())) {
            return null;
        }
        CustomerKeys k = keys(cancel);
        RowLayout layout = k == null ? null : field.table().equals(Catalog.EVENTS) ? events(cancel).layout()
                : purchases(field.table().equals(Catalog.ORDER_ITEMS), cancel).layout();
        if (layout == null) {
            return null;
        }
        TableColumns t = table(field.table(), cancel);
        synchronized (t) {
            return column(t, field, layout.rows(), cancel, reader -> {
                int[] position = t.stored.has("position", cancel)
                        ? t.stored.read(c -> ColumnBlobs.readInts(c, field.table(), "position"), cancel)
                        : TableLoader.layout(reader, field.table(), sortKey(field.table()), layout.keys()).position();
                if (position.length != layout.rows()) {
                    throw new StaleColumnsException(version, -1);
                }
                return TableLoader.rowColumn(reader, field, position, position.length, layout.keys());
            });
        }
    }

    private static String sortKey(String table) {
        return table.equals(Catalog.EVENTS) ? "event_time" : "order_date";
    }

    /** A column of a table: held, stored, or read from the rows (and then stored). */
    private Column column(TableColumns t, Field field, int size, Cancellation cancel,
                          Function<ColumnReader, Column> fromRows) {
        Column c = t.columns.get(field.column());
        if (c != null) {
            return c;
        }
        String name = "c." + field.column();
        boolean text = field.type() == FieldType.TEXT;
        if (t.stored.has(name + (text ? ".codes" : ".values"), cancel)) {
            c = t.stored.read(conn -> text ? new TextColumn(ColumnBlobs.readInts(conn, field.table(), name + ".codes"),
                    ColumnBlobs.readTexts(conn, field.table(), name + ".dict"))
                    : new NumberColumn(ColumnBlobs.readDoubles(conn, field.table(), name + ".values")), cancel);
            if (c.size() != size) {
                t.stored.discard();
                throw new DamagedColumnsException(field.table() + "." + name + " has " + c.size() + " values for "
                        + size);
            }
        } else {
            c = read(cancel, fromRows);
            Column read = c;
            store(t, false, conn -> {
                if (read instanceof TextColumn tc) {
                    ColumnBlobs.write(conn, field.table(), name + ".codes", tc.codes());
                    ColumnBlobs.write(conn, field.table(), name + ".dict", tc.dictionary());
                } else {
                    ColumnBlobs.write(conn, field.table(), name + ".values", ((NumberColumn) read).values());
                }
            });
        }
        t.columns.put(field.column(), c);
        return c;
    }

    /**
     * Whether the customer keys and the order columns are held in memory or stored at this version, so that
     * {@link #metrics} costs no pass over the rows.
     */
    boolean ordersAtHand(Cancellation cancel) {
        TableColumns k = table(Catalog.CUSTOMERS, cancel);
        synchronized (k) {
            if (k.keys == null && !k.stored.has("keys", cancel)) {
                return false;
            }
        }
        TableColumns t = table(Catalog.ORDERS, cancel);
        synchronized (t) {
            return t.purchases != null || t.stored.has("day", cancel);
        }
    }

    /** The metrics as of {@code asOf}, computed from the orders; null when the orders cannot be held. */
    public MetricColumns metrics(LocalDate asOf, Cancellation cancel) {
        CustomerKeys k = keys(cancel);
        PurchaseRows rows = k == null ? null : purchases(false, cancel);
        if (rows == null || !rows.regularDates()) {
            return null;
        }
        synchronized (metrics) {
            MetricColumns m = metrics.get(asOf);
            if (m == null) {
                m = MetricColumns.compute(rows, k, asOf);
                metrics.put(asOf, m);
                if (metrics.size() > METRIC_DATES) {
                    metrics.remove(metrics.keySet().iterator().next());
                }
            }
            return m;
        }
    }

    /** Stores what was read from the rows; a workspace that cannot be written keeps it in memory only. */
    private void store(TableColumns t, boolean fresh, StoredSet.Write write) {
        if (!cannotStore && t.stored.write(fresh, write)) {
            t.built = t.stored.built(Cancellation.none());
            return;
        }
        cannotStore = true;
        if (fresh) {
            t.built = -1;
        }
    }

    /** The stored sorted position of each row of {@code table} as read in its own order (for tests). */
    int[] storedPositions(String table) {
        return table(table, Cancellation.none()).stored.read(c -> ColumnBlobs.readInts(c, table, "position"),
                Cancellation.none());
    }

    /** Whether the orders were taken from an import's capture (for tests). */
    boolean adoptedOrders() {
        return adopted;
    }

    /** How many pieces (keys, a column, a table's rows) were read from the rows rather than from stored columns. */
    public int rowReads() {
        return rowReads.get();
    }

    private <T> T read(Cancellation cancel, Function<ColumnReader, T> work) {
        rowReads.incrementAndGet();
        try (ColumnReader reader = new ColumnReader(workspace, version, cancel)) {
            return work.apply(reader);
        }
    }

    /**
     * Reads from the rows and stores every column a count may need that is not stored yet (customer keys and
     * attributes, order and item rows, events), the large tables on both cores, so that opening the workspace
     * later reads stored columns only.
     */
    public void prepare(Catalog catalog, Cancellation cancel) {
        if (keys(cancel) == null) {
            return;
        }
        java.util.List<Runnable> work = new java.util.ArrayList<>();
        // The largest table first, on this thread; the others meanwhile on the second core.
        work.add(() -> {
            if (!table(Catalog.ORDER_ITEMS, cancel).stored.has("day", cancel)) {
                purchases(true, cancel);
            }
        });
        work.add(() -> {
            for (Field f : catalog.fields(Catalog.CUSTOMERS)) {
                TableColumns t = table(Catalog.CUSTOMERS, cancel);
                String name = "c." + f.column() + (f.type() == FieldType.TEXT ? ".codes" : ".values");
                if (!t.stored.has(name, cancel)) {
                    keyedColumn(f, cancel);
                }
            }
            if (!table(Catalog.ORDERS, cancel).stored.has("day", cancel)) {
                purchases(false, cancel);
            }
        });
        work.add(() -> {
            if (!table(Catalog.EVENTS, cancel).stored.has("type", cancel)) {
                events(cancel);
            }
        });
        Parallel.each(work);
    }
}
