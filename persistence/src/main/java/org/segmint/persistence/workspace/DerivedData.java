package org.segmint.persistence.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.segmint.model.task.Progress;
import org.segmint.persistence.columns.ColumnBlobs;

/**
 * Everything derived from the imported data, brought up to date after each load:
 * <ol>
 *   <li>order items get the customer and date of their order where they have none, line revenue
 *       {@code quantity * unit_price} where it is missing, and orders get {@code units} (the sum of their
 *       items' quantity) where missing ({@link ItemCompletion});</li>
 *   <li>when the orders table is empty but order items exist, one order is derived per distinct item
 *       {@code order_id} (customer of its items, date = earliest item date, revenue = sum of line revenue,
 *       units = sum of quantity), so purchase conditions and metrics work on item-only data; items without
 *       an order id derive no order;</li>
 *   <li>the dense customer key {@code ck} of orders, items and events is linked to {@code customers} by
 *       {@code customer_id} (NULL when the customer is unknown: an orphan) ({@link Relinking});</li>
 *   <li>the indexes the engine relies on are created when missing ({@link Indexes});</li>
 *   <li>the {@code metrics} table is brought up to date as of the workspace's as-of date ({@link MetricsSql})
 *       and that date is recorded in {@code sg_meta} as {@code metrics_as_of};</li>
 *   <li>the statistics are refreshed ({@code ANALYZE}) and the data version is bumped.</li>
 * </ol>
 * Given what a load changed ({@link DataChange}), each step touches only what depends on it: an append of
 * orders completes and recomputes only the new orders' rows and customers, an import of events recomputes no
 * metric, a customer import links only the orphans and the rows of deleted customers. The result is the same as
 * a full refresh (a test holds them equal).
 *
 * <p>Everything runs on the workspace's connection inside the caller's transaction (or statement by
 * statement in autocommit mode); nothing here begins or commits one, so an import and its derived data
 * land together or not at all.
 */
public final class DerivedData {
    /** Name of the setting holding the as-of date (ISO) the metrics table was computed for. */
    public static final String METRICS_AS_OF = "metrics_as_of";

    private static final int STEPS = 7;

    /**
     * Another way to compute every customer's metrics than the SQL of {@link MetricsSql} (which groups the
     * orders by customer: a sort of every order), for a caller that holds the orders in memory already, such as
     * an import that collected them while writing them. It must give exactly the rows {@link MetricsSql#fill}
     * would.
     */
    @FunctionalInterface
    public interface MetricsSource {
        /**
         * Inserts every customer's metrics as of {@code asOf} into the empty metrics table {@code table}, on the
         * connection {@code c} and inside its transaction; returns false, having inserted nothing, when it cannot
         * (the metrics are then computed with SQL).
         */
        boolean fill(Connection c, String table, LocalDate asOf) throws SQLException;
    }
    private static final String METRIC_KEYS = "sg_metric_keys";

    private DerivedData() {
    }

    /** Brings every derived column, index, metric and statistic up to date, whatever changed. */
    public static void refresh(Workspace ws, Progress progress) {
        refresh(ws, DataChange.everything(), progress);
    }

    /** Brings the derived data up to date after a load that changed {@code change}; see the class comment. */
    public static void refresh(Workspace ws, DataChange change, Progress progress) {
        refresh(ws, change, progress, null);
    }

    /**
     * Like {@link #refresh(Workspace, DataChange, Progress)}, computing every customer's metrics with
     * {@code metrics} (when not null and able to) instead of SQL when the load calls for all of them.
     */
    public static void refresh(Workspace ws, DataChange change, Progress progress, MetricsSource metrics) {
        Connection c = ws.connection();
        try {
            boolean itemsFilled = false;
            boolean ordersDerived = false;
            if (change.touches("orders") || change.touches("order_items")) {
                progress.update(0, STEPS, "Completing order lines");
                itemsFilled = ItemCompletion.fillItems(c, change);
                progress.update(1, STEPS, "Completing orders");
                ordersDerived = ItemCompletion.deriveOrdersFromItems(c);
                ItemCompletion.fillOrderUnits(c, change);
            }
            progress.update(2, STEPS, "Linking orders, items and events to customers");
            Relinking.relink(c, change, itemsFilled, ordersDerived);
            finish(ws, progress, 3, ordersDerived ? DataChange.everything() : change, ordersDerived ? null : metrics);
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
            finish(ws, progress, 3, DataChange.everything(), null);
        } catch (SQLException e) {
            throw new WorkspaceException(ws.file() + ": cannot compute derived data (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Changes the as-of setting and recomputes the metrics as of the new date, in one transaction: a failure
     * leaves both as they were.
     */
    public static void changeAsOf(Workspace ws, AsOfSetting setting) {
        changeAsOf(ws, setting, null);
    }

    /**
     * Like {@link #changeAsOf(Workspace, AsOfSetting)}, computing the metrics with {@code metrics} (when not null
     * and able to) instead of SQL.
     */
    public static void changeAsOf(Workspace ws, AsOfSetting setting, MetricsSource metrics) {
        Connection c = ws.connection();
        try {
            c.setAutoCommit(false);
            try {
                ws.setAsOfSetting(setting);
                computeMetrics(ws, metrics);
                // Only the metrics changed: every stored column set stays valid (metrics are not stored).
                bumpDataVersion(ws, List.of());
                c.commit();
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot change the as-of date (" + e.getMessage() + ")", e);
        }
    }

    /** Recomputes only the metrics table as of the workspace's current as-of date and bumps the data version. */
    public static void recomputeMetrics(Workspace ws) {
        try {
            computeMetrics(ws, null);
            // Only the metrics changed: every stored column set stays valid (metrics are not stored).
            bumpDataVersion(ws, List.of());
        } catch (SQLException e) {
            throw new WorkspaceException(ws.file() + ": cannot compute the metrics (" + e.getMessage() + ")", e);
        }
    }

    private static void finish(Workspace ws, Progress progress, int step, DataChange change, MetricsSource metrics)
            throws SQLException {
        Connection c = ws.connection();
        progress.update(step, STEPS, "Building indexes");
        Indexes.createMissing(c);
        // Before the metrics: their as-of date is the latest date in the data unless set otherwise.
        LatestDates.update(ws, change);
        progress.update(step + 1, STEPS, "Computing customer metrics");
        updateMetrics(ws, change, metrics);
        progress.update(step + 2, STEPS, "Updating statistics");
        try (Statement st = c.createStatement()) {
            // A sampled ANALYZE: exact statistics of a 30M-row index cost a full pass and plans do not need them.
            st.execute("PRAGMA analysis_limit=1000");
            st.execute("ANALYZE");
        }
        bumpDataVersion(ws, columnsChanged(change));
        progress.update(STEPS, STEPS, "Done");
    }

    /** The tables whose rows the column store keeps. */
    private static final List<String> DATA_TABLES = List.of("customers", "orders", "order_items", "events");

    /**
     * The tables whose stored columns a load that changed {@code change} makes stale. A change of customers
     * relinks every other table's keys; completing orders and items writes each from the other.
     */
    private static List<String> columnsChanged(DataChange change) {
        if (change.isEverything() || change.touches("customers")) {
            return DATA_TABLES;
        }
        if (change.touches("orders") || change.touches("order_items")) {
            return List.of("orders", "order_items");
        }
        return change.touches("events") ? List.of("events") : DATA_TABLES;
    }

    /**
     * Moves the data version on; the columns stored for the tables not in {@code changed} stay valid at the new
     * version, those of {@code changed} are dropped (and read again from the rows when first needed).
     */
    private static void bumpDataVersion(Workspace ws, List<String> changed) throws SQLException {
        long from = ws.dataVersion();
        ws.bumpDataVersion();
        ColumnBlobs.carryForward(ws.connection(), from, ws.dataVersion(), changed);
    }

    /**
     * Recomputes the metrics of the customers the load can have changed: all of them after a replace of orders,
     * a load of unknown kind or when the as-of date moved; else the customers of new or replaced order rows,
     * new customers and deleted ones (whose rows go); none after a load of events or items.
     */
    private static void updateMetrics(Workspace ws, DataChange change, MetricsSource metrics) throws SQLException {
        LocalDate asOf = ws.asOf();
        boolean sameDate = ws.setting(METRICS_AS_OF).map(asOf.toString()::equals).orElse(false);
        boolean customers = change.touches("customers");
        boolean orders = change.touches("orders");
        if (change.isEverything() || !sameDate || (orders && change.replaced())) {
            computeMetrics(ws, metrics);
            return;
        }
        if (!customers && !orders) {
            return;
        }
        Connection c = ws.connection();
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DROP TABLE IF EXISTS temp." + METRIC_KEYS);
            st.executeUpdate("CREATE TEMP TABLE " + METRIC_KEYS + "(ck INTEGER PRIMARY KEY)");
            String into = "INSERT OR IGNORE INTO temp." + METRIC_KEYS + "(ck) ";
            if (orders) {
                st.executeUpdate(into + "SELECT ck FROM orders WHERE ck IS NOT NULL" + change.newRows("orders"));
            } else {
                st.executeUpdate(into + "SELECT ck FROM customers WHERE ck > " + change.rowidAfter());
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO temp." + METRIC_KEYS
                + "(ck) VALUES (?)")) {
            for (long ck : change.changedKeys()) {
                ps.setLong(1, ck);
                ps.addBatch();
            }
            for (long ck : change.deletedCustomers()) {
                ps.setLong(1, ck);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        MetricsSql.refill(c, "metrics", "temp." + METRIC_KEYS, asOf);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DROP TABLE temp." + METRIC_KEYS);
        }
    }

    private static void computeMetrics(Workspace ws, MetricsSource metrics) throws SQLException {
        Connection c = ws.connection();
        LocalDate asOf = ws.asOf();
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM metrics");
        }
        if (metrics == null || !metrics.fill(c, "metrics", asOf)) {
            MetricsSql.fill(c, "metrics", asOf);
        }
        ws.setSetting(METRICS_AS_OF, asOf.toString());
    }
}
