package org.segmint.model.segment;

import java.util.Arrays;
import java.util.Optional;

/** Lifecycle of a saved segment. */
public enum SegmentStatus {
    DRAFT("draft"),
    ACTIVE("active"),
    ARCHIVED("archived");

    private final String jsonName;

    SegmentStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<SegmentStatus> fromJson(String name) {
        return Arrays.stream(values()).filter(s -> s.jsonName.equals(name)).findFirst();
    }
}
