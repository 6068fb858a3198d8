package org.segmint.app.groups;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import javafx.geometry.Pos;
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

/** One group of a cluster: rank, name, its size before and after de-duplication, and a bar; dragged to reorder. */
final class ClusterCell extends ListCell<ClusterRow> {
    static final DataFormat GROUP_INDEX = new DataFormat("application/x-segmint-cluster-group");
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);
    private static final double BAR = 220;

    private final LongSupplier largest;

    ClusterCell(BiConsumer<Integer, Integer> onMove, LongSupplier largest) {
        this.largest = largest;
        getStyleClass().add("sg-priority-cell");
        setOnDragDetected(e -> {
            if (getItem() == null) {
                return;
            }
            Dragboard board = startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(GROUP_INDEX, getIndex());
            board.setContent(content);
            e.consume();
        });
        setOnDragOver(e -> {
            if (e.getDragboard().hasContent(GROUP_INDEX) && getItem() != null) {
                e.acceptTransferModes(TransferMode.MOVE);
                e.consume();
            }
        });
        setOnDragEntered(e -> getStyleClass().add("sg-drop-target"));
        setOnDragExited(e -> getStyleClass().removeAll("sg-drop-target"));
        setOnDragDropped(e -> {
            Object from = e.getDragboard().getContent(GROUP_INDEX);
            if (from instanceof Integer index && getItem() != null) {
                onMove.accept(index, getIndex());
                e.setDropCompleted(true);
            }
            e.consume();
        });
    }

    @Override
    protected void updateItem(ClusterRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        Label handle = new Label("⠿");
        handle.getStyleClass().add("sg-drag-handle");
        Label rank = new Label(String.valueOf(getIndex() + 1));
        rank.getStyleClass().add("sg-rank");
        Label name = new Label(row.name());
        name.getStyleClass().add("sg-entry-name");
        Label counts = new Label(COUNT.format(row.assigned()) + " after de-duplication of " + COUNT.format(
                row.customers()) + (row.taken() > 0 ? " (" + COUNT.format(row.taken()) + " in groups above)" : ""));
        counts.getStyleClass().add("sg-entry-counts");
        counts.setId("cluster-counts-" + getIndex());
        VBox text = new VBox(2, name, counts);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(10, handle, rank, text, spacer, bar(row));
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("sg-priority-row");
        setText(null);
        setGraphic(line);
    }

    private StackPane bar(ClusterRow row) {
        double all = Math.max(1, largest.getAsLong());
        Region before = new Region();
        before.getStyleClass().add("sg-bar-qualifying");
        before.setMaxWidth(BAR * row.customers() / all);
        before.setPrefHeight(12);
        Region after = new Region();
        after.getStyleClass().add("sg-bar-assigned");
        after.setMaxWidth(BAR * row.assigned() / all);
        after.setPrefHeight(12);
        StackPane bar = new StackPane(before, after);
        StackPane.setAlignment(before, Pos.CENTER_LEFT);
        StackPane.setAlignment(after, Pos.CENTER_LEFT);
        bar.setPrefWidth(BAR);
        bar.setMaxHeight(12);
        bar.getStyleClass().add("sg-bar-track");
        return bar;
    }
}
