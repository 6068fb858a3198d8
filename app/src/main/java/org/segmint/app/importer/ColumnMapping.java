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

    public ColumnMapping(String source, ColumnType inferred, String sample, String target) {
        this.source = source;
        this.inferred = inferred;
        this.sample = sample == null ? "" : sample;
        this.target.set(target == null ? "" : target);
        this.type.set(inferred);
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
