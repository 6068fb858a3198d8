package org.segmint.spark.report;

import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.segmint.model.segment.Condition;
import org.segmint.spark.plan.CustomerFrame;

/** Counting members: customers, and the distinct parents of a hierarchy level among them. */
public final class Counts {
    private Counts() {
    }

    /**
     * The members of {@code definition} and, with {@code levelColumn}, their parents: distinct non-empty values of
     * that customer column, each customer with an empty one counting as a parent of their own. One aggregation.
     *
     * @return customers, then parents (-1 without a level)
     */
    public static long[] count(SparkEngine engine, Condition definition, java.time.LocalDate asOf, String levelColumn) {
        SparkEngine.Pass pass = engine.pass(asOf);
        Column members = pass.members(definition);
        CustomerFrame frame = pass.frame();
        Column parent = levelColumn == null ? null : frame.customer(levelColumn).cast(DataTypes.StringType);
        var data = frame.build();
        if (parent == null) {
            return new long[] {data.filter(members).count(), -1};
        }
        Column empty = parent.isNull().or(parent.equalTo(lit("")));
        Row r = data.filter(members).agg(sum(lit(1L)), count_distinct(when(not(empty), parent)),
                sum(when(empty, lit(1L)).otherwise(lit(0L)))).first();
        long customers = r.isNullAt(0) ? 0 : r.getLong(0);
        long parents = r.getLong(1) + (r.isNullAt(2) ? 0 : r.getLong(2));
        return new long[] {customers, parents};
    }
}
