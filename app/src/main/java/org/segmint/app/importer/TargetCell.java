package org.segmint.app.importer;

import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;

/** The target of one column: an editable combo with the table's columns; empty skips the column. */
final class TargetCell extends TableCell<ColumnMapping, ColumnMapping> {
    private final ComboBox<String> combo;
    private final ObservableList<String> columns;
    private ColumnMapping bound;

    /**
     * The combo gets its own copy of the table's columns, filled before binding: a combo whose shared item
     * list changes clears its value, which would wipe the mapping when the user picks another table.
     */
    TargetCell(ObservableList<String> columns) {
        this.columns = columns;
        combo = new ComboBox<>();
        combo.setEditable(true);
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setPromptText("skip");
    }

    @Override
    protected void updateItem(ColumnMapping item, boolean empty) {
        super.updateItem(item, empty);
        if (bound != null) {
            combo.valueProperty().unbindBidirectional(bound.targetProperty());
            bound = null;
        }
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        bound = item;
        combo.getItems().setAll(columns);
        combo.setValue(item.target());
        combo.valueProperty().bindBidirectional(item.targetProperty());
        combo.setId("target-" + item.source());
        setGraphic(combo);
    }
}
