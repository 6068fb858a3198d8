package org.segmint.app.importer;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.util.StringConverter;
import org.segmint.persistence.importing.ColumnType;

/** The type a column is read as: the inferred type first, any other to override it. */
final class TypeCell extends TableCell<ColumnMapping, ColumnMapping> {
    private final ComboBox<ColumnType> combo = new ComboBox<>();
    private ColumnMapping bound;

    TypeCell() {
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(ColumnType t) {
                if (t == null) {
                    return "";
                }
                String label = CsvChoices.typeLabel(t);
                return bound != null && t.equals(bound.inferred()) ? label + " ✓" : label;
            }

            @Override
            public ColumnType fromString(String s) {
                return null;
            }
        });
    }

    @Override
    protected void updateItem(ColumnMapping item, boolean empty) {
        super.updateItem(item, empty);
        if (bound != null) {
            combo.valueProperty().unbindBidirectional(bound.typeProperty());
            bound = null;
        }
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        bound = item;
        var types = new java.util.ArrayList<>(CsvChoices.types());
        if (item.inferred() != null && !types.contains(item.inferred())) {
            types.add(0, item.inferred());
        }
        combo.getItems().setAll(types);
        combo.valueProperty().bindBidirectional(item.typeProperty());
        setGraphic(combo);
    }
}
