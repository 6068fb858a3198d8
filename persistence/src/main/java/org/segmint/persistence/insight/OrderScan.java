package org.segmint.persistence.insight;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.segmint.model.segment.DateRange;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * One pass over the orders of a date range, in (date, customer) order, handing each customer's orders of one
 * day to a consumer: the number of distinct orders, revenue and units.
 *
 * <p>The SQL path of the insights, used only when the order columns cannot serve them (dates that are not whole
 * days): the column engine reads the same totals from memory, so no index orders the rows by date any more and
 * SQLite sorts the range. In (date, customer) order the rows of one order (one customer, one day) are
 * neighbours, so distinct order ids are counted within each (day, customer) run. An order id that appears on two
 * different days counts as two orders.
 */
final class OrderScan {
    static final String SQL = "SELECT order_date, ck, order_id, revenue, units FROM orders"
            + " WHERE ck IS NOT NULL AND order_date BETWEEN ? AND ? ORDER BY order_date, ck";

    /** Receives one customer's orders of one day. */
    interface Consumer {
        void day(long day, int ck, int orders, double revenue, double units);
    }

    private OrderScan() {
    }

    static void scan(Connection c, DateRange range, int maxCk, Cancellation cancel, Consumer consumer) {
        try (PreparedStatement ps = c.prepareStatement(SQL);
             AutoCloseable hook = cancel.onCancel(() -> Queries.cancelQuietly(ps))) {
            ps.setLong(1, range.from() == null ? Long.MIN_VALUE : range.from().toEpochDay());
            ps.setLong(2, range.to() == null ? Long.MAX_VALUE : range.to().toEpochDay());
            try (ResultSet rs = ps.executeQuery()) {
                Run run = new Run();
                while (rs.next()) {
                    long day = rs.getLong(1);
                    int ck = rs.getInt(2);
                    if (ck < 0 || ck > maxCk) {
                        continue;
                    }
                    if (run.rows > 0 && (day != run.day || ck != run.ck)) {
                        run.flush(consumer);
                    }
                    run.add(day, ck, rs.getString(3), rs.getDouble(4), rs.getDouble(5));
                }
                if (run.rows > 0) {
                    run.flush(consumer);
                }
            }
        } catch (SQLException e) {
            cancel.throwIfCancelled();
            throw new WorkspaceException("Cannot read the orders (" + e.getMessage() + ")", e);
        } catch (Exception e) {
            throw Queries.rethrow(e);
        }
        cancel.throwIfCancelled();
    }

    /** The rows of one (day, customer). */
    private static final class Run {
        long day;
        int ck;
        int rows;
        String firstId;
        List<String> moreIds;
        int withoutId;
        double revenue;
        double units;

        void add(long d, int k, String id, double r, double u) {
            day = d;
            ck = k;
            rows++;
            revenue += r;
            units += u;
            if (id == null) {
                withoutId++;
            } else if (firstId == null) {
                firstId = id;
            } else if (!id.equals(firstId)) {
                if (moreIds == null) {
                    moreIds = new ArrayList<>(4);
                }
                if (!moreIds.contains(id)) {
                    moreIds.add(id);
                }
            }
        }

        void flush(Consumer consumer) {
            int orders = withoutId + (firstId == null ? 0 : 1) + (moreIds == null ? 0 : moreIds.size());
            consumer.day(day, ck, orders, revenue, units);
            rows = 0;
            firstId = null;
            moreIds = null;
            withoutId = 0;
            revenue = 0;
            units = 0;
        }
    }
}
