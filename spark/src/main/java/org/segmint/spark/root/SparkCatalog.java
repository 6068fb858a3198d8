package org.segmint.spark.root;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.workspace.Schema;

/**
 * The catalog of a data root, read from its tables' schemas: every column of a type Segmint offers, the derived
 * metrics (computed by the job, never read from a table), in the desktop's table order. Validation and the compiler
 * take field types from here, as the desktop takes them from the workspace.
 */
public final class SparkCatalog {
    private SparkCatalog() {
    }

    public static Catalog of(Tables tables) {
        List<Field> fields = new ArrayList<>();
        for (String table : tables.names()) {
            if (table.equals(Catalog.METRICS)) {
                continue;
            }
            List<Field> columns = columns(tables, table);
            boolean keyed = table.equals(Catalog.CUSTOMERS) || Catalog.hasManyRowsPerCustomer(table)
                    || columns.stream().anyMatch(f -> f.column().equals("customer_id"));
            if (keyed) {
                fields.addAll(columns);
            }
            if (table.equals(Catalog.CUSTOMERS)) {
                fields.addAll(Schema.METRIC_COLUMNS);
            }
        }
        return new Catalog(fields);
    }

    private static List<Field> columns(Tables tables, String table) {
        List<Field> fields = new ArrayList<>();
        for (StructField f : tables.table(table).schema().fields()) {
            Optional<FieldType> type = TableTypes.fieldType(f.dataType());
            type.ifPresent(t -> fields.add(new Field(table, f.name(), t, label(table, f.name()))));
        }
        return fields;
    }

    private static String label(String table, String column) {
        return Schema.STANDARD_COLUMNS.stream().filter(f -> f.table().equals(table) && f.column().equals(column))
                .map(Field::label).findFirst().orElse(null);
    }
}
