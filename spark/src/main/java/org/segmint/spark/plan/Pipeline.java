package org.segmint.spark.plan;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per-customer aggregates over one {@link RowSource}: the compiler asks for them while it walks the definitions (each
 * request returns a column of the customer frame, by a name given now), then {@link #aggregate()} computes all of
 * them in one pass over the rows, with one shuffle by customer.
 */
abstract class Pipeline {
    private final String key;
    private final Supplier<String> names;
    private final Map<Object, String> requested = new LinkedHashMap<>();
    protected final RowSource source;

    Pipeline(RowSource source, String key, Supplier<String> names) {
        this.source = source;
        this.key = key;
        this.names = names;
    }

    /** The name of this pipeline's customer key column in its aggregate. */
    final String key() {
        return key;
    }

    final RowSource source() {
        return source;
    }

    /** Whether anything was asked of this pipeline. */
    boolean used() {
        return !requested.isEmpty();
    }

    /**
     * The output column for {@code request} (equal requests share one column): a new name the first time, when
     * {@code register} records how to compute it.
     */
    protected final Column output(Object request, java.util.function.Consumer<String> register) {
        String name = requested.get(request);
        if (name == null) {
            name = names.get();
            requested.put(request, name);
            register.accept(name);
        }
        return col(name);
    }

    /** One row per customer that has rows: {@link #key()} and every requested column. */
    abstract Dataset<Row> aggregate();
}
