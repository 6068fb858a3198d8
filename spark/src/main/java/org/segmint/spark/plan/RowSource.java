package org.segmint.spark.plan;

import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.persistence.workspace.WorkspaceException;
import org.segmint.spark.root.TableTypes;
import org.segmint.spark.root.Tables;

/**
 * The rows a per-customer aggregate reads: one table (orders, order items, events, an imported table) or order items
 * joined to their orders by {@code order_id} (for a purchase whose conditions name fields of both). Only the columns
 * the compiled conditions use are read; each gets an internal name ({@code r0}, {@code r1}, ...), so no name of a
 * user's table ever has to be parsed inside an expression.
 */
final class RowSource {
    /** The customer id of each row. */
    static final String KEY = "k";

    private final Tables tables;
    private final Catalog catalog;
    private final String keyTable;
    private final List<String> parts;
    private final Map<String, String> internal = new LinkedHashMap<>();
    private final Map<String, DataType> types = new LinkedHashMap<>();

    /**
     * @param parts    the tables of the rows: one, or order_items then orders (joined by order id)
     * @param keyTable the table whose {@code customer_id} is the row's customer
     */
    RowSource(Tables tables, Catalog catalog, List<String> parts, String keyTable) {
        this.tables = tables;
        this.catalog = catalog;
        this.parts = List.copyOf(parts);
        this.keyTable = keyTable;
    }

    String label() {
        return String.join(" with ", parts);
    }

    /** A catalog field of one of the row's tables. */
    Column field(Field field) {
        return column(field.table(), field.column(), true);
    }

    /**
     * A standard column of a row's table. {@code required} false: a table without it reads it as empty (a lake's
     * orders without units count no units); true: its absence is a one-line error before any work.
     */
    Column column(String table, String column, boolean required) {
        if (!parts.contains(table)) {
            throw new IllegalArgumentException(table + " is not a table of " + label());
        }
        String key = table + "." + column;
        String name = internal.get(key);
        if (name == null) {
            DataType type = typeOf(table, column);
            if (type == null) {
                if (required) {
                    throw new WorkspaceException(table + " has no column " + column);
                }
                return lit(null);
            }
            name = "r" + internal.size();
            internal.put(key, name);
            types.put(key, type);
        }
        return functions(name);
    }

    private static Column functions(String name) {
        return org.apache.spark.sql.functions.col(name);
    }

    private DataType typeOf(String table, String column) {
        Dataset<Row> t = tables.table(table);
        for (org.apache.spark.sql.types.StructField f : t.schema().fields()) {
            if (f.name().equals(column)) {
                return f.dataType();
            }
        }
        return null;
    }

    /** Checks that a column has one of the expected attribute types, naming it in the error. */
    void requireType(String table, String column, String what, org.segmint.model.catalog.FieldType... allowed) {
        DataType type = typeOf(table, column);
        if (type == null) {
            throw new WorkspaceException(table + " has no column " + column);
        }
        var found = TableTypes.fieldType(type);
        for (var a : allowed) {
            if (found.isPresent() && found.get() == a) {
                return;
            }
        }
        throw new WorkspaceException(table + "." + column + " is " + type.simpleString() + "; Segmint needs " + what
                + " there");
    }

    /** Rows of the source, {@link #KEY} and the internal columns, rows without a customer id left out. */
    Dataset<Row> rows() {
        Dataset<Row> rows;
        if (parts.size() == 1) {
            rows = project(parts.get(0), true);
        } else {
            // Each item joins every order row with its order id, as the desktop's SQL join does.
            Dataset<Row> items = project(parts.get(0), true).withColumnRenamed("j", "ji");
            Dataset<Row> orders = project(parts.get(1), false);
            rows = items.join(orders, items.col("ji").equalTo(orders.col("j")), "inner").drop("ji", "j");
        }
        return rows.filter(org.apache.spark.sql.functions.col(KEY).isNotNull());
    }

    private Dataset<Row> project(String table, boolean withKey) {
        List<Column> columns = new ArrayList<>();
        if (withKey) {
            columns.add(Names.col("customer_id").as(KEY));
        }
        if (parts.size() > 1) {
            columns.add(Names.col("order_id").as("j"));
        }
        internal.forEach((key, name) -> {
            if (key.startsWith(table + ".")) {
                columns.add(Names.col(key.substring(table.length() + 1)).as(name));
            }
        });
        Dataset<Row> t = tables.table(table);
        if (withKey && !java.util.Arrays.asList(t.columns()).contains("customer_id")) {
            throw new WorkspaceException(table + " has no column customer_id");
        }
        return t.select(columns.toArray(new Column[0]));
    }

    String keyTable() {
        return keyTable;
    }
}
