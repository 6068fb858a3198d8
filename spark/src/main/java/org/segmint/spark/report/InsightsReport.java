package org.segmint.spark.report;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segmint.model.catalog.Field;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.TimeUnit;
import org.segmint.persistence.insight.InsightSummary;
import org.segmint.persistence.insight.MonthRevenue;
import org.segmint.persistence.insight.Reachability;
import org.segmint.spark.plan.CompensatedSum;
import org.segmint.spark.plan.CustomerFrame;
import org.segmint.spark.plan.InsightColumns;

/**
 * The summary insights of a segment and of all customers (the baseline) in one aggregation over the customer frame:
 * customers, the revenue tree of the 12-month window (whose purchasers are the active customers), reachability and
 * the 24-month revenue trend, by the desktop's rules ({@code Insights}).
 */
public final class InsightsReport {
    private InsightsReport() {
    }

    /** The segment's summary and the baseline's (without the trend, as the desktop reports it). */
    public record Result(InsightSummary segment, InsightSummary baseline) {
    }

    public static Result run(SparkEngine engine, Condition definition, LocalDate asOf) {
        SparkEngine.Pass pass = engine.pass(asOf);
        Column members = pass.members(definition);
        CustomerFrame frame = pass.frame();
        InsightColumns in = frame.insights();
        InsightColumns.Reach reach = in.reachability();
        List<Column> aggs = new ArrayList<>();
        aggs.addAll(totals(members, in, reach, true));
        aggs.addAll(totals(lit(true), in, reach, false));
        Dataset<Row> data = frame.build();
        Row r = data.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
        int[] at = {0};
        InsightSummary segment = summary(r, at, reach, asOf, true);
        InsightSummary baseline = summary(r, at, reach, asOf, false);
        return new Result(segment, baseline);
    }

    /** Sums over the customers where {@code in} holds: customers, purchasers, orders, revenue, units, channels. */
    static List<Column> totals(Column in, InsightColumns c, InsightColumns.Reach reach, boolean trend) {
        List<Column> aggs = new ArrayList<>();
        Column purchaser = in.and(c.windowOrders().gt(0));
        aggs.add(count(in));
        aggs.add(count(purchaser));
        aggs.add(sum(when(purchaser, c.windowOrders()).otherwise(lit(0L))));
        aggs.add(CompensatedSum.of(when(purchaser, c.windowRevenue()).otherwise(lit(0.0))));
        aggs.add(CompensatedSum.of(when(purchaser, c.windowUnits()).otherwise(lit(0.0))));
        for (Column flag : reach.flags()) {
            aggs.add(flag == null ? lit(0L) : count(in.and(flag)));
        }
        if (trend) {
            for (int m = 0; m < InsightColumns.trendMonths(); m++) {
                aggs.add(CompensatedSum.of(when(in, c.monthRevenue(m)).otherwise(lit(0.0))));
            }
        }
        return aggs;
    }

    static Column count(Column condition) {
        return sum(when(condition, lit(1L)).otherwise(lit(0L)));
    }

    private static InsightSummary summary(Row r, int[] at, InsightColumns.Reach reach, LocalDate asOf, boolean trend) {
        long customers = longAt(r, at[0]++);
        RevenueTree tree = tree(r, at);
        List<Field> fields = reach.fields();
        Reachability.Channel[] channels = new Reachability.Channel[4];
        for (int i = 0; i < 4; i++) {
            long n = longAt(r, at[0]++);
            channels[i] = fields.get(i) == null ? Reachability.Channel.notAvailable()
                    : Reachability.Channel.of(fields.get(i).id(), n, customers);
        }
        List<MonthRevenue> months = new ArrayList<>();
        if (trend) {
            YearMonth first = YearMonth.from(asOf).minusMonths(InsightColumns.trendMonths() - 1);
            for (int m = 0; m < InsightColumns.trendMonths(); m++) {
                months.add(new MonthRevenue(first.plusMonths(m), doubleAt(r, at[0]++)));
            }
        }
        return new InsightSummary(asOf, window(asOf), customers, tree.purchasers(), tree.netRevenue(),
                new Reachability(channels[0], channels[1], channels[2], channels[3]), months, tree, Map.of());
    }

    /** Reads purchasers, orders, revenue, units at {@code at} and builds the tree. */
    static RevenueTree tree(Row r, int[] at) {
        long purchasers = longAt(r, at[0]++);
        long orders = longAt(r, at[0]++);
        double revenue = doubleAt(r, at[0]++);
        double units = doubleAt(r, at[0]++);
        return RevenueTree.of(revenue, purchasers, orders, units);
    }

    public static DateRange window(LocalDate asOf) {
        return DateRange.last(12, TimeUnit.MONTHS, asOf);
    }

    static long longAt(Row r, int i) {
        return r.isNullAt(i) ? 0 : ((Number) r.get(i)).longValue();
    }

    static double doubleAt(Row r, int i) {
        return r.isNullAt(i) ? 0 : ((Number) r.get(i)).doubleValue();
    }
}
