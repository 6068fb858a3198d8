package org.segmint.spark.plan;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.Measure;
import org.segmint.persistence.workspace.MetricsSql;

/**
 * Everything per customer that comes from the orders table, in one pass: purchase measures of whole orders,
 * "has an order where ..." attributes, the derived metrics and the insight totals.
 *
 * <p>Plan: the order rows (only the columns used, one flag per condition) are shuffled once by customer. Three
 * aggregations follow without another shuffle, each keyed by the customer and finer keys: per (customer, order id,
 * day) — the insights count an order id once per day, as the desktop's order scan does; per (customer, order id) —
 * an order counts once however many rows it has (a row without an order id is an order of its own); per customer —
 * the sums. Metrics are as of the as-of date D: first and last order date, distinct orders and revenue up to D and in
 * the 12 months ending with D, and the number of distinct order days (for the lifecycle's rhythm).
 */
final class OrdersPipeline extends Pipeline {
    /** Months of the insights' revenue trend. */
    static final int TREND_MONTHS = 24;

    private final LocalDate asOf;
    private final List<Column> flags = new ArrayList<>();
    private final List<String[]> measures = new ArrayList<>();
    private boolean metrics;
    private boolean insights;

    OrdersPipeline(RowSource source, String key, Supplier<String> names, LocalDate asOf) {
        super(source, key, names);
        this.asOf = asOf;
    }

    Column measure(Object request, Column filter, Measure measure) {
        return output(request, name -> {
            flags.add(filter);
            measures.add(new String[] {name, measure.name()});
        });
    }

    Column exists(Object request, Column predicate) {
        return output(request, name -> {
            flags.add(predicate);
            measures.add(new String[] {name, "EXISTS"});
        });
    }

    /** Columns of the metrics' inputs: m_first, m_last, m_orders, m_revenue, m_orders12, m_revenue12, m_days. */
    Column metricsInput(String part) {
        if (!metrics) {
            requireDates();
            metrics = true;
        }
        return col(key() + "_m_" + part);
    }

    /** Columns of the insight totals: t_orders, t_revenue, t_units, and month_0 .. month_23 (oldest first). */
    Column insightInput(String part) {
        if (!insights) {
            requireDates();
            insights = true;
        }
        return col(key() + "_t_" + part);
    }

    private void requireDates() {
        source.requireType(Catalog.ORDERS, "order_date", "a date", FieldType.DATE);
    }

    @Override
    boolean used() {
        return super.used() || metrics || insights;
    }

    @Override
    Dataset<Row> aggregate() {
        Column orderId = source.column(Catalog.ORDERS, "order_id", false);
        Column revenue = source.column(Catalog.ORDERS, "revenue", false).cast(DataTypes.DoubleType);
        Column units = source.column(Catalog.ORDERS, "units", false).cast(DataTypes.DoubleType);
        Column date = metrics || insights ? source.column(Catalog.ORDERS, "order_date", true) : lit(null);
        List<Column> rowColumns = new ArrayList<>(List.of(col(RowSource.KEY),
                orderId.cast(DataTypes.StringType).as("o"), when(orderId.isNull(), monotonically_increasing_id())
                        .as("o_null"), date.cast(DataTypes.DateType).as("d"), revenue.as("v"), units.as("u")));
        for (int i = 0; i < flags.size(); i++) {
            rowColumns.add(coalesce(flags.get(i), lit(false)).as("f" + i));
        }
        Dataset<Row> rows = source.rows().select(rowColumns.toArray(new Column[0])).repartition(col(RowSource.KEY));

        List<Column> perDay = new ArrayList<>(List.of(sum("v").as("v"), sum("u").as("u")));
        List<Column> perOrder = new ArrayList<>();
        List<Column> perCustomer = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            String name = measures.get(i)[0];
            String kind = measures.get(i)[1];
            Column flag = col("f" + i);
            if (kind.equals("EXISTS") || kind.equals(Measure.ORDERS.name())) {
                perDay.add(max(flag).as(name));
                perOrder.add(max(col(name)).as(name));
                perCustomer.add(kind.equals("EXISTS") ? max(col(name)).as(name)
                        : sum(col(name).cast(DataTypes.LongType)).as(name));
            } else {
                perDay.add(sum(when(flag, col(kind.equals(Measure.UNITS.name()) ? "u" : "v"))).as(name));
                perOrder.add(sum(col(name)).as(name));
                perCustomer.add(sum(col(name)).as(name));
            }
        }
        if (metrics) {
            addMetrics(perOrder, perCustomer);
        }
        if (insights) {
            addInsights(perOrder, perCustomer);
        }
        Dataset<Row> days = rows.groupBy(col(RowSource.KEY), col("o"), col("o_null"), col("d"))
                .agg(perDay.get(0), rest(perDay));
        Dataset<Row> orders = perOrder.isEmpty() ? days.groupBy(col(RowSource.KEY), col("o"), col("o_null")).count()
                : days.groupBy(col(RowSource.KEY), col("o"), col("o_null")).agg(perOrder.get(0), rest(perOrder));
        if (perCustomer.isEmpty()) {
            return orders.groupBy(col(RowSource.KEY).as(key())).count().drop("count");
        }
        return orders.groupBy(col(RowSource.KEY).as(key())).agg(perCustomer.get(0), rest(perCustomer));
    }

    private static Column[] rest(List<Column> columns) {
        return columns.subList(1, columns.size()).toArray(new Column[0]);
    }

    /** As MetricsSql: orders dated on or before D count; "orders" are distinct order ids. */
    private void addMetrics(List<Column> perOrder, List<Column> perCustomer) {
        String p = key() + "_m_";
        Column d = col("d");
        Column upToAsOf = d.leq(lit(asOf));
        Column inYear = upToAsOf.and(d.geq(lit(MetricsSql.windowStart(asOf))));
        perOrder.add(min(when(upToAsOf, d)).as(p + "first"));
        perOrder.add(max(when(upToAsOf, d)).as(p + "last"));
        perOrder.add(max(upToAsOf).as(p + "orders"));
        perOrder.add(sum(when(upToAsOf, col("v"))).as(p + "revenue"));
        perOrder.add(max(inYear).as(p + "orders12"));
        perOrder.add(sum(when(inYear, col("v"))).as(p + "revenue12"));
        perOrder.add(collect_set(when(upToAsOf, d)).as(p + "days"));
        perCustomer.add(min(p + "first").as(p + "first"));
        perCustomer.add(max(p + "last").as(p + "last"));
        perCustomer.add(sum(col(p + "orders").cast(DataTypes.LongType)).as(p + "orders"));
        perCustomer.add(sum(p + "revenue").as(p + "revenue"));
        perCustomer.add(sum(col(p + "orders12").cast(DataTypes.LongType)).as(p + "orders12"));
        perCustomer.add(sum(p + "revenue12").as(p + "revenue12"));
        perCustomer.add(size(array_distinct(flatten(collect_list(p + "days")))).as(p + "days"));
    }

    /**
     * As the desktop's insights: orders of the 12-month window counted once per (order id, day), their revenue and
     * units, and the revenue of each month of the 24 ending with the as-of month (that month up to the as-of date).
     */
    private void addInsights(List<Column> perOrder, List<Column> perCustomer) {
        String p = key() + "_t_";
        Column d = col("d");
        Column inWindow = ValuePredicates.dateRange(d, false, window(asOf));
        perOrder.add(count(when(inWindow, lit(1))).as(p + "orders"));
        perOrder.add(sum(when(inWindow, col("v"))).as(p + "revenue"));
        perOrder.add(sum(when(inWindow, col("u"))).as(p + "units"));
        YearMonth first = YearMonth.from(asOf).minusMonths(TREND_MONTHS - 1);
        for (int m = 0; m < TREND_MONTHS; m++) {
            YearMonth month = first.plusMonths(m);
            LocalDate end = month.atEndOfMonth().isAfter(asOf) ? asOf : month.atEndOfMonth();
            Column inMonth = ValuePredicates.dateRange(d, false, new DateRange(month.atDay(1), end));
            perOrder.add(sum(when(inMonth, col("v"))).as(p + "month_" + m));
        }
        perCustomer.add(sum(p + "orders").as(p + "orders"));
        perCustomer.add(sum(p + "revenue").as(p + "revenue"));
        perCustomer.add(sum(p + "units").as(p + "units"));
        for (int m = 0; m < TREND_MONTHS; m++) {
            perCustomer.add(sum(p + "month_" + m).as(p + "month_" + m));
        }
    }

    /** The insights' 12-month window: 12 months ending with the as-of date, both ends included. */
    static DateRange window(LocalDate asOf) {
        return DateRange.last(12, org.segmint.model.segment.TimeUnit.MONTHS, asOf);
    }
}
