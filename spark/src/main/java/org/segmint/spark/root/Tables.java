package org.segmint.spark.root;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.segmint.model.catalog.Catalog;
import org.segmint.persistence.workspace.WorkspaceException;
import org.segmint.spark.plan.Names;

/**
 * The data tables of a data root: one Parquet dataset per folder ({@code customers/}, {@code orders/}, ...), or a
 * table of the Spark catalog given with {@code --table NAME=db.table}. Tables are loaded lazily (reading a Parquet
 * schema touches only file footers) and normalised ({@link TableTypes}); the standard date columns are made dates
 * ({@code order_date}) and timestamps ({@code event_time}) when a lake keeps them the other way round.
 */
public final class Tables {
    private final SparkSession spark;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, Boolean> fromCatalog = new LinkedHashMap<>();
    private final Map<String, Dataset<Row>> loaded = new LinkedHashMap<>();

    public Tables(SparkSession spark, RootFiles files, Path root, Map<String, String> catalogTables) {
        this.spark = spark;
        for (FileStatus entry : files.list(root)) {
            String name = entry.getPath().getName();
            if (entry.isDirectory() && Layout.isTable(name)) {
                sources.put(name, entry.getPath().toString());
                fromCatalog.put(name, false);
            }
        }
        catalogTables.forEach((name, table) -> {
            sources.put(name, table);
            fromCatalog.put(name, true);
        });
    }

    public boolean has(String table) {
        return sources.containsKey(table);
    }

    /** Table names: the standard ones first, then the others by name. */
    public java.util.List<String> names() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (String standard : java.util.List.of(Catalog.CUSTOMERS, Catalog.ORDERS, Catalog.ORDER_ITEMS,
                Catalog.EVENTS)) {
            if (has(standard)) {
                names.add(standard);
            }
        }
        sources.keySet().stream().sorted().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    /** The loaded table, or a one-line error when the data root has no such table. */
    public Dataset<Row> table(String name) {
        return find(name).orElseThrow(() -> new WorkspaceException("The data has no " + name + " table (no "
                + name + "/ folder in the data root and no --table " + name + "=...)"));
    }

    public Optional<Dataset<Row>> find(String name) {
        if (!sources.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.of(loaded.computeIfAbsent(name, this::load));
    }

    private Dataset<Row> load(String name) {
        String source = sources.get(name);
        Dataset<Row> raw;
        try {
            raw = fromCatalog.get(name) ? spark.table(source) : spark.read().parquet(source);
        } catch (RuntimeException e) {
            String what = fromCatalog.get(name) ? "table " + source : name + "/ (" + source + ")";
            throw new WorkspaceException("Cannot read " + what + " as " + (fromCatalog.get(name) ? "a catalog table"
                    : "a Parquet dataset") + ": " + firstLine(e.getMessage()));
        }
        return standardDates(name, TableTypes.normalize(raw));
    }

    private static Dataset<Row> standardDates(String table, Dataset<Row> t) {
        if (table.equals(Catalog.ORDERS) || table.equals(Catalog.ORDER_ITEMS)) {
            return convert(t, "order_date", true);
        }
        if (table.equals(Catalog.EVENTS)) {
            return convert(t, "event_time", false);
        }
        return t;
    }

    /** An order date kept as a timestamp counts by its date; an event time kept as a date is its midnight. */
    private static Dataset<Row> convert(Dataset<Row> t, String column, boolean toDate) {
        for (StructField f : t.schema().fields()) {
            if (!f.name().equals(column)) {
                continue;
            }
            if (toDate && f.dataType() instanceof TimestampNTZType) {
                return t.withColumn(column, functions.to_date(Names.col(column)));
            }
            if (!toDate && f.dataType() instanceof DateType) {
                return t.withColumn(column, Names.col(column).cast(DataTypes.TimestampNTZType));
            }
        }
        return t;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
