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
import org.segmint.persistence.columns.Kbn;
import org.segmint.persistence.compare.Comparison;
import org.segmint.persistence.compare.SegmentMetrics;
import org.segmint.persistence.workspace.WorkspaceException;
import org.segmint.spark.plan.CompensatedSum;
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
                CompensatedSum.partsOf(when(purchaser, in.windowRevenue()).otherwise(lit(0.0))),
                CompensatedSum.partsOf(when(purchaser, in.windowUnits()).otherwise(lit(0.0)))).filter(col("mask").gt(0))
                .collectAsList();
        int n = segments.size();
        long[] exact = new long[1 << n];
        long[][] counts = new long[n][3];
        // Each segment's revenue and units add up its combinations' unrounded sums with compensation, so they come
        // out as the desktop's one compensated pass over the segment's customers.
        Kbn[][] sums = new Kbn[n][2];
        for (Row g : groups) {
            int m = ((Number) g.get(0)).intValue();
            exact[m] = InsightsReport.longAt(g, 1);
            for (int i = 0; i < n; i++) {
                if ((m & (1 << i)) != 0) {
                    for (int k = 0; k < 3; k++) {
                        counts[i][k] += InsightsReport.longAt(g, k + 1);
                    }
                    for (int k = 0; k < 2; k++) {
                        if (sums[i][k] == null) {
                            sums[i][k] = new Kbn();
                        }
                        CompensatedSum.addTo(sums[i][k], g.isNullAt(k + 4) ? null : g.getStruct(k + 4));
                    }
                }
            }
        }
        List<String> names = segments.stream().map(Segment::name).toList();
        List<SegmentMetrics> metrics = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long[] c = counts[i];
            double revenue = sums[i][0] == null ? 0 : sums[i][0].value();
            double units = sums[i][1] == null ? 0 : sums[i][1].value();
            RevenueTree tree = RevenueTree.of(revenue, c[1], c[2], units);
            metrics.add(new SegmentMetrics(names.get(i), c[0], tree.purchasers(), tree.netRevenue(),
                    tree.revenuePerCustomer(), tree.unitsPerTransaction(), tree.averageOrderValue()));
        }
        return new Comparison(asOf, OverlapMatrix.ofExactCounts(names, exact), metrics);
    }
}
