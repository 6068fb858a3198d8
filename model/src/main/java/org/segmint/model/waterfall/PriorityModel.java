package org.segmint.model.waterfall;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A segmentation model: an ordered list of segments where each customer lands in the first entry whose
 * definition it matches, and an optional leftovers bucket for everyone else.
 *
 * @param leftovers name of the leftovers bucket, or null for none
 * @param extra     unknown top-level fields of a model file (JSON text by name), kept for round trips
 */
public record PriorityModel(String name, List<ModelEntry> entries, String leftovers, Map<String, String> extra) {

    public PriorityModel {
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(entries);
        if (leftovers != null && leftovers.isBlank()) {
            leftovers = null;
        }
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public PriorityModel withEntries(List<ModelEntry> newEntries) {
        return new PriorityModel(name, newEntries, leftovers, extra);
    }
}
