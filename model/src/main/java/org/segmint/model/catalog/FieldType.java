package org.segmint.model.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The type of an attribute. In the workspace, dates are stored as INTEGER days since 1970-01-01,
 * datetimes as INTEGER seconds since 1970-01-01T00:00 in the workspace's time (no zone), booleans as
 * INTEGER 0/1, decimals as REAL.
 */
public enum FieldType {
    TEXT("text"),
    INTEGER("integer"),
    DECIMAL("decimal"),
    DATE("date"),
    DATETIME("datetime"),
    BOOLEAN("boolean");

    private final String jsonName;

    FieldType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    public boolean isTemporal() {
        return this == DATE || this == DATETIME;
    }

    /** The SQLite column type used to store values of this type. */
    public String sqlType() {
        switch (this) {
            case TEXT:
                return "TEXT";
            case DECIMAL:
                return "REAL";
            default:
                return "INTEGER";
        }
    }

    public static Optional<FieldType> fromJson(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equalsIgnoreCase(name)).findFirst();
    }
}
