package org.segmint.model.catalog;

import java.util.Objects;

/**
 * One attribute the editor offers: a column of a workspace table with its type and a friendly label.
 * Its identifier in segment definitions is {@code table.column}.
 */
public record Field(String table, String column, FieldType type, String label) {

    public Field {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
        label = label == null || label.isBlank() ? defaultLabel(column) : label;
    }

    public String id() {
        return table + "." + column;
    }

    /** "loyalty_tier" becomes "Loyalty tier". */
    public static String defaultLabel(String column) {
        String words = column.replace('_', ' ').trim();
        if (words.isEmpty()) {
            return column;
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
