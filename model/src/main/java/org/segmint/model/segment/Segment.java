package org.segmint.model.segment;

import java.util.Map;
import java.util.Objects;

/**
 * A named audience definition as the user saves it. {@code extra} keeps unknown top-level fields of a
 * segment file (as JSON text by name) so that a round trip loses nothing.
 */
public record Segment(String name, String description, String folder, SegmentStatus status, Condition definition,
                      Map<String, String> extra) {

    public Segment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        description = description == null ? "" : description;
        folder = folder == null ? "" : folder;
        status = status == null ? SegmentStatus.DRAFT : status;
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static Segment of(String name, Condition definition) {
        return new Segment(name, "", "", SegmentStatus.DRAFT, definition, Map.of());
    }

    public Segment withName(String newName) {
        return new Segment(newName, description, folder, status, definition, extra);
    }

    public Segment withDefinition(Condition newDefinition) {
        return new Segment(name, description, folder, status, newDefinition, extra);
    }
}
