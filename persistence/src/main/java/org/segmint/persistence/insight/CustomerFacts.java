package org.segmint.persistence.insight;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.DateRange;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.columns.ColumnStore;
import org.segmint.persistence.columns.Columns;
import org.segmint.persistence.columns.CustomerKeys;
import org.segmint.persistence.columns.PurchaseRows;
import org.segmint.persistence.columns.StaleColumnsException;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/** Everything the summary needs per customer for one as-of date and data version. */
record CustomerFacts(LocalDate asOf, long dataVersion, RoaringBitmap allCustomers, PurchaseTotals window,
                     MonthlyRevenue monthly, ReachabilityColumns reachabilityColumns, ReachabilityFlags reachability) {

    static CustomerFacts load(Workspace ws, LocalDate asOf, long dataVersion, Cancellation cancel) {
        CustomerFacts fromColumns = fromColumns(ws, asOf, dataVersion, null, cancel);
        if (fromColumns != null) {
            return fromColumns;
        }
        Connection c = ws.connection();
        int maxCk = Queries.maxCustomerKey(c);
        RoaringBitmap all = allCustomers(c);
        cancel.throwIfCancelled();
        // One pass over the trend's 24 months feeds both the 12-month totals and the monthly revenue.
        DateRange windowRange = Insights.window(asOf);
        PurchaseTotals window = PurchaseTotals.empty(windowRange, maxCk);
        MonthlyRevenue.Builder monthly = new MonthlyRevenue.Builder(asOf, maxCk);
        long windowStart = windowRange.from().toEpochDay();
        LocalDate scanFrom = MonthlyRevenue.windowStart(asOf).isBefore(windowRange.from())
                ? MonthlyRevenue.windowStart(asOf) : windowRange.from();
        OrderScan.scan(c, new DateRange(scanFrom, asOf), maxCk, cancel, (day, ck, orders, revenue, units) -> {
            if (day >= windowStart) {
                window.add(day, ck, orders, revenue, units);
            }
            monthly.add(day, ck, revenue);
        });
        ReachabilityColumns columns = ReachabilityColumns.of(ws.catalog());
        ReachabilityFlags flags = ReachabilityFlags.load(c, columns, maxCk, cancel);
        return new CustomerFacts(asOf, dataVersion, all, window, monthly.build(), columns, flags);
    }

    /**
     * The facts of {@code members} alone, from the columns held in memory (their rows only), or null when the
     * columns cannot serve. Totals and months of everyone else are empty: for one summary of a small segment,
     * never to be kept as the workspace's facts.
     */
    static CustomerFacts ofMembers(Workspace ws, LocalDate asOf, long dataVersion, RoaringBitmap members,
                                   Cancellation cancel) {
        return fromColumns(ws, asOf, dataVersion, members, cancel);
    }

    /**
     * The facts from the columns held in memory (one pass over the orders, of {@code only} when not null), or null
     * when they cannot serve.
     */
    private static CustomerFacts fromColumns(Workspace ws, LocalDate asOf, long dataVersion, RoaringBitmap only,
                                             Cancellation cancel) {
        try {
            Columns columns = ColumnStore.of(ws).at(dataVersion);
            CustomerKeys keys = columns.keys(cancel);
            PurchaseRows orders = keys == null ? null : columns.purchases(false, cancel);
            if (orders == null || !orders.regularDates()) {
                return null;
            }
            ReachabilityColumns reach = ReachabilityColumns.of(ws.catalog());
            ReachabilityFlags flags = ReachabilityFlags.of(columns, reach, keys.size(), cancel);
            if (flags == null) {
                return null;
            }
            OrderFacts.Result facts = OrderFacts.of(orders, keys.size(), asOf, only);
            return new CustomerFacts(asOf, dataVersion, keys.all(), facts.window(), facts.monthly(), reach, flags);
        } catch (StaleColumnsException e) {
            return null;
        }
    }

    private static RoaringBitmap allCustomers(Connection c) {
        RoaringBitmap all = new RoaringBitmap();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ck FROM customers")) {
            while (rs.next()) {
                all.add(rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read the customers (" + e.getMessage() + ")", e);
        }
        all.runOptimize();
        return all;
    }
}
