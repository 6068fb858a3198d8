package org.segmint.model.waterfall;

import java.util.Objects;
import org.segmint.model.segment.Condition;

/**
 * One entry of a priority model: a saved segment by name ({@code definition} null) or an inline
 * segment with its own definition.
 */
public record ModelEntry(String name, Condition definition) {

    public ModelEntry {
        Objects.requireNonNull(name, "name");
    }

    public static ModelEntry saved(String name) {
        return new ModelEntry(name, null);
    }

    public static ModelEntry inline(String name, Condition definition) {
        return new ModelEntry(name, Objects.requireNonNull(definition, "definition"));
    }

    public boolean isInline() {
        return definition != null;
    }
}
