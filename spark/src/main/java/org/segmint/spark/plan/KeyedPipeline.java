package org.segmint.spark.plan;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Attribute conditions on a table keyed by {@code customer_id} other than customers (predicted scores, ...): per
 * customer, whether one of their rows satisfies the condition, in one aggregation by customer. A customer without a
 * row has an empty value.
 */
final class KeyedPipeline extends Pipeline {
    private final List<String> names = new ArrayList<>();
    private final List<Column> predicates = new ArrayList<>();

    KeyedPipeline(RowSource source, String key, Supplier<String> names) {
        super(source, key, names);
    }

    Column exists(Object request, Column predicate) {
        return output(request, name -> {
            names.add(name);
            predicates.add(predicate);
        });
    }

    @Override
    Dataset<Row> aggregate() {
        List<Column> rowColumns = new ArrayList<>();
        rowColumns.add(col(RowSource.KEY));
        for (int i = 0; i < names.size(); i++) {
            rowColumns.add(coalesce(predicates.get(i), lit(false)).as("p" + i));
        }
        List<Column> perCustomer = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            perCustomer.add(max(col("p" + i)).as(names.get(i)));
        }
        return source.rows().select(rowColumns.toArray(new Column[0])).groupBy(col(RowSource.KEY).as(key()))
                .agg(perCustomer.get(0), perCustomer.subList(1, perCustomer.size()).toArray(new Column[0]));
    }
}
