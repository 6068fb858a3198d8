package org.segmint.persistence.insight;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.DateRange;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Each customer's orders in one date range, as arrays indexed by the customer key: loaded with one
 * grouped query, then any member set's totals are a walk over its keys (a few milliseconds for a
 * million members) instead of a query per segment.
 *
 * <p>Orders are the distinct order ids of the customer in the range; a row without an order id counts
 * as an order of its own. Revenue and units are the sums of the rows (empty values count 0).
 */
final class PurchaseTotals {
    private final DateRange range;
    private final int[] orders;
    private final double[] revenue;
    private final double[] units;

    private PurchaseTotals(DateRange range, int size) {
        this.range = range;
        this.orders = new int[size];
        this.revenue = new double[size];
        this.units = new double[size];
    }

    /** The SQL text of the per-customer totals, with {@code ?} for the two bound dates. */
    static final String SQL = "SELECT ck, count(DISTINCT order_id) + sum(order_id IS NULL), total(revenue),"
            + " total(units) FROM orders WHERE ck IS NOT NULL AND order_date BETWEEN ? AND ? GROUP BY ck";

    static PurchaseTotals load(Connection c, DateRange range, int maxCk, Cancellation cancel) {
        PurchaseTotals t = new PurchaseTotals(range, maxCk + 1);
        try (PreparedStatement ps = c.prepareStatement(SQL);
             AutoCloseable hook = cancel.onCancel(() -> Queries.cancelQuietly(ps))) {
            ps.setLong(1, range.from() == null ? Long.MIN_VALUE : range.from().toEpochDay());
            ps.setLong(2, range.to() == null ? Long.MAX_VALUE : range.to().toEpochDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int ck = rs.getInt(1);
                    if (ck < 0 || ck > maxCk) {
                        continue;
                    }
                    t.orders[ck] = rs.getInt(2);
                    t.revenue[ck] = rs.getDouble(3);
                    t.units[ck] = rs.getDouble(4);
                }
            }
        } catch (SQLException e) {
            cancel.throwIfCancelled();
            throw new WorkspaceException("Cannot read the orders (" + e.getMessage() + ")", e);
        } catch (Exception e) {
            throw Queries.rethrow(e);
        }
        cancel.throwIfCancelled();
        return t;
    }

    DateRange range() {
        return range;
    }

    boolean purchased(int ck) {
        return ck < orders.length && orders[ck] > 0;
    }

    double revenue(int ck) {
        return ck < revenue.length ? revenue[ck] : 0;
    }

    /** The revenue tree of the members' orders in the range. */
    RevenueTree tree(RoaringBitmap members) {
        long purchasers = 0;
        long orderCount = 0;
        Sum net = new Sum();
        Sum unitSum = new Sum();
        for (org.roaringbitmap.PeekableIntIterator it = members.getIntIterator(); it.hasNext(); ) {
            int ck = it.next();
            if (ck < 0 || ck >= orders.length || orders[ck] == 0) {
                continue;
            }
            purchasers++;
            orderCount += orders[ck];
            net.add(revenue[ck]);
            unitSum.add(units[ck]);
        }
        return RevenueTree.of(net.value(), purchasers, orderCount, unitSum.value());
    }
}
