package org.segmint.persistence.columns;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.AsOfSetting;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.MetricsSql;
import org.segmint.persistence.workspace.Workspace;

/**
 * Fills the workspace's metrics table from order columns already in memory ({@link MetricColumns}, the same
 * rules and summation as {@link MetricsSql}) instead of grouping every order by customer in SQL, which is a sort
 * of every order (about 20 s for ten million): the orders an import collected while writing them, or the
 * columns the workspace holds or has stored when only the as-of date changes.
 */
public final class ColumnMetrics {
    private ColumnMetrics() {
    }

    /**
     * The metrics of an import that replaced every order, from the rows it collected ({@link PurchaseCapture});
     * declines (and SQL computes them) when the capture gave up.
     */
    public static DerivedData.MetricsSource of(PurchaseCapture capture) {
        return (c, table, asOf) -> {
            if (!capture.usable()) {
                return false;
            }
            CustomerKeys keys = keys(c);
            if (keys == null) {
                return false;
            }
            TableLoader.Built<PurchaseRows> built;
            try {
                built = capture.rows(keys.size());
            } catch (OutOfMemoryError e) {
                // Sorting needs room of its own; SQL needs none.
                capture.giveUp();
                return false;
            }
            if (built == null || !built.rows().regularDates()) {
                return false;
            }
            MetricColumns.compute(built.rows(), keys, asOf).insertInto(c, table, keys);
            return true;
        };
    }

    /**
     * The metrics of an open workspace for another as-of date, from its order columns when they are held in
     * memory or stored (reading them from the rows would cost more than SQL); declines otherwise.
     */
    public static DerivedData.MetricsSource of(Workspace ws, Cancellation cancel) {
        return (c, table, asOf) -> {
            Columns columns = ColumnStore.of(ws).at(ws.dataVersion());
            if (columns.version() != ws.dataVersion() || !columns.ordersAtHand(cancel)) {
                return false;
            }
            CustomerKeys keys = columns.keys(cancel);
            MetricColumns metrics = keys == null ? null : columns.metrics(asOf, cancel);
            if (metrics == null) {
                return false;
            }
            metrics.insertInto(c, table, keys);
            return true;
        };
    }

    /**
     * Changes the as-of setting and recomputes the metrics ({@link DerivedData#changeAsOf}), from the order
     * columns when they are at hand.
     */
    public static void changeAsOf(Workspace ws, AsOfSetting setting) {
        DerivedData.changeAsOf(ws, setting, of(ws, Cancellation.none()));
    }

    /** The customer keys as the connection {@code c} sees them (inside its transaction); null when out of range. */
    private static CustomerKeys keys(Connection c) throws SQLException {
        RoaringBitmapWriter<RoaringBitmap> writer = RoaringBitmapWriter.writer().get();
        long max = -1;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ck FROM customers")) {
            while (rs.next()) {
                long ck = rs.getLong(1);
                if (ck < 0 || ck >= Columns.MAX_KEYS) {
                    return null;
                }
                writer.add((int) ck);
                max = Math.max(max, ck);
            }
        }
        RoaringBitmap all = writer.get();
        all.runOptimize();
        return new CustomerKeys((int) (max + 1), all);
    }
}
