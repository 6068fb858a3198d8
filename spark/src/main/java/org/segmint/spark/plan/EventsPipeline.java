package org.segmint.spark.plan;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_diff;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.segmint.model.catalog.Catalog;

/**
 * Everything per customer that comes from the events table, in one aggregation by customer (Spark's own shuffle,
 * with partial aggregation before it): event counts, "has an event where ..." attributes, and sequences. For a
 * sequence, each customer's relevant events (those that can be a step or are of the {@code without} type) are
 * gathered as (seconds, step mask) pairs, and {@link SequenceMatcher} sorts and decides them: the cost grows with each
 * customer's own events, never with a join of events against events.
 */
final class EventsPipeline extends Pipeline {
    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private final List<String[]> outputs = new ArrayList<>();
    private final List<Column> expressions = new ArrayList<>();
    private final List<SequenceMatcher> matchers = new ArrayList<>();

    EventsPipeline(RowSource source, String key, Supplier<String> names) {
        super(source, key, names);
    }

    /** The number of the customer's events where {@code filter} holds. */
    Column count(Object request, Column filter) {
        return output(request, name -> add(name, "COUNT", filter, null));
    }

    Column exists(Object request, Column predicate) {
        return output(request, name -> add(name, "EXISTS", predicate, null));
    }

    /**
     * Whether the customer's events make the sequence: {@code stepMask} is the row's mask of steps it can be (bit i
     * = step i, step 0 only inside the window, bit {@value SequenceMatcher#WITHOUT_BIT} = a {@code without} event), 0
     * for an irrelevant event.
     */
    Column sequence(Object request, Column stepMask, SequenceMatcher matcher) {
        return output(request, name -> {
            add(name, "SEQUENCE", stepMask, matcher);
        });
    }

    /** The seconds of an event time (a timestamp without zone) since 1970-01-01T00:00. */
    Column seconds() {
        return timestamp_diff("SECOND", lit(EPOCH), source.column(Catalog.EVENTS, "event_time", true));
    }

    private void add(String name, String kind, Column expression, SequenceMatcher matcher) {
        outputs.add(new String[] {name, kind});
        expressions.add(expression);
        matchers.add(matcher);
    }

    @Override
    Dataset<Row> aggregate() {
        List<Column> rowColumns = new ArrayList<>();
        rowColumns.add(col(RowSource.KEY));
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i)[1].equals("SEQUENCE")) {
                rowColumns.add(when(expressions.get(i).notEqual(lit(0L)), struct(seconds().as("t"),
                        expressions.get(i).as("m"))).as("e" + i));
            } else {
                rowColumns.add(coalesce(expressions.get(i), lit(false)).as("e" + i));
            }
        }
        Dataset<Row> rows = source.rows().select(rowColumns.toArray(new Column[0]));
        List<Column> perCustomer = new ArrayList<>();
        List<Column> finish = new ArrayList<>();
        finish.add(col(key()));
        for (int i = 0; i < outputs.size(); i++) {
            String name = outputs.get(i)[0];
            switch (outputs.get(i)[1]) {
                case "COUNT":
                    perCustomer.add(sum(when(col("e" + i), lit(1L))).as(name));
                    finish.add(col(name));
                    break;
                case "EXISTS":
                    perCustomer.add(max(col("e" + i)).as(name));
                    finish.add(col(name));
                    break;
                default:
                    perCustomer.add(collect_list(col("e" + i)).as(name));
                    UserDefinedFunction decide = udf(matchers.get(i), DataTypes.BooleanType);
                    finish.add(decide.apply(col(name)).as(name));
            }
        }
        Dataset<Row> perKey = rows.groupBy(col(RowSource.KEY).as(key())).agg(perCustomer.get(0),
                perCustomer.subList(1, perCustomer.size()).toArray(new Column[0]));
        return perKey.select(finish.toArray(new Column[0]));
    }
}
