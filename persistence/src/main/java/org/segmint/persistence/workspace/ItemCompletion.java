package org.segmint.persistence.workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Completes orders and order items from each other after a load: item revenue, the customer and date of items
 * from their order, orders derived from items when there are none, order units from items. Each step reads
 * only the rows the load can have changed.
 */
final class ItemCompletion {
    private static final String INCOMPLETE_ITEMS = "order_id IS NOT NULL AND (customer_id IS NULL"
            + " OR customer_id = '' OR order_date IS NULL)";

    private ItemCompletion() {
    }

    /**
     * Line revenue where missing (new items), and the customer and date of items from their order: for new
     * items, or for every item when orders changed (a new order can complete an older item). Returns whether
     * items were given a customer id, so that they need linking.
     */
    static boolean fillItems(Connection c, DataChange change) throws SQLException {
        boolean items = change.touches("order_items");
        String restriction = change.touches("orders") ? "" : change.newRows("order_items");
        try (Statement st = c.createStatement()) {
            if (items) {
                st.executeUpdate("UPDATE order_items SET revenue = quantity * unit_price WHERE revenue IS NULL"
                        + " AND quantity IS NOT NULL AND unit_price IS NOT NULL" + change.newRows("order_items"));
            }
            if (!exists(c, "SELECT 1 FROM orders LIMIT 1")
                    || !exists(c, "SELECT 1 FROM order_items WHERE " + INCOMPLETE_ITEMS + restriction + " LIMIT 1")) {
                return false;
            }
            Indexes.create(c, Indexes.ORDERS_BY_ID);
            st.executeUpdate("UPDATE order_items SET customer_id = (SELECT o.customer_id FROM orders o"
                    + " WHERE o.order_id = order_items.order_id AND o.customer_id IS NOT NULL AND o.customer_id <> ''"
                    + " LIMIT 1) WHERE (customer_id IS NULL OR customer_id = '') AND order_id IS NOT NULL"
                    + restriction);
            st.executeUpdate("UPDATE order_items SET order_date = (SELECT min(o.order_date) FROM orders o"
                    + " WHERE o.order_id = order_items.order_id) WHERE order_date IS NULL AND order_id IS NOT NULL"
                    + restriction);
            return true;
        }
    }

    /** One order per distinct item order id when there are items but no orders; returns whether it derived any. */
    static boolean deriveOrdersFromItems(Connection c) throws SQLException {
        if (exists(c, "SELECT 1 FROM orders LIMIT 1")
                || !exists(c, "SELECT 1 FROM order_items LIMIT 1")) {
            return false;
        }
        try (Statement st = c.createStatement()) {
            return st.executeUpdate("INSERT INTO orders(order_id, customer_id, order_date, revenue, units)"
                    + " SELECT order_id, max(nullif(customer_id, '')), min(order_date), sum(revenue), sum(quantity)"
                    + " FROM order_items WHERE order_id IS NOT NULL GROUP BY order_id") > 0;
        }
    }

    /**
     * Orders get units (the sum of their items' quantity) where missing: new orders, or any order when items
     * changed (new items can belong to an older order).
     */
    static void fillOrderUnits(Connection c, DataChange change) throws SQLException {
        if (!exists(c, "SELECT 1 FROM order_items LIMIT 1")) {
            // Without items there is nothing to sum (and no need to look through every order for missing units).
            return;
        }
        String restriction = change.touches("order_items") ? "" : change.newRows("orders");
        String where = " WHERE units IS NULL AND order_id IS NOT NULL" + restriction;
        if (!exists(c, "SELECT 1 FROM orders" + where + " LIMIT 1")) {
            return;
        }
        Indexes.create(c, Indexes.ITEMS_BY_ORDER);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE orders SET units = (SELECT sum(i.quantity) FROM order_items i"
                    + " WHERE i.order_id = orders.order_id)" + where);
        }
    }

    static boolean exists(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }
}
