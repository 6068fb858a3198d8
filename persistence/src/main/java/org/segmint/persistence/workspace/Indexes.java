package org.segmint.persistence.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The indexes of the data tables ({@code ix_*}), each there because a query of the product uses it; the
 * importer drops a table's indexes before replacing its rows and the refresh creates the missing ones.
 *
 * <p>What uses which (checked with {@code EXPLAIN QUERY PLAN}): {@code orders(order_id)} joins items to their
 * order (item conditions on order fields, completing items), so it is built only when there are items. The
 * orphan indexes are partial (only rows without a known customer, usually none), so that linking orphans to
 * customers imported later reads only them.
 *
 * <p>Not built, because the column engine answers what they served: {@code orders(order_date, ck, ...)}
 * (purchase windows and the insights' trend months), {@code events(event_type, event_time, ck)} (event
 * conditions and sequences), {@code order_items(category, order_date, ck)} (item conditions) and
 * {@code orders(ck, order_date, revenue, units, order_id)} (the metrics' grouping by customer, which an import
 * of every order and an as-of change now do from the order columns in memory, {@code ColumnMetrics}). Each was
 * a sort of every row of its table at every replace (10, 20 and 30 million rows at scale L: 20 to 35 s for each
 * of the orders' alone); the SQL path (View SQL, the few conditions the columns leave to SQL, metrics computed in
 * SQL) reads the table instead. Nor are {@code order_items(order_id)} (made when orders lack units and must be
 * summed from their items), {@code order_items(ck, order_date)} or {@code events(ck, event_time)}, which no plan
 * used.
 */
final class Indexes {
    /** Indexes as (name, table, columns and condition). */
    static final List<String[]> ALL = List.of(
            new String[] {"ix_orders_orphans", "orders", "(customer_id) WHERE ck IS NULL"},
            new String[] {"ix_order_items_orphans", "order_items", "(customer_id) WHERE ck IS NULL"},
            new String[] {"ix_events_orphans", "events", "(customer_id) WHERE ck IS NULL"});

    static final String[] ORDERS_BY_ID = {"ix_orders_order_id", "orders", "(order_id)"};
    static final String[] ITEMS_BY_ORDER = {"ix_order_items_order_id", "order_items", "(order_id)"};

    private Indexes() {
    }

    /** Creates every missing index: the order id index only when there are order items. */
    static void createMissing(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            // Lets SQLite sort large indexes with helper threads; a no-op on a single core.
            st.execute("PRAGMA threads=" + Math.min(4, Runtime.getRuntime().availableProcessors()));
        }
        for (String[] index : ALL) {
            create(c, index);
        }
        // Only items are joined to their order: without items the index would serve no query.
        if (ItemCompletion.exists(c, "SELECT 1 FROM order_items LIMIT 1")) {
            create(c, ORDERS_BY_ID);
        }
    }

    static void create(Connection c, String[] index) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX IF NOT EXISTS " + index[0] + " ON " + Identifiers.quote(index[1]) + index[2]);
        }
    }
}
