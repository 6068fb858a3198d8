package org.segmint.persistence.workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.segmint.model.task.Progress;
import org.segmint.persistence.columns.ColumnBlobs;

/**
 * Everything derived from the imported data, brought up to date after each load:
 * <ol>
 *   <li>order items get the customer and date of their order where they have none, line revenue
 *       {@code quantity * unit_price} where it is missing, and orders get {@code units} (the sum of their
 *       items' quantity) where missing;</li>
 *   <li>when the orders table is empty but order items exist, one order is derived per distinct item
 *       {@code order_id} (customer of its items, date = earliest item date, revenue = sum of line revenue,
 *       units = sum of quantity), so purchase conditions and metrics work on item-only data; items without
 *       an order id derive no order;</li>
 *   <li>the dense customer key {@code ck} of orders, items and events is relinked from {@code customers} by
 *       {@code customer_id} (NULL when the customer is unknown: an orphan);</li>
 *   <li>the indexes the engine relies on are created when missing (covering indexes, see
 *       {@link #INDEXES});</li>
 *   <li>the {@code metrics} table is recomputed as of the workspace's as-of date ({@link MetricsSql}) and
 *       that date is recorded in {@code sg_meta} as {@code metrics_as_of};</li>
 *   <li>the statistics are refreshed ({@code ANALYZE}) and the data version is bumped.</li>
 * </ol>
 * Everything runs on the workspace's connection inside the caller's transaction (or statement by
 * statement in autocommit mode); nothing here begins or commits one, so an import and its derived data
 * land together or not at all.
 */
public final class DerivedData {
    /** Name of the setting holding the as-of date (ISO) the metrics table was computed for. */
    public static final String METRICS_AS_OF = "metrics_as_of";

    /**
     * Indexes, as (name, table, columns). Orders carry {@code order_id} at the end of both covering
     * indexes so that counting distinct orders needs no table lookups.
     */
    static final List<String[]> INDEXES = List.of(
            new String[] {"ix_orders_order_id", "orders", "order_id"},
            new String[] {"ix_order_items_order_id", "order_items", "order_id"},
            new String[] {"ix_orders_ck_date", "orders", "ck, order_date, revenue, units, order_id"},
            new String[] {"ix_orders_date_ck", "orders", "order_date, ck, revenue, units, order_id"},
            new String[] {"ix_order_items_ck_date", "order_items", "ck, order_date"},
            new String[] {"ix_events_type_time_ck", "events", "event_type, event_time, ck"},
            new String[] {"ix_events_ck_time", "events", "ck, event_time"});

    private static final int STEPS = 7;

    private DerivedData() {
    }

    /** Brings every derived column, index, metric and statistic up to date; see the class comment. */
    public static void refresh(Workspace ws, Progress progress) {
        refresh(ws, progress, DATA_TABLES);
    }

    /**
     * {@link #refresh(Workspace, Progress)} after a load that wrote only the tables {@code loaded}: the columns
     * stored for the other tables stay valid unless this refresh changes their rows (completing or relinking
     * them).
     */
    public static void refresh(Workspace ws, Progress progress, java.util.Collection<String> loaded) {
        Connection c = ws.connection();
        java.util.Set<String> changed = new java.util.LinkedHashSet<>(loaded);
        try {
            progress.update(0, STEPS, "Completing order lines");
            if (fillItems(c) > 0) {
                changed.add("order_items");
            }
            progress.update(1, STEPS, "Completing orders");
            if (deriveOrdersFromItems(c) + fillOrderUnits(c) > 0) {
                changed.add("orders");
            }
            progress.update(2, STEPS, "Linking orders, items and events to customers");
            for (String table : List.of("orders", "order_items", "events")) {
                if (relink(c, table) > 0) {
                    changed.add(table);
                }
            }
            finish(ws, progress, 3, List.copyOf(changed));
        } catch (SQLException e) {
            throw new WorkspaceException(ws.file() + ": cannot compute derived data (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Like {@link #refresh} for data whose items are complete and whose keys ({@code ck}) were written
     * consistently by the loader itself (the demo generator): skips the per-row completion and relinking,
     * which cost a pass over every order, item and event.
     */
    public static void refreshLinkedData(Workspace ws, Progress progress) {
        try {
            finish(ws, progress, 3, DATA_TABLES);
        } catch (SQLException e) {
            throw new WorkspaceException(ws.file() + ": cannot compute derived data (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Recomputes only the metrics table as of the workspace's current as-of date (after the as-of
     * setting changed) and bumps the data version.
     */
    /**
     * Changes the as-of setting and recomputes the metrics as of the new date, in one transaction: a failure
     * leaves both as they were.
     */
    public static void changeAsOf(Workspace ws, AsOfSetting setting) {
        Connection c = ws.connection();
        try {
            c.setAutoCommit(false);
            try {
                ws.setAsOfSetting(setting);
                recomputeMetrics(ws);
                c.commit();
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot change the as-of date (" + e.getMessage() + ")", e);
        }
    }

    public static void recomputeMetrics(Workspace ws) {
        try {
            computeMetrics(ws);
            // Only the metrics changed: every stored column set stays valid (metrics are not stored).
            bumpDataVersion(ws, List.of());
        } catch (SQLException e) {
            throw new WorkspaceException(ws.file() + ": cannot compute the metrics (" + e.getMessage() + ")", e);
        }
    }

    private static void finish(Workspace ws, Progress progress, int step, List<String> changed) throws SQLException {
        Connection c = ws.connection();
        progress.update(step, STEPS, "Building indexes");
        createIndexes(c);
        progress.update(step + 1, STEPS, "Computing customer metrics");
        computeMetrics(ws);
        progress.update(step + 2, STEPS, "Updating statistics");
        try (Statement st = c.createStatement()) {
            // A sampled ANALYZE: exact statistics of a 30M-row index cost a full pass and plans do not need them.
            st.execute("PRAGMA analysis_limit=1000");
            st.execute("ANALYZE");
        }
        bumpDataVersion(ws, changed);
        progress.update(STEPS, STEPS, "Done");
    }

    /** The tables whose rows the column store keeps. */
    private static final List<String> DATA_TABLES = List.of("customers", "orders", "order_items", "events");

    /**
     * Moves the data version on; the columns stored for the tables not in {@code changed} stay valid at the new
     * version, those of {@code changed} are dropped (and read again from the rows when first needed).
     */
    private static void bumpDataVersion(Workspace ws, List<String> changed) throws SQLException {
        long from = ws.dataVersion();
        ws.bumpDataVersion();
        ColumnBlobs.carryForward(ws.connection(), from, ws.dataVersion(), changed);
    }

    /** Returns the number of rows changed. */
    private static int fillItems(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            int changed = st.executeUpdate("UPDATE order_items SET revenue = quantity * unit_price"
                    + " WHERE revenue IS NULL AND quantity IS NOT NULL AND unit_price IS NOT NULL");
            if (!exists(c, "SELECT 1 FROM orders LIMIT 1")) {
                return changed;
            }
            createIndex(c, INDEXES.get(0));
            changed += st.executeUpdate("UPDATE order_items SET customer_id = (SELECT o.customer_id FROM orders o"
                    + " WHERE o.order_id = order_items.order_id AND o.customer_id IS NOT NULL AND o.customer_id <> ''"
                    + " LIMIT 1) WHERE (customer_id IS NULL OR customer_id = '') AND order_id IS NOT NULL");
            changed += st.executeUpdate("UPDATE order_items SET order_date = (SELECT min(o.order_date) FROM orders o"
                    + " WHERE o.order_id = order_items.order_id) WHERE order_date IS NULL AND order_id IS NOT NULL");
            return changed;
        }
    }

    /** Returns the number of orders derived. */
    private static int deriveOrdersFromItems(Connection c) throws SQLException {
        if (exists(c, "SELECT 1 FROM orders LIMIT 1") || !exists(c, "SELECT 1 FROM order_items LIMIT 1")) {
            return 0;
        }
        try (Statement st = c.createStatement()) {
            return st.executeUpdate("INSERT INTO orders(order_id, customer_id, order_date, revenue, units)"
                    + " SELECT order_id, max(nullif(customer_id, '')), min(order_date), sum(revenue), sum(quantity)"
                    + " FROM order_items WHERE order_id IS NOT NULL GROUP BY order_id");
        }
    }

    /** Returns the number of orders changed. */
    private static int fillOrderUnits(Connection c) throws SQLException {
        if (!exists(c, "SELECT 1 FROM orders WHERE units IS NULL AND order_id IS NOT NULL LIMIT 1")) {
            return 0;
        }
        createIndex(c, INDEXES.get(1));
        try (Statement st = c.createStatement()) {
            return st.executeUpdate("UPDATE orders SET units = (SELECT sum(i.quantity) FROM order_items i"
                    + " WHERE i.order_id = orders.order_id) WHERE units IS NULL AND order_id IS NOT NULL");
        }
    }

    /**
     * Sets {@code ck} from {@code customers}; rows whose key already matches their customer id are left
     * alone (one primary-key probe each), so a re-run writes only what changed.
     */
    private static int relink(Connection c, String table) throws SQLException {
        String t = Identifiers.quote(table);
        try (Statement st = c.createStatement()) {
            return st.executeUpdate("UPDATE " + t + " SET ck = (SELECT cu.ck FROM customers cu"
                    + " WHERE cu.customer_id = " + t + ".customer_id)"
                    + " WHERE NOT EXISTS (SELECT 1 FROM customers cu WHERE cu.ck = " + t + ".ck"
                    + " AND cu.customer_id = " + t + ".customer_id)"
                    + " AND (ck IS NOT NULL OR EXISTS (SELECT 1 FROM customers cu"
                    + " WHERE cu.customer_id = " + t + ".customer_id))");
        }
    }

    private static void createIndexes(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            // Lets SQLite sort large indexes with helper threads; a no-op on a single core.
            st.execute("PRAGMA threads=" + Math.min(4, Runtime.getRuntime().availableProcessors()));
        }
        for (String[] index : INDEXES) {
            createIndex(c, index);
        }
        // Item conditions on a product category are the common case; index it when the column exists.
        if (hasColumn(c, "order_items", "category")) {
            createIndex(c, new String[] {"ix_order_items_category", "order_items", "category, order_date, ck"});
        }
    }

    private static void createIndex(Connection c, String[] index) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX IF NOT EXISTS " + index[0] + " ON " + Identifiers.quote(index[1])
                    + "(" + index[2] + ")");
        }
    }

    private static void computeMetrics(Workspace ws) throws SQLException {
        Connection c = ws.connection();
        LocalDate asOf = ws.asOf();
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM metrics");
        }
        MetricsSql.fill(c, "metrics", asOf);
        ws.setSetting(METRICS_AS_OF, asOf.toString());
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }

    static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + Identifiers.quote(table) + ")")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        return columns.contains(column);
    }
}
