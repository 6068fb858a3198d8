package org.segmint.app.importer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.segmint.persistence.importing.ColumnType;

/**
 * One source column in the import dialog: where it goes (an empty target skips it), the type inferred from
 * the preview and the type the user chose (the same unless overridden), and a sample value.
 */
public final class ColumnMapping {
    private final String source;
    private final ColumnType inferred;
    private final String sample;
    private final StringProperty target = new SimpleStringProperty("");
    private final ObjectProperty<ColumnType> type = new SimpleObjectProperty<>();
    private String suggested;

    public ColumnMapping(String source, ColumnType inferred, String sample, String target) {
        this.source = source;
        this.inferred = inferred;
        this.sample = sample == null ? "" : sample;
        this.target.set(target == null ? "" : target);
        this.suggested = this.target.get();
        this.type.set(inferred);
    }

    /**
     * Takes a new suggestion (another table was chosen) unless the user changed the target: a target the user typed
     * stays.
     */
    void suggest(String newSuggestion) {
        String next = newSuggestion == null ? "" : newSuggestion;
        if (target().equals(suggested == null ? "" : suggested.trim())) {
            target.set(next);
        }
        suggested = next;
    }

    /** Sets the target and takes it as the suggestion (a one-step import's destinations). */
    void reset(String newTarget) {
        suggested = newTarget == null ? "" : newTarget;
        target.set(suggested);
    }

    public String source() {
        return source;
    }

    public ColumnType inferred() {
        return inferred;
    }

    public String sample() {
        return sample;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public ObjectProperty<ColumnType> typeProperty() {
        return type;
    }

    public String target() {
        return target.get() == null ? "" : target.get().trim();
    }

    public boolean skipped() {
        return target().isEmpty();
    }

    /** True when the user picked a type other than the inferred one. */
    public boolean overridden() {
        return type.get() != null && !type.get().equals(inferred);
    }
}
