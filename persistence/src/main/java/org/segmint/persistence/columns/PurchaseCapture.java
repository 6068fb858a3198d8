package org.segmint.persistence.columns;

import java.util.Arrays;

/**
 * The order columns of an import that replaces every order, collected from the values as the importer writes
 * them, so that the columns need not be read back from the ten million rows just written (a second pass over
 * the table through JDBC costs about as much as the whole load).
 *
 * <p>Each value is taken as SQLite stores it in its column and {@link TableLoader} reads it back: dates are whole
 * days ({@code Long}) or empty; revenue and units are numbers ({@code Long} or {@code Double}) or empty (0); an
 * order id is text or a whole number (stored as its digits). Any other value (text in a number column, say) makes
 * the capture give up ({@link #usable()} false) and the columns are then read from the rows as before; so does
 * anything that changes the orders after the load ({@link #giveUp()}). Rows without a customer are left out, as
 * the reader leaves them out.
 */
public final class PurchaseCapture {
    private static final int FIRST = 1 << 16;
    /** Bytes held per captured row: key, day, revenue, units, id hash, id flag. */
    private static final int ROW_BYTES = 4 + 8 + 8 + 8 + 8 + 1;

    /** The most memory the capture may take: beyond it, it gives up rather than crowd out the import. */
    private final long maxBytes;
    private int[] cks = new int[FIRST];
    private long[] dates = new long[FIRST];
    private double[] revenues = new double[FIRST];
    private double[] amounts = new double[FIRST];
    private long[] idHashes = new long[FIRST];
    private boolean[] ids = new boolean[FIRST];
    private int n;
    private boolean usable = true;
    /** The rows once sorted by customer key (for {@link #sortedFor} keys), after which the arrays above are gone. */
    private TableLoader.Built<PurchaseRows> sorted;
    /** The sorted values with their order id hashes (an append merges them with the rows already there). */
    private TableLoader.PurchaseValues sortedValues;
    private int sortedFor = -1;

    /** A capture that may take up to a quarter of the heap. */
    public PurchaseCapture() {
        this(Runtime.getRuntime().maxMemory() / 4);
    }

    PurchaseCapture(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * One written row: its customer key (null for a row without a known customer) and the values written into
     * {@code order_date}, {@code revenue}, {@code units} and {@code order_id} (null when the import has no such
     * column or the field was empty).
     */
    public void add(Long ck, Object date, Object revenue, Object units, Object orderId) {
        if (!usable || ck == null) {
            return;
        }
        if (sortedFor >= 0) {
            // A row after the sort: the sorted copy no longer tells the whole table.
            giveUp();
            return;
        }
        if (ck < 0 || ck > Integer.MAX_VALUE - 1 || n == Integer.MAX_VALUE - 8) {
            giveUp();
            return;
        }
        long d;
        if (date == null) {
            d = TableLoader.SQL_EMPTY;
        } else if (date instanceof Long l) {
            d = l;
        } else {
            giveUp();
            return;
        }
        Double r = number(revenue);
        Double a = number(units);
        if (r == null || a == null || !(orderId == null || orderId instanceof String || orderId instanceof Long)) {
            giveUp();
            return;
        }
        if (n == cks.length && !grow()) {
            return;
        }
        cks[n] = (int) (long) ck;
        dates[n] = d;
        revenues[n] = r;
        amounts[n] = a;
        ids[n] = orderId != null;
        idHashes[n] = orderId == null ? 0 : TableLoader.hash(orderId.toString());
        n++;
    }

    /** The value as the reader's {@code getDouble} returns it (0 when empty); null when it would not be a number. */
    private static Double number(Object v) {
        if (v == null) {
            return 0.0;
        }
        if (v instanceof Double d) {
            // SQLite keeps a whole REAL as an integer on disk, so -0.0 reads back as 0.0
            return d + 0.0;
        }
        if (v instanceof Long l) {
            return (double) l;
        }
        return null;
    }

    /** Doubles the arrays; gives up instead when that would pass the memory allowed or the heap is short. */
    private boolean grow() {
        int size = (int) Math.min(Integer.MAX_VALUE - 8L, cks.length * 2L);
        if ((long) size * ROW_BYTES > maxBytes) {
            giveUp();
            return false;
        }
        try {
            cks = Arrays.copyOf(cks, size);
            dates = Arrays.copyOf(dates, size);
            revenues = Arrays.copyOf(revenues, size);
            amounts = Arrays.copyOf(amounts, size);
            idHashes = Arrays.copyOf(idHashes, size);
            ids = Arrays.copyOf(ids, size);
            return true;
        } catch (OutOfMemoryError e) {
            // Only this optional copy failed; dropping it leaves the import what it had.
            giveUp();
            return false;
        }
    }

    /** Something the capture cannot follow happened to the rows: the columns are read from the rows instead. */
    public synchronized void giveUp() {
        usable = false;
        dropCollected();
        sorted = null;
        sortedValues = null;
    }

    private void dropCollected() {
        cks = null;
        dates = null;
        revenues = null;
        amounts = null;
        idHashes = null;
        ids = null;
    }

    public boolean usable() {
        return usable;
    }

    /** The order id hashes and presence by sorted place, once {@link #rows} has sorted; else null. */
    synchronized TableLoader.PurchaseValues sortedValues() {
        return sortedValues;
    }

    /**
     * The purchase rows of the captured orders for customer keys 0 .. size - 1, exactly as {@link TableLoader}
     * would read them from the table; null when the capture gave up or a key lies outside. Sorted once: the
     * metrics of the import and the columns stored after its commit share them.
     */
    synchronized TableLoader.Built<PurchaseRows> rows(int size) {
        if (!usable) {
            return null;
        }
        if (sortedFor >= 0) {
            return sortedFor == size ? sorted : null;
        }
        for (int i = 0; i < n; i++) {
            if (cks[i] >= size) {
                return null;
            }
        }
        RowLayout.Sorted byKey = RowLayout.sort(cks, dates, n, size);
        int[] row = byKey.row();
        TableLoader.PurchaseValues values = new TableLoader.PurchaseValues(n);
        // Each sorted place takes its row's values; the places are split between the cores.
        Parallel.split(n, n, (from, to) -> {
            for (int p = from; p < to; p++) {
                int i = row[p];
                values.set(p, dates[i], revenues[i], amounts[i], ids[i], idHashes[i]);
            }
            return null;
        });
        sorted = values.rows(byKey);
        sortedValues = values;
        sortedFor = size;
        // What is kept from here on is the sorted copy.
        dropCollected();
        return sorted;
    }
}
