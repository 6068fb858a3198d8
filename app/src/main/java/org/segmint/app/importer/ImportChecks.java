package org.segmint.app.importer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.segmint.model.catalog.Catalog;
import org.segmint.persistence.importing.ImportMode;
import org.segmint.persistence.workspace.Identifiers;

/**
 * The checks of a one-table import the dialog makes before Import, in its own words (the importer makes them again,
 * in those of the command line). One-step imports are checked by {@code ImportPlan.checkFlat} itself.
 */
final class ImportChecks {
    private ImportChecks() {
    }

    /** The first reason the import cannot start, or empty. */
    static String firstProblem(List<ColumnMapping> mappings, String table, List<String> tables, ImportMode mode,
                               List<String> keys) {
        String t = table == null ? "" : table.trim();
        if (t.isEmpty()) {
            return "Choose the table to import into.";
        }
        if (!tables.contains(t) && !Identifiers.isValid(t)) {
            return "'" + t + "' is not a valid table name: use lower-case letters, digits and _.";
        }
        Set<String> targets = new HashSet<>();
        for (ColumnMapping m : mappings) {
            if (m.skipped()) {
                continue;
            }
            if (!Identifiers.isValid(m.target()) || "ck".equals(m.target())) {
                return "Column " + m.source() + ": '" + m.target() + "' is not a valid name (use a-z, 0-9 and _).";
            }
            if (!targets.add(m.target())) {
                return "Two columns are mapped to " + m.target() + "; skip one or rename it.";
            }
        }
        if (targets.isEmpty()) {
            return "Every column is skipped; map at least one.";
        }
        for (String required : requiredColumns(t)) {
            if (!targets.contains(required)) {
                return "Map a column to " + required + " (required for " + t + ").";
            }
        }
        if (mode == ImportMode.UPSERT && !isCustomerKeyed(t)) {
            if (keys.isEmpty()) {
                return "Upsert into " + t + " needs key columns (for example order_id).";
            }
            for (String k : keys) {
                if (!targets.contains(k)) {
                    return "Key " + k + " is not one of the imported columns.";
                }
            }
        }
        return "";
    }

    /** Customers and any other table of customer attributes: one row per customer. */
    static boolean isCustomerKeyed(String table) {
        return !Catalog.ORDERS.equals(table) && !Catalog.ORDER_ITEMS.equals(table) && !Catalog.EVENTS.equals(table);
    }

    static List<String> requiredColumns(String table) {
        switch (table) {
            case Catalog.EVENTS:
                return List.of("event_type", "event_time");
            case Catalog.ORDERS:
                return List.of("order_date");
            case Catalog.ORDER_ITEMS:
                return List.of();
            default:
                return List.of("customer_id");
        }
    }
}
