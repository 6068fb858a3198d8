package org.segmint.persistence.insight;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.DateRange;
import org.segmint.model.task.Cancellation;

/**
 * Each customer's orders in one date range, as arrays indexed by the customer key: loaded with one
 * pass over the orders, then any member set's totals are a walk over its keys (a few milliseconds for a
 * million members) instead of a query per segment.
 *
 * <p>Orders are the distinct order ids of the customer in the range; a row without an order id counts
 * as an order of its own. Revenue and units are the sums of the rows (empty values count 0). The rows come
 * from the order columns ({@link #of}); {@link OrderScan} reads them with SQL when the columns cannot hold the
 * orders.
 */
final class PurchaseTotals {
    private static final int KEPT_TREES = 16;
    private final DateRange range;
    private final int[] orders;
    private final double[] revenue;
    private final double[] units;
    private final Map<RoaringBitmap, RevenueTree> trees = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RoaringBitmap, RevenueTree> eldest) {
            return size() > KEPT_TREES;
        }
    };

    private PurchaseTotals(DateRange range, int size) {
        this.range = range;
        this.orders = new int[size];
        this.revenue = new double[size];
        this.units = new double[size];
    }

    static PurchaseTotals load(Connection c, DateRange range, int maxCk, Cancellation cancel) {
        PurchaseTotals t = new PurchaseTotals(range, maxCk + 1);
        OrderScan.scan(c, range, maxCk, cancel, t::add);
        return t;
    }

    static PurchaseTotals empty(DateRange range, int maxCk) {
        return new PurchaseTotals(range, maxCk + 1);
    }

    /** Adds one customer's orders of one day. */
    void add(long day, int ck, int orderCount, double amount, double unitCount) {
        set(ck, orders[ck] + orderCount, revenue[ck] + amount, units[ck] + unitCount);
    }

    /** Sets one customer's totals. */
    void set(int ck, int orderCount, double amount, double unitCount) {
        orders[ck] = orderCount;
        revenue[ck] = amount;
        units[ck] = unitCount;
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

    /** The members with at least one order in the range. */
    RoaringBitmap purchasers(RoaringBitmap members) {
        RoaringBitmap purchasers = new RoaringBitmap();
        for (org.roaringbitmap.PeekableIntIterator it = members.getIntIterator(); it.hasNext(); ) {
            int ck = it.next();
            if (ck >= 0 && purchased(ck)) {
                purchasers.add(ck);
            }
        }
        return purchasers;
    }

    /**
     * The revenue tree of the members' orders in the range. The last few trees are kept with a copy of their
     * members: opening a comparison or model again over the same segments finds them instead of walking every
     * member again (a set's hash and equality read its containers, far less than its members).
     */
    synchronized RevenueTree tree(RoaringBitmap members) {
        RevenueTree kept = trees.get(members);
        if (kept != null) {
            return kept;
        }
        long purchasers = 0;
        long orderCount = 0;
        Sum net = new Sum();
        Sum unitSum = new Sum();
        int[] batch = new int[256];
        for (BatchIterator it = members.getBatchIterator(); it.hasNext(); ) {
            for (int i = 0, n = it.nextBatch(batch); i < n; i++) {
                int ck = batch[i];
                if (ck < 0 || ck >= orders.length || orders[ck] == 0) {
                    continue;
                }
                purchasers++;
                orderCount += orders[ck];
                net.add(revenue[ck]);
                unitSum.add(units[ck]);
            }
        }
        RevenueTree tree = RevenueTree.of(net.value(), purchasers, orderCount, unitSum.value());
        trees.put(members.clone(), tree);
        return tree;
    }
}
