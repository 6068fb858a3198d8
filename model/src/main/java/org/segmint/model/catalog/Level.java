package org.segmint.model.catalog;

import java.util.Arrays;
import java.util.Optional;

/** What a count counts: customers, or the distinct households or accounts among them. */
public enum Level {
    CUSTOMERS("customers", null),
    HOUSEHOLDS("households", "household_id"),
    ACCOUNTS("accounts", "account_id");

    private final String jsonName;
    private final String column;

    Level(String jsonName, String column) {
        this.jsonName = jsonName;
        this.column = column;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The customers column holding the household or account id; null for customers. */
    public String column() {
        return column;
    }

    public static Optional<Level> fromJson(String name) {
        return Arrays.stream(values()).filter(l -> l.jsonName.equals(name)).findFirst();
    }
}
