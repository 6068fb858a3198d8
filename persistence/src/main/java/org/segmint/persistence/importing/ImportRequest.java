package org.segmint.persistence.importing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to import into which table, independent of the source (CSV file or SQLite table).
 *
 * @param table       target table: customers, orders, order_items, events, or a customer-keyed table
 * @param mode        replace, append or upsert
 * @param mapping     source column name (exactly as in the file) to target column; an empty target
 *                    skips the column. Unmapped columns keep their normalised names.
 * @param types       type overrides by source or target column name
 * @param keys        key columns (target names) for upsert into orders, order_items or events
 * @param createTable whether an unknown table is created as a customer-keyed attribute table
 * @param rejectsFile where to write the rejected rows, or null to only count them
 * @param lastWins    in a table with one row per customer, whether a customer id repeated in the file updates the
 *                    row before (the last wins); by default the repeats are rejects
 */
public record ImportRequest(String table, ImportMode mode, Map<String, String> mapping, Map<String, ColumnType> types,
                            List<String> keys, boolean createTable, Path rejectsFile, boolean lastWins) {

    public ImportRequest(String table, ImportMode mode, Map<String, String> mapping, Map<String, ColumnType> types,
                         List<String> keys, boolean createTable, Path rejectsFile) {
        this(table, mode, mapping, types, keys, createTable, rejectsFile, false);
    }

    public ImportRequest {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(mode, "mode");
        mapping = mapping == null ? Map.of() : new LinkedHashMap<>(mapping);
        types = types == null ? Map.of() : new LinkedHashMap<>(types);
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** A replace of {@code table} with no mapping, overrides or rejects file. */
    public static ImportRequest replace(String table) {
        return new ImportRequest(table, ImportMode.REPLACE, Map.of(), Map.of(), List.of(), false, null, false);
    }

    public ImportRequest withMode(ImportMode value) {
        return new ImportRequest(table, value, mapping, types, keys, createTable, rejectsFile, lastWins);
    }

    public ImportRequest withMapping(Map<String, String> value) {
        return new ImportRequest(table, mode, value, types, keys, createTable, rejectsFile, lastWins);
    }

    public ImportRequest withTypes(Map<String, ColumnType> value) {
        return new ImportRequest(table, mode, mapping, value, keys, createTable, rejectsFile, lastWins);
    }

    public ImportRequest withKeys(List<String> value) {
        return new ImportRequest(table, mode, mapping, types, value, createTable, rejectsFile, lastWins);
    }

    public ImportRequest withCreateTable(boolean value) {
        return new ImportRequest(table, mode, mapping, types, keys, value, rejectsFile, lastWins);
    }

    public ImportRequest withRejectsFile(Path value) {
        return new ImportRequest(table, mode, mapping, types, keys, createTable, value, lastWins);
    }

    public ImportRequest withLastWins(boolean value) {
        return new ImportRequest(table, mode, mapping, types, keys, createTable, rejectsFile, value);
    }
}
