package org.segmint.spark.plan;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.segment.Measure;

/**
 * Purchase measures over order items (alone, or joined to their orders), and "has an item where ..." attributes.
 * Plan: the item rows with one flag per condition are shuffled once by customer; a first aggregation per (customer,
 * order id) says which orders have a matching item and sums their quantities and revenue, a second per customer adds
 * them up: {@code orders} = distinct order ids with a matching item (an item without an order id counts as one
 * order), {@code units} = sum of quantity, {@code revenue} = sum of line revenue.
 */
final class ItemsPipeline extends Pipeline {
    private final List<String[]> measures = new ArrayList<>();
    private final List<Column> flags = new ArrayList<>();
    private final List<String> flagNames = new ArrayList<>();

    ItemsPipeline(RowSource source, String key, Supplier<String> names) {
        super(source, key, names);
    }

    /** The measure of the items matching {@code filter} (a row predicate over this source), per customer. */
    Column measure(Object request, Column filter, Measure measure) {
        return output(request, name -> {
            flags.add(filter);
            flagNames.add(name + "_f");
            measures.add(new String[] {name, measure.name()});
        });
    }

    /** Whether the customer has at least one row where {@code predicate} holds. */
    Column exists(Object request, Column predicate) {
        return output(request, name -> {
            flags.add(predicate);
            flagNames.add(name + "_f");
            measures.add(new String[] {name, "EXISTS"});
        });
    }

    @Override
    Dataset<Row> aggregate() {
        Column orderId = source.column(Catalog.ORDER_ITEMS, "order_id", false);
        Column quantity = source.column(Catalog.ORDER_ITEMS, "quantity", false).cast(DataTypes.DoubleType);
        Column revenue = source.column(Catalog.ORDER_ITEMS, "revenue", false).cast(DataTypes.DoubleType);
        List<Column> rowColumns = new ArrayList<>();
        rowColumns.add(col(RowSource.KEY));
        rowColumns.add(orderId.cast(DataTypes.StringType).as("o"));
        rowColumns.add(when(orderId.isNull(), monotonically_increasing_id()).as("o_null"));
        rowColumns.add(quantity.as("q"));
        rowColumns.add(revenue.as("v"));
        for (int i = 0; i < flags.size(); i++) {
            rowColumns.add(org.apache.spark.sql.functions.coalesce(flags.get(i),
                    org.apache.spark.sql.functions.lit(false)).as(flagNames.get(i)));
        }
        Dataset<Row> rows = source.rows().select(rowColumns.toArray(new Column[0])).repartition(col(RowSource.KEY));
        List<Column> perOrder = new ArrayList<>();
        List<Column> perCustomer = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            String name = measures.get(i)[0];
            String kind = measures.get(i)[1];
            Column flag = col(flagNames.get(i));
            if (kind.equals("EXISTS") || kind.equals(Measure.ORDERS.name())) {
                perOrder.add(max(flag).as(name));
                perCustomer.add(kind.equals("EXISTS") ? max(col(name)).as(name)
                        : sum(col(name).cast(DataTypes.LongType)).as(name));
            } else {
                Column amount = kind.equals(Measure.UNITS.name()) ? col("q") : col("v");
                perOrder.add(sum(when(flag, amount)).as(name));
                perCustomer.add(sum(col(name)).as(name));
            }
        }
        Dataset<Row> orders = rows.groupBy(col(RowSource.KEY), col("o"), col("o_null"))
                .agg(perOrder.get(0), perOrder.subList(1, perOrder.size()).toArray(new Column[0]));
        return orders.groupBy(col(RowSource.KEY).as(key()))
                .agg(perCustomer.get(0), perCustomer.subList(1, perCustomer.size()).toArray(new Column[0]));
    }
}
