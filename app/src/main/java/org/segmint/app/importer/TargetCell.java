package org.segmint.app.importer;

import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;

/** The target of one column: an editable combo with the table's columns; empty skips the column. */
final class TargetCell extends TableCell<ColumnMapping, ColumnMapping> {
    private final ComboBox<String> combo;
    private ColumnMapping bound;

    TargetCell(ObservableList<String> columns) {
        combo = new ComboBox<>(columns);
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
        combo.valueProperty().bindBidirectional(item.targetProperty());
        combo.setId("target-" + item.source());
        setGraphic(combo);
    }
}
