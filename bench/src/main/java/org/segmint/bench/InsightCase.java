package org.segmint.bench;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.DateRange;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.insight.InsightSummary;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.insight.MonthRevenue;
import org.segmint.persistence.insight.Reachability;

/**
 * e: the insights of a segment, cold (Segmint's caches dropped before every run): members, purchasers,
 * orders, units and revenue of the 12-month window, the reachable members per channel and the revenue of
 * each of the 24 months of the trend.
 */
final class InsightCase implements BenchCase<InsightSummary> {
    static final int TREND_MONTHS = 24;

    private final String name;
    private final String description;
    private final Supplier<Segments.Segment> segment;
    private final LocalDate asOf;
    /** The customer columns Segmint reads each channel from (null = not available), as it reported them. */
    private List<String> channelColumns;

    InsightCase(String name, String description, LocalDate asOf, Supplier<Segments.Segment> segment) {
        this.name = name;
        this.description = description;
        this.asOf = asOf;
        this.segment = segment;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description + " (cold)";
    }

    @Override
    public void prepare(SegmintSide segmint, int run) {
        segmint.dropCaches();
    }

    @Override
    public InsightSummary segmint(SegmintSide segmint, int run) {
        RoaringBitmap members = segmint.members(segment.get().definition());
        return segmint.insights().summary(members, segmint.asOf(), null, Cancellation.none());
    }

    @Override
    public Answer answer(InsightSummary s) {
        Answer a = new Answer("customers").count("customers", s.customers())
                .count("activeCustomers", s.activeCustomers()).count("orders", s.revenueTree().orders())
                .amount("units", s.revenueTree().units()).amount("revenue12m", s.revenue12m());
        List<String> columns = new ArrayList<>();
        Reachability r = s.reachability();
        for (Reachability.Channel c : List.of(r.email(), r.emailOptIn(), r.phone(), r.postalAddress())) {
            columns.add(c.column());
            if (c.available()) {
                a.count("reachable " + c.column(), c.count());
            }
        }
        channelColumns = columns;
        for (MonthRevenue m : s.monthlyRevenue()) {
            a.amount("revenue " + m.month(), m.revenue());
        }
        return a;
    }

    @Override
    public Answer duckDb(Connection duck, int run) {
        DateRange window = Insights.window(asOf);
        YearMonth first = YearMonth.from(asOf).minusMonths(TREND_MONTHS - 1);
        LocalDate scanFrom = first.atDay(1).isBefore(window.from()) ? first.atDay(1) : window.from();
        Query q = Query.of("WITH m AS MATERIALIZED (").add(segment.get().members())
                .add("), o AS (SELECT ck, order_date, order_id, revenue, units FROM orders"
                        + " WHERE ck IN (SELECT ck FROM m) AND order_date BETWEEN ")
                .value(scanFrom.toEpochDay()).add(" AND ").value(asOf.toEpochDay())
                .add("), w AS (" + OrderTotals.PER_CUSTOMER + " FROM o WHERE order_date >= ")
                .value(window.from().toEpochDay()).add(" GROUP BY ck)")
                .add(" SELECT 'total', NULL, (SELECT count(*) FROM m), count(*), sum(orders), sum(revenue),"
                        + " sum(units) FROM w")
                // revenue per day first (some 730 groups), then per month: the date arithmetic runs per day
                .add(" UNION ALL SELECT 'month', year(DATE '1970-01-01' + order_date) * 12"
                        + " + month(DATE '1970-01-01' + order_date), NULL, NULL, NULL, sum(revenue), NULL"
                        + " FROM (SELECT order_date, sum(revenue) AS revenue FROM o GROUP BY order_date) GROUP BY 2")
                .add(" UNION ALL SELECT 'reach', NULL").add(reachability()).add(", NULL FROM customers"
                        + " WHERE ck IN (SELECT ck FROM m)");
        double[] months = new double[TREND_MONTHS];
        long[] totals = new long[3];
        double[] sums = new double[2];
        long[] reach = new long[4];
        q.forEachRow(duck, rs -> {
            String kind = rs.getString(1);
            if (kind.equals("total")) {
                totals[0] = rs.getLong(3);
                totals[1] = rs.getLong(4);
                totals[2] = rs.getLong(5);
                sums[0] = rs.getDouble(6);
                sums[1] = rs.getDouble(7);
            } else if (kind.equals("month")) {
                int index = rs.getInt(2) - (first.getYear() * 12 + first.getMonthValue());
                if (index >= 0 && index < TREND_MONTHS) {
                    months[index] = rs.getDouble(6);
                }
            } else {
                for (int i = 0; i < 4; i++) {
                    reach[i] = rs.getLong(3 + i);
                }
            }
        });
        Answer a = new Answer("customers").count("customers", totals[0]).count("activeCustomers", totals[1])
                .count("orders", totals[2]).amount("units", sums[1]).amount("revenue12m", sums[0]);
        for (int i = 0; i < 4; i++) {
            if (channelColumns.get(i) != null) {
                a.count("reachable " + channelColumns.get(i), reach[i]);
            }
        }
        for (int m = 0; m < TREND_MONTHS; m++) {
            a.amount("revenue " + first.plusMonths(m), months[m]);
        }
        return a;
    }

    /** Four counts of reachable members, one per channel (0 for a channel that is not available). */
    private Query reachability() {
        if (channelColumns == null) {
            throw new IllegalStateException("Segmint runs first: it names the channel columns");
        }
        Query q = new Query();
        for (int i = 0; i < 4; i++) {
            String id = channelColumns.get(i);
            if (id == null) {
                q.add(", 0");
                continue;
            }
            String col = DuckDbCopy.quote(id.substring(id.indexOf('.') + 1));
            String test = i == 1
                    ? "TRY_CAST(" + col + " AS DOUBLE) = 1 OR lower(trim(CAST(" + col + " AS VARCHAR)))"
                            + " IN ('1', 'true', 'yes', 'y')"
                    : col + " IS NOT NULL AND CAST(" + col + " AS VARCHAR) <> ''";
            q.add(", count(*) FILTER (WHERE " + test + ")");
        }
        return q;
    }
}
