package org.segmint.model.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every attribute of a workspace, by table, in a stable order. Identifiers used in SQL come only from
 * here, so a field name in a segment file can never inject SQL.
 */
public final class Catalog {
    /** The per-customer table of derived metrics. */
    public static final String METRICS = "metrics";
    public static final String CUSTOMERS = "customers";
    public static final String ORDERS = "orders";
    public static final String ORDER_ITEMS = "order_items";
    public static final String EVENTS = "events";

    private final Map<String, Field> byId = new LinkedHashMap<>();

    public Catalog(List<Field> fields) {
        for (Field f : fields) {
            byId.put(f.id(), f);
        }
    }

    public Optional<Field> field(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Field> field(String table, String column) {
        return field(table + "." + column);
    }

    public List<Field> fields() {
        return List.copyOf(byId.values());
    }

    public List<Field> fields(String table) {
        return byId.values().stream().filter(f -> f.table().equals(table)).toList();
    }

    /** Table names in catalog order. */
    public List<String> tables() {
        List<String> tables = new ArrayList<>();
        for (Field f : byId.values()) {
            if (!tables.contains(f.table())) {
                tables.add(f.table());
            }
        }
        return Collections.unmodifiableList(tables);
    }

    /** Orders, order items and events: tables with many rows per customer. */
    public static boolean hasManyRowsPerCustomer(String table) {
        return ORDERS.equals(table) || ORDER_ITEMS.equals(table) || EVENTS.equals(table);
    }

    public boolean hasTable(String table) {
        return byId.values().stream().anyMatch(f -> f.table().equals(table));
    }
}
