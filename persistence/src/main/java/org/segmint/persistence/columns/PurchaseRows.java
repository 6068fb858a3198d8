package org.segmint.persistence.columns;

/**
 * The rows of {@code orders} or {@code order_items} that belong to a customer, sorted by customer key and date:
 * what purchase conditions, metrics and insights add up. Each array is read from the stored columns when first
 * asked for (an items count needs dates and order ids, not amounts).
 *
 * <ul>
 *   <li>{@link #day()}: the order date (days since 1970-01-01), {@link #NO_DATE} when empty;</li>
 *   <li>{@link #revenue()}: revenue, 0 when empty (as SQL's {@code total()} reads it);</li>
 *   <li>{@link #amount()}: units of an order, quantity of an item; 0 when empty;</li>
 *   <li>{@link #order()}: the row's order id as a number unique within its customer (0, 1, ...), {@link #NO_ID}
 *       for a row without an order id: distinct orders are distinct numbers.</li>
 * </ul>
 */
public final class PurchaseRows {
    public static final int NO_DATE = Integer.MIN_VALUE;
    public static final int NO_ID = -1;

    /** Reads an array of the stored set by name. */
    interface Source {
        int[] ints(String name);

        double[] doubles(String name);
    }

    private final RowLayout layout;
    private final int mostOrders;
    private final boolean regularDates;
    private final Source source;
    private int[] day;
    private double[] revenue;
    private double[] amount;
    private int[] order;

    PurchaseRows(RowLayout layout, int mostOrders, boolean regularDates, Source source) {
        this.layout = layout;
        this.mostOrders = mostOrders;
        this.regularDates = regularDates;
        this.source = source;
    }

    PurchaseRows(RowLayout layout, int[] day, double[] revenue, double[] amount, int[] order, int mostOrders,
                 boolean regularDates) {
        this(layout, mostOrders, regularDates, null);
        this.day = day;
        this.revenue = revenue;
        this.amount = amount;
        this.order = order;
    }

    public RowLayout layout() {
        return layout;
    }

    /** The most distinct order ids any one customer has. */
    public int mostOrders() {
        return mostOrders;
    }

    /**
     * Whether every date is a whole number of days or empty; when not, date windows are left to the SQL engine,
     * which compares the odd values as SQLite does.
     */
    public boolean regularDates() {
        return regularDates;
    }

    public synchronized int[] day() {
        if (day == null) {
            day = source.ints("day");
        }
        return day;
    }

    public synchronized double[] revenue() {
        if (revenue == null) {
            revenue = source.doubles("revenue");
        }
        return revenue;
    }

    public synchronized double[] amount() {
        if (amount == null) {
            amount = source.doubles("amount");
        }
        return amount;
    }

    public synchronized int[] order() {
        if (order == null) {
            order = source.ints("order");
        }
        return order;
    }

    /** Bytes held in memory now. */
    public synchronized long bytes() {
        long b = 4L * (layout.keys() + 1);
        b += day == null ? 0 : 4L * day.length;
        b += revenue == null ? 0 : 8L * revenue.length;
        b += amount == null ? 0 : 8L * amount.length;
        b += order == null ? 0 : 4L * order.length;
        return b;
    }
}
