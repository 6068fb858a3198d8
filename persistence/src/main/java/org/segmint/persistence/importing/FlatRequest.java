package org.segmint.persistence.importing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.segmint.model.catalog.Catalog;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * A one-step import of a file of order lines into customers, orders and order items ({@link FlatImport}).
 *
 * @param mode         replace (the three tables hold the file's data afterwards) or upsert (customers of the file
 *                     are updated or added, orders and their lines with an order id of the file are replaced, the
 *                     others added)
 * @param destinations source column (as in the file) to where it goes: {@code customer_id} (keys customers and
 *                     lines), {@code customers.COLUMN}, {@code order_items.COLUMN}, or empty to skip it; a column
 *                     not named here is skipped. {@link FlatShape#destinations()} suggests them.
 * @param types        type overrides by source or target column name
 * @param rejectsFile  where rejected lines go, or null to only count them
 */
public record FlatRequest(ImportMode mode, Map<String, String> destinations, Map<String, ColumnType> types,
                          Path rejectsFile) {

    public FlatRequest {
        Objects.requireNonNull(mode, "mode");
        destinations = destinations == null ? Map.of() : new LinkedHashMap<>(destinations);
        types = types == null ? Map.of() : new LinkedHashMap<>(types);
    }

    public FlatRequest withRejectsFile(Path value) {
        return new FlatRequest(mode, destinations, types, value);
    }

    /**
     * The table and column of a destination: {@code customers.country}, {@code order_items.description}; the
     * customer id (written {@code customer_id} or with either table) is the lines' {@code customer_id}, which also
     * keys the customers.
     */
    static String[] split(String destination) {
        String d = destination.trim();
        int dot = d.indexOf('.');
        if (dot < 0) {
            if ("customer_id".equals(d)) {
                return new String[] {Catalog.ORDER_ITEMS, d};
            }
            throw new WorkspaceException("'" + d + "': say where it goes, customers." + d + " or order_items." + d);
        }
        String table = d.substring(0, dot);
        String column = d.substring(dot + 1);
        if ("customer_id".equals(column) && (Catalog.CUSTOMERS.equals(table) || Catalog.ORDER_ITEMS.equals(table))) {
            return new String[] {Catalog.ORDER_ITEMS, column};
        }
        if (!Catalog.CUSTOMERS.equals(table) && !Catalog.ORDER_ITEMS.equals(table)) {
            throw new WorkspaceException("'" + d + "': a one-step import writes customers.COLUMN or order_items.COLUMN"
                    + " (orders are derived from the lines)");
        }
        return new String[] {table, column};
    }
}
