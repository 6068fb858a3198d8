package org.segmint.persistence.insight;

import java.time.LocalDate;
import java.util.Objects;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.DateRange;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.columns.ColumnStore;
import org.segmint.persistence.columns.Columns;
import org.segmint.persistence.columns.CustomerKeys;
import org.segmint.persistence.columns.PurchaseRows;
import org.segmint.persistence.columns.StaleColumnsException;
import org.segmint.persistence.workspace.Workspace;

/**
 * Summary insights of any set of customers (a segment's members, or all customers as the baseline).
 *
 * <p>The first call for an as-of date adds up each customer's orders of the 12-month window, revenue per month
 * of the 24-month trend and reachability flags into arrays indexed by customer key, in one pass over the order
 * columns held in memory ({@link ColumnStore}; SQL scans when the columns cannot hold the data);
 * every later summary for that date walks only the members' keys. The arrays are kept until the as-of date
 * or the workspace's data version changes. Use one instance from one thread at a time.
 */
public final class Insights {
    /** A segment of under 1/8 of the customers gets a summary from its own rows when nothing is cached. */
    private static final int SMALL_SEGMENT_SHARE = 8;
    private final Workspace workspace;
    private CustomerFacts facts;
    private PurchaseTotals totals;
    private long totalsVersion = -1;

    public Insights(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** The 12-month window of the summary: 12 months ending with {@code asOf}, both ends included. */
    public static DateRange window(LocalDate asOf) {
        return DateRange.last(12, org.segmint.model.segment.TimeUnit.MONTHS, asOf);
    }

    /**
     * Summary of {@code members} as of {@code asOf}.
     *
     * @param membersSql a readable query selecting the members' {@code ck} (the engine's View SQL of the
     *                   segment), used for the statistics' SQL; null for all customers
     */
    public InsightSummary summary(RoaringBitmap members, LocalDate asOf, String membersSql, Cancellation cancel) {
        CustomerFacts f = factsFor(members, asOf, cancel);
        RevenueTree tree = f.window().tree(members);
        return new InsightSummary(asOf, f.window().range(), members.getLongCardinality(), tree.purchasers(),
                tree.netRevenue(), f.reachability().of(members), f.monthly().of(members), tree,
                InsightSql.of(membersSql == null ? InsightSql.ALL_CUSTOMERS : membersSql, f.window().range(),
                        f.monthly().from(), asOf, f.reachabilityColumns()));
    }

    /** Summary of every customer of the workspace: the baseline. */
    public InsightSummary baseline(LocalDate asOf, Cancellation cancel) {
        CustomerFacts f = facts(asOf, cancel);
        return summary(f.allCustomers(), asOf, null, cancel);
    }

    /** The revenue tree of the members' orders in the 12 months ending with {@code asOf} (cached arrays). */
    public RevenueTree revenueTree(RoaringBitmap members, LocalDate asOf, Cancellation cancel) {
        return purchases(window(asOf), cancel).tree(members);
    }

    /** The members with at least one order in the 12 months ending with {@code asOf} (the active customers). */
    public RoaringBitmap purchasers(RoaringBitmap members, LocalDate asOf, Cancellation cancel) {
        return purchases(window(asOf), cancel).purchasers(members);
    }

    /** The revenue tree of the members' orders in any date range (for example a chosen period). */
    public RevenueTree revenueTree(RoaringBitmap members, DateRange range, Cancellation cancel) {
        return purchases(range, cancel).tree(members);
    }

    /**
     * Per-customer purchase totals of a range: the summary's when it is that range, else the last range read
     * (compare and models need only the 12-month totals, not the trend or reachability).
     */
    synchronized PurchaseTotals purchases(DateRange range, Cancellation cancel) {
        long version = workspace.dataVersion();
        if (facts != null && facts.dataVersion() == version && facts.window().range().equals(range)) {
            return facts.window();
        }
        if (totals != null && totalsVersion == version && totals.range().equals(range)) {
            return totals;
        }
        totals = totalsFromColumns(version, range, cancel);
        if (totals == null) {
            int maxCk = Queries.maxCustomerKey(workspace.connection());
            totals = PurchaseTotals.load(workspace.connection(), range, maxCk, cancel);
        }
        totalsVersion = version;
        return totals;
    }

    private PurchaseTotals totalsFromColumns(long version, DateRange range, Cancellation cancel) {
        try {
            Columns columns = ColumnStore.of(workspace).at(version);
            CustomerKeys keys = columns.keys(cancel);
            PurchaseRows orders = keys == null ? null : columns.purchases(false, cancel);
            return orders == null || !orders.regularDates() ? null : OrderFacts.totals(orders, keys.size(), range);
        } catch (StaleColumnsException e) {
            return null;
        }
    }

    /**
     * The facts a summary of {@code members} needs: the cached arrays when they are current; for a segment of under
     * an eighth of the customers, the members' own facts (reading only their rows, not kept); else the arrays,
     * loaded and kept for the next summaries.
     */
    private synchronized CustomerFacts factsFor(RoaringBitmap members, LocalDate asOf, Cancellation cancel) {
        long version = workspace.dataVersion();
        if (facts != null && facts.asOf().equals(asOf) && facts.dataVersion() == version) {
            return facts;
        }
        long customers = customerCount(version, cancel);
        if (customers > 0 && members.getLongCardinality() * SMALL_SEGMENT_SHARE < customers) {
            CustomerFacts own = CustomerFacts.ofMembers(workspace, asOf, version, members, cancel);
            if (own != null) {
                return own;
            }
        }
        return facts(asOf, cancel);
    }

    /** The number of customers as the columns hold them, or -1 when they cannot. */
    private long customerCount(long version, Cancellation cancel) {
        try {
            CustomerKeys keys = ColumnStore.of(workspace).at(version).keys(cancel);
            return keys == null ? -1 : keys.all().getLongCardinality();
        } catch (StaleColumnsException e) {
            return -1;
        }
    }

    /** The cached per-customer arrays for {@code asOf}, loading them when missing or stale. */
    synchronized CustomerFacts facts(LocalDate asOf, Cancellation cancel) {
        long version = workspace.dataVersion();
        if (facts != null && facts.asOf().equals(asOf) && facts.dataVersion() == version) {
            return facts;
        }
        facts = CustomerFacts.load(workspace, asOf, version, cancel);
        return facts;
    }

    /** Drops the cached arrays (the next summary reloads them). */
    public synchronized void invalidate() {
        facts = null;
        totals = null;
    }
}
