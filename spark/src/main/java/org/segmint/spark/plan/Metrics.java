package org.segmint.spark.plan;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.segmint.persistence.workspace.MetricsSql;

/**
 * The derived metrics ({@code metrics.*}) as columns of the customer frame, computed by the rules of
 * {@link MetricsSql} (docs/architecture.md, "Metrics") from the orders pipeline's per-customer totals: a customer
 * without orders up to the as-of date is a prospect with 0 orders and 0 revenue.
 */
public final class Metrics {
    private final OrdersPipeline orders;
    private final LocalDate asOf;

    Metrics(OrdersPipeline orders, LocalDate asOf) {
        this.orders = orders;
        this.asOf = asOf;
    }

    /** The metric of that name ({@code Schema.METRIC_COLUMNS}). */
    public Column column(String metric) {
        switch (metric) {
            case "first_order_date":
                return orders.metricsInput("first");
            case "last_order_date":
                return orders.metricsInput("last");
            case "orders":
                return coalesce(orders.metricsInput("orders"), lit(0L));
            case "revenue":
                return coalesce(orders.metricsInput("revenue"), lit(0.0));
            case "orders_12m":
                return coalesce(orders.metricsInput("orders12"), lit(0L));
            case "revenue_12m":
                return coalesce(orders.metricsInput("revenue12"), lit(0.0));
            case "aov": {
                Column n = orders.metricsInput("orders");
                return when(n.gt(0), coalesce(orders.metricsInput("revenue"), lit(0.0)).divide(n));
            }
            case "days_since_last_order":
                return daysSinceLast();
            case "lifecycle":
                return lifecycle();
            default:
                throw new IllegalArgumentException("no metric " + metric);
        }
    }

    private Column daysSinceLast() {
        return datediff(lit(asOf), orders.metricsInput("last")).cast(DataTypes.LongType);
    }

    /**
     * Prospect without orders; otherwise the days since the last order against the customer's rhythm, the average gap
     * between distinct order days clamped to 7..365 (90 for a one-day buyer).
     */
    private Column lifecycle() {
        Column last = orders.metricsInput("last");
        Column first = orders.metricsInput("first");
        Column days = orders.metricsInput("days");
        Column spread = datediff(last, first).cast(DataTypes.DoubleType);
        Column gap = when(days.lt(2), lit((double) MetricsSql.DEFAULT_GAP_DAYS)).otherwise(
                least(lit((double) MetricsSql.MAX_GAP_DAYS), greatest(lit((double) MetricsSql.MIN_GAP_DAYS),
                        spread.divide(days.minus(1).cast(DataTypes.DoubleType)))));
        Column since = daysSinceLast().cast(DataTypes.DoubleType);
        return when(last.isNull(), lit(MetricsSql.PROSPECT))
                .when(since.leq(gap.multiply(MetricsSql.ACTIVE_GAPS)), lit(MetricsSql.ACTIVE))
                .when(since.leq(gap.multiply(MetricsSql.COOLING_GAPS)), lit(MetricsSql.COOLING_DOWN))
                .when(since.leq(gap.multiply(MetricsSql.AT_RISK_GAPS)), lit(MetricsSql.AT_RISK))
                .otherwise(lit(MetricsSql.LAPSED));
    }
}
