package org.segmint.model.segment;

import java.util.Arrays;
import java.util.Optional;

/** What a purchase condition adds up. */
public enum Measure {
    ORDERS("orders"),
    UNITS("units"),
    REVENUE("revenue");

    private final String jsonName;

    Measure(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<Measure> fromJson(String name) {
        return Arrays.stream(values()).filter(m -> m.jsonName.equals(name)).findFirst();
    }
}
