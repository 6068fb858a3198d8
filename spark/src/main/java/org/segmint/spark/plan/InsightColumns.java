package org.segmint.spark.plan;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.insight.ReachabilityColumns;

/**
 * Per-customer inputs of the insights, as columns of the customer frame: orders (counted once per order id and day),
 * revenue and units of the 12-month window, revenue per month of the 24-month trend, and one flag per reachability
 * channel (the desktop's columns and tests).
 */
public final class InsightColumns {
    private final OrdersPipeline orders;
    private final CustomerFrame frame;

    InsightColumns(OrdersPipeline orders, CustomerFrame frame) {
        this.orders = orders;
        this.frame = frame;
    }

    public Column windowOrders() {
        return coalesce(orders.insightInput("orders"), lit(0L));
    }

    public Column windowRevenue() {
        return coalesce(orders.insightInput("revenue"), lit(0.0));
    }

    public Column windowUnits() {
        return coalesce(orders.insightInput("units"), lit(0.0));
    }

    /** Revenue of trend month {@code m} (0 = the oldest of the 24). */
    public Column monthRevenue(int m) {
        return coalesce(orders.insightInput("month_" + m), lit(0.0));
    }

    public static int trendMonths() {
        return OrdersPipeline.TREND_MONTHS;
    }

    /** The reachability channels' columns (null where the data has none) and a flag per available channel. */
    public Reach reachability() {
        ReachabilityColumns columns = ReachabilityColumns.of(frame.catalog());
        List<Field> fields = columns.asList();
        List<Column> flags = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            flags.add(f == null ? null : reachable(f, i == 1));
        }
        return new Reach(fields, flags);
    }

    private Column reachable(Field f, boolean optIn) {
        Column v = frame.customer(f.column());
        if (!optIn) {
            return coalesce(ValuePredicates.nonEmpty(f.type(), v), lit(false));
        }
        Column yes;
        if (f.type() == FieldType.BOOLEAN) {
            yes = v.equalTo(lit(true));
        } else if (f.type().isNumeric()) {
            yes = v.equalTo(lit(1));
        } else if (f.type() == FieldType.TEXT) {
            yes = ValuePredicates.asciiLower(trim(v)).isin("1", "true", "yes", "y");
        } else {
            yes = lit(false);
        }
        return coalesce(yes, lit(false));
    }

    /** The four channels in order (email, email opt-in, phone, postal address): column and flag, or nulls. */
    public record Reach(List<Field> fields, List<Column> flags) {
    }
}
