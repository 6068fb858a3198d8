package org.segmint.spark.plan;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segmint.spark.root.MemberSets;

/**
 * Membership of groups (or of lists): the rows {@code (name, customer_id)} of the sets the definitions name, one
 * aggregation by customer giving a flag per set. Joined to the customers, a flag is a semi join ("in") and its
 * negation an anti join ("not in"), for every set at once.
 */
final class MembershipPipeline extends Pipeline {
    private final MemberSets sets;
    private final List<String> setNames = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();

    MembershipPipeline(MemberSets sets, String key, Supplier<String> names) {
        super(null, key, names);
        this.sets = sets;
    }

    Column member(String name) {
        return output(name, out -> {
            setNames.add(name);
            outputs.add(out);
        });
    }

    @Override
    Dataset<Row> aggregate() {
        List<Column> flags = new ArrayList<>();
        for (int i = 0; i < setNames.size(); i++) {
            flags.add(max(col("name").equalTo(lit(setNames.get(i)))).as(outputs.get(i)));
        }
        return sets.members().filter(col("name").isin(setNames.toArray())).groupBy(col("customer_id").as(key()))
                .agg(flags.get(0), flags.subList(1, flags.size()).toArray(new Column[0]));
    }
}
