package org.segmint.persistence.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.DateRange;

/**
 * The summary insights of a set of customers as of a date.
 *
 * @param asOf            the date windows end on
 * @param window          the 12-month window: 12 months ending with {@code asOf}, both ends included
 * @param customers       members
 * @param activeCustomers members with at least one order in the window (the tree's purchasers)
 * @param revenue12m      revenue of the members' orders in the window
 * @param reachability    members reachable per channel
 * @param monthlyRevenue  revenue per calendar month, the 24 months ending with the as-of month, oldest first
 * @param revenueTree     the revenue tree of the members' orders in the window
 * @param sql             per statistic ({@code customers}, {@code activeCustomers}, {@code revenue12m},
 *                        {@code reachability}, {@code monthlyRevenue}, {@code revenueTree}), one readable SQL
 *                        statement that computes it, for "View SQL"
 */
public record InsightSummary(LocalDate asOf, DateRange window, long customers, long activeCustomers,
                             double revenue12m, Reachability reachability, List<MonthRevenue> monthlyRevenue,
                             RevenueTree revenueTree, Map<String, String> sql) {

    public InsightSummary {
        monthlyRevenue = List.copyOf(monthlyRevenue);
        sql = Map.copyOf(sql);
    }
}
