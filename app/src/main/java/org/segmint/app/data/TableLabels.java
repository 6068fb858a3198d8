package org.segmint.app.data;

import java.util.Map;
import org.segmint.model.catalog.Field;

/** Friendly names of the standard tables; other tables get their name in words. */
final class TableLabels {
    private static final Map<String, String> LABELS = Map.of(
            "customers", "Customers",
            "metrics", "Customer metrics (derived)",
            "orders", "Orders",
            "order_items", "Order items",
            "events", "Events");

    private TableLabels() {
    }

    static String label(String table) {
        return LABELS.getOrDefault(table, Field.defaultLabel(table));
    }
}
