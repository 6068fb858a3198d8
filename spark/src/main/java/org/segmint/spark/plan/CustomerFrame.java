package org.segmint.spark.plan;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.spark.root.DataRoot;

/**
 * One row per customer with every column the compiled definitions need: the customers' own attributes, and the
 * per-customer aggregates of each other table (one {@link Pipeline} per table, each one pass with one shuffle), left
 * joined on the customer id. Every count, insight, comparison and model is then one aggregation over this frame.
 */
public final class CustomerFrame {
    /** The customer id column of the frame. */
    public static final String CUSTOMER_ID = "customer_id";

    private final DataRoot root;
    private final Catalog catalog;
    private final LocalDate asOf;
    private final Map<String, String> customerColumns = new LinkedHashMap<>();
    private final Map<String, Pipeline> pipelines = new LinkedHashMap<>();
    private int counter;

    public CustomerFrame(DataRoot root, Catalog catalog, LocalDate asOf) {
        this.root = root;
        this.catalog = catalog;
        this.asOf = asOf;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public Catalog catalog() {
        return catalog;
    }

    String newName() {
        return "x" + (counter++);
    }

    /** A column of the customers table (its value for the customer). */
    public Column customer(String column) {
        String name = customerColumns.computeIfAbsent(column, c -> "c" + customerColumns.size());
        return col(name);
    }

    OrdersPipeline orders() {
        return (OrdersPipeline) pipelines.computeIfAbsent("orders", k -> new OrdersPipeline(
                source(List.of(Catalog.ORDERS)), "k_orders", this::newName, asOf));
    }

    ItemsPipeline items(boolean withOrders) {
        String key = withOrders ? "items_with_orders" : "items";
        return (ItemsPipeline) pipelines.computeIfAbsent(key, k -> new ItemsPipeline(source(withOrders
                ? List.of(Catalog.ORDER_ITEMS, Catalog.ORDERS) : List.of(Catalog.ORDER_ITEMS)), "k_" + k,
                this::newName));
    }

    EventsPipeline events() {
        return (EventsPipeline) pipelines.computeIfAbsent("events", k -> new EventsPipeline(
                source(List.of(Catalog.EVENTS)), "k_events", this::newName));
    }

    KeyedPipeline keyed(String table) {
        return (KeyedPipeline) pipelines.computeIfAbsent("table:" + table, k -> new KeyedPipeline(
                source(List.of(table)), "k_t" + pipelines.size(), this::newName));
    }

    MembershipPipeline groups() {
        return (MembershipPipeline) pipelines.computeIfAbsent("groups", k -> new MembershipPipeline(root.groups(),
                "k_groups", this::newName));
    }

    MembershipPipeline lists() {
        return (MembershipPipeline) pipelines.computeIfAbsent("lists", k -> new MembershipPipeline(root.lists(),
                "k_lists", this::newName));
    }

    /** Whether the customer is a stored member of group {@code name} (never null). */
    public Column groupMember(String name) {
        return org.apache.spark.sql.functions.coalesce(groups().member(name), org.apache.spark.sql.functions.lit(false));
    }

    private RowSource source(List<String> tables) {
        return new RowSource(root.tables(), catalog, tables, tables.get(0));
    }

    /** The derived metrics, computed from the orders as of the frame's date. */
    public Metrics metrics() {
        return new Metrics(orders(), asOf);
    }

    /** Per-customer insight totals (the 12-month window and the 24-month trend). */
    public InsightColumns insights() {
        return new InsightColumns(orders(), this);
    }

    /** A value of a one-row-per-customer attribute (customers or metrics), for output columns. */
    public Column value(Field field) {
        if (field.table().equals(Catalog.CUSTOMERS)) {
            return customer(field.column());
        }
        if (field.table().equals(Catalog.METRICS)) {
            return metrics().column(field.column());
        }
        throw new IllegalArgumentException(field.id() + " has many values per customer");
    }

    /**
     * The frame: {@link #CUSTOMER_ID} and every column asked for so far. Call after compiling: columns asked for
     * later are not in it.
     */
    public Dataset<Row> build() {
        List<Column> columns = new ArrayList<>();
        columns.add(Names.col("customer_id").as(CUSTOMER_ID));
        customerColumns.forEach((column, name) -> columns.add(Names.col(column).as(name)));
        Dataset<Row> frame = root.tables().table(Catalog.CUSTOMERS).select(columns.toArray(new Column[0]))
                .filter(col(CUSTOMER_ID).isNotNull());
        for (Pipeline p : pipelines.values()) {
            if (!p.used()) {
                continue;
            }
            Dataset<Row> aggregate = p.aggregate();
            frame = frame.join(aggregate, frame.col(CUSTOMER_ID).equalTo(aggregate.col(p.key())), "left_outer")
                    .drop(aggregate.col(p.key()));
        }
        return frame;
    }
}
