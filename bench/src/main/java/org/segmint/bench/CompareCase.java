package org.segmint.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.segmint.model.compare.OverlapMatrix;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.compare.Comparison;
import org.segmint.persistence.compare.SegmentComparer;
import org.segmint.persistence.compare.SegmentMetrics;
import org.segmint.persistence.insight.Insights;

/**
 * f: the comparison of 5 segments: sizes, pairwise overlaps, every exact intersection, the union and each
 * segment's metrics over the 12-month window (customers, purchasers, revenue, revenue per customer, units per
 * order, average order value). Cold, or with Segmint's conditions and arrays cached as while the user works.
 */
final class CompareCase implements BenchCase<Comparison> {
    private final String name;
    private final String description;
    private final boolean cold;
    private final Supplier<List<Segments.Segment>> segments;
    private final DateRange window;

    CompareCase(String name, String description, boolean cold, java.time.LocalDate asOf,
                Supplier<List<Segments.Segment>> segments) {
        this.name = name;
        this.description = description;
        this.cold = cold;
        this.segments = segments;
        this.window = Insights.window(asOf);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description + (cold ? " (cold)" : " (conditions and arrays cached)");
    }

    @Override
    public void prepare(SegmintSide segmint, int run) {
        if (cold || run == 0) {
            segmint.dropCaches();
        }
    }

    @Override
    public Comparison segmint(SegmintSide segmint, int run) {
        List<Segment> named = new ArrayList<>();
        List<Segments.Segment> list = segments.get();
        for (int i = 0; i < list.size(); i++) {
            named.add(Segment.of("S" + i, list.get(i).definition()));
        }
        return new SegmentComparer(segmint.memberships(), segmint.insights()).compare(named, segmint.asOf(),
                Cancellation.none());
    }

    @Override
    public Answer answer(Comparison c) {
        OverlapMatrix m = c.overlap();
        Answer a = new Answer("union").count("union", m.union());
        int n = m.count();
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a.count("overlap " + i + "," + j, m.overlap(i, j));
            }
        }
        for (int mask = 1; mask < 1 << n; mask++) {
            a.count("exactly " + mask, m.exactIntersection(mask));
        }
        for (int i = 0; i < n; i++) {
            SegmentMetrics s = c.metrics().get(i);
            metrics(a, i, s.customers(), s.activeCustomers(), s.revenue(), s.revenuePerCustomer(),
                    s.unitsPerOrder(), s.averageOrderValue());
        }
        return a;
    }

    private static void metrics(Answer a, int i, long customers, long active, double revenue, double perCustomer,
                                double unitsPerOrder, double orderValue) {
        a.count(i + " customers", customers).count(i + " active", active).amount(i + " revenue", revenue)
                .amount(i + " revenue per customer", perCustomer).amount(i + " units per order", unitsPerOrder)
                .amount(i + " average order value", orderValue);
    }

    @Override
    public Answer duckDb(Connection duck, int run) {
        List<Segments.Segment> list = segments.get();
        int n = list.size();
        Query q = Masks.with(list).add(", w AS (" + OrderTotals.PER_CUSTOMER
                        + " FROM orders WHERE ck IS NOT NULL AND order_date BETWEEN ")
                .value(window.from().toEpochDay()).add(" AND ").value(window.to().toEpochDay())
                .add(" GROUP BY ck) SELECT m.mask, count(*), count(w.ck), coalesce(sum(w.orders), 0),"
                        + " coalesce(sum(w.revenue), 0), coalesce(sum(w.units), 0)"
                        + " FROM masks m LEFT JOIN w ON w.ck = m.ck GROUP BY m.mask");
        long[] customers = new long[1 << n];
        long[] active = new long[1 << n];
        long[] orders = new long[1 << n];
        double[] revenue = new double[1 << n];
        double[] units = new double[1 << n];
        q.forEachRow(duck, rs -> {
            int mask = rs.getInt(1);
            customers[mask] = rs.getLong(2);
            active[mask] = rs.getLong(3);
            orders[mask] = rs.getLong(4);
            revenue[mask] = rs.getDouble(5);
            units[mask] = rs.getDouble(6);
        });
        long union = 0;
        for (long c : customers) {
            union += c;
        }
        Answer a = new Answer("union").count("union", union);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                long both = 0;
                for (int mask = 1; mask < 1 << n; mask++) {
                    both += Masks.has(mask, i) && Masks.has(mask, j) ? customers[mask] : 0;
                }
                a.count("overlap " + i + "," + j, both);
            }
        }
        for (int mask = 1; mask < 1 << n; mask++) {
            a.count("exactly " + mask, customers[mask]);
        }
        for (int i = 0; i < n; i++) {
            long c = 0;
            long act = 0;
            long o = 0;
            double r = 0;
            double u = 0;
            for (int mask = 1; mask < 1 << n; mask++) {
                if (Masks.has(mask, i)) {
                    c += customers[mask];
                    act += active[mask];
                    o += orders[mask];
                    r += revenue[mask];
                    u += units[mask];
                }
            }
            RevenueTree t = RevenueTree.of(r, act, o, u);
            metrics(a, i, c, act, t.netRevenue(), t.revenuePerCustomer(), t.unitsPerTransaction(),
                    t.averageOrderValue());
        }
        return a;
    }
}
