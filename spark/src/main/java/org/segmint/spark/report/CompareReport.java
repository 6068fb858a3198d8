package org.segmint.spark.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.segmint.model.compare.OverlapMatrix;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.Segment;
import org.segmint.persistence.compare.Comparison;
import org.segmint.persistence.compare.SegmentMetrics;
import org.segmint.persistence.workspace.WorkspaceException;
import org.segmint.spark.plan.CustomerFrame;
import org.segmint.spark.plan.InsightColumns;

/**
 * Sizes, overlaps and key metrics of 2 to 5 segments in one aggregation: each customer gets a bit per segment they
 * are in, and the customers are grouped by that mask (at most 31 groups, counts and sums only reach the driver).
 * Every number of the desktop's comparison follows from the counts of the exact intersections.
 */
public final class CompareReport {
    private CompareReport() {
    }

    public static Comparison run(SparkEngine engine, List<Segment> segments, LocalDate asOf) {
        if (segments.size() < OverlapMatrix.MIN_SETS || segments.size() > OverlapMatrix.MAX_SETS) {
            throw new WorkspaceException("compare needs 2 to 5 segment names, not " + segments.size());
        }
        Set<String> seen = new HashSet<>();
        for (Segment s : segments) {
            if (!seen.add(s.name())) {
                throw new WorkspaceException("Segment '" + s.name() + "' is listed twice");
            }
        }
        SparkEngine.Pass pass = engine.pass(asOf);
        Column mask = lit(0);
        for (int i = 0; i < segments.size(); i++) {
            mask = mask.plus(when(pass.members(segments.get(i).definition()), lit(1 << i)).otherwise(lit(0)));
        }
        CustomerFrame frame = pass.frame();
        InsightColumns in = frame.insights();
        Column purchaser = in.windowOrders().gt(0);
        List<Row> groups = frame.build().groupBy(mask.as("mask")).agg(sum(lit(1L)),
                InsightsReport.count(purchaser), sum(when(purchaser, in.windowOrders()).otherwise(lit(0L))),
                sum(when(purchaser, in.windowRevenue()).otherwise(lit(0.0))),
                sum(when(purchaser, in.windowUnits()).otherwise(lit(0.0)))).filter(col("mask").gt(0))
                .collectAsList();
        int n = segments.size();
        long[] exact = new long[1 << n];
        double[][] totals = new double[n][5];
        for (Row g : groups) {
            int m = ((Number) g.get(0)).intValue();
            exact[m] = InsightsReport.longAt(g, 1);
            for (int i = 0; i < n; i++) {
                if ((m & (1 << i)) != 0) {
                    for (int k = 0; k < 4; k++) {
                        totals[i][k] += InsightsReport.doubleAt(g, k + 1);
                    }
                    totals[i][4] += InsightsReport.doubleAt(g, 5);
                }
            }
        }
        List<String> names = segments.stream().map(Segment::name).toList();
        List<SegmentMetrics> metrics = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] t = totals[i];
            RevenueTree tree = RevenueTree.of(t[3], (long) t[1], (long) t[2], t[4]);
            metrics.add(new SegmentMetrics(names.get(i), (long) t[0], tree.purchasers(), tree.netRevenue(),
                    tree.revenuePerCustomer(), tree.unitsPerTransaction(), tree.averageOrderValue()));
        }
        return new Comparison(asOf, OverlapMatrix.ofExactCounts(names, exact), metrics);
    }
}
