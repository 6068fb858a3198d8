package org.segmint.app.models;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One entry of the priority list: rank, name, a bar of assigned against qualifying, counts and warning. */
final class PriorityCell extends ListCell<PriorityRow> {
    static final DataFormat ENTRY_INDEX = new DataFormat("application/x-segmint-model-entry");
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);

    private final LongSupplier total;

    PriorityCell(BiConsumer<Integer, Integer> onMove, LongSupplier total) {
        this.total = total;
        getStyleClass().add("sg-priority-cell");
        setOnDragDetected(e -> {
            if (getItem() == null) {
                return;
            }
            Dragboard board = startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(ENTRY_INDEX, getIndex());
            board.setContent(content);
            e.consume();
        });
        setOnDragOver(e -> {
            if (e.getDragboard().hasContent(ENTRY_INDEX) && getItem() != null) {
                e.acceptTransferModes(TransferMode.MOVE);
                e.consume();
            }
        });
        setOnDragEntered(e -> getStyleClass().add("sg-drop-target"));
        setOnDragExited(e -> getStyleClass().removeAll("sg-drop-target"));
        setOnDragDropped(e -> {
            Object from = e.getDragboard().getContent(ENTRY_INDEX);
            if (from instanceof Integer index && getItem() != null) {
                onMove.accept(index, getIndex());
                e.setDropCompleted(true);
            }
            e.consume();
        });
    }

    @Override
    protected void updateItem(PriorityRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        Label rank = new Label(String.valueOf(getIndex() + 1));
        rank.getStyleClass().add("sg-rank");
        Label handle = new Label("⠿");
        handle.getStyleClass().add("sg-drag-handle");
        Label name = new Label(row.name());
        name.getStyleClass().add("sg-entry-name");
        if (row.inline()) {
            Label tag = new Label("inline");
            tag.getStyleClass().add("sg-type-chip");
            tag.setTooltip(new javafx.scene.control.Tooltip("Defined in this model; double-click or Enter to edit"));
            name.setGraphic(tag);
            name.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        }
        setAccessibleText((getIndex() + 1) + ". " + row.name() + (row.inline() ? " (inline)" : "") + ", "
                + COUNT.format(row.assigned()) + " assigned of " + COUNT.format(row.qualifying()) + " qualifying");
        Label counts = new Label(COUNT.format(row.assigned()) + " assigned of " + COUNT.format(row.qualifying())
                + " qualifying");
        counts.getStyleClass().add("sg-entry-counts");
        counts.setId("assigned-" + getIndex());
        VBox text = new VBox(2, name, counts);
        if (!row.takenBy().isEmpty()) {
            Label taken = new Label("taken earlier: " + takenText(row.takenBy()));
            taken.getStyleClass().add("sg-entry-taken");
            text.getChildren().add(taken);
        }
        if (!row.warning().isEmpty()) {
            Label warning = new Label("⚠ " + row.warning());
            warning.getStyleClass().add("sg-warning");
            warning.setWrapText(true);
            text.getChildren().add(warning);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(10, handle, rank, text, spacer, bar(row));
        line.getStyleClass().add("sg-priority-row");
        setText(null);
        setGraphic(line);
    }

    private StackPane bar(PriorityRow row) {
        double all = Math.max(1, total.getAsLong());
        Region qualifying = new Region();
        qualifying.getStyleClass().add("sg-bar-qualifying");
        qualifying.setMaxWidth(220 * row.qualifying() / all);
        qualifying.setPrefHeight(12);
        Region assigned = new Region();
        assigned.getStyleClass().add("sg-bar-assigned");
        assigned.setMaxWidth(220 * row.assigned() / all);
        assigned.setPrefHeight(12);
        StackPane bar = new StackPane(qualifying, assigned);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        StackPane.setAlignment(qualifying, javafx.geometry.Pos.CENTER_LEFT);
        StackPane.setAlignment(assigned, javafx.geometry.Pos.CENTER_LEFT);
        bar.setPrefWidth(220);
        bar.setMaxHeight(12);
        bar.getStyleClass().add("sg-bar-track");
        return bar;
    }

    private static String takenText(Map<String, Long> takenBy) {
        StringBuilder sb = new StringBuilder();
        takenBy.forEach((name, n) -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(COUNT.format(n)).append(" by ").append(name);
        });
        return sb.toString();
    }
}
