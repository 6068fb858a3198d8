package org.segmint.app.segments;

import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Side;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import org.segmint.app.shell.Formats;
import org.segmint.app.shell.Icons;
import org.segmint.app.shell.Styles;
import org.segmint.model.segment.SegmentStatus;

/** The columns of the segments table, each with the cell that draws it. */
final class SegmentColumns {
    private final SegmentsViewModel model;
    private final TableColumn<SegmentRow, SegmentRow> pin = column("", 34, false);
    private final TableColumn<SegmentRow, SegmentRow> name = column("Name", 260, true);
    private final TableColumn<SegmentRow, SegmentRow> status = column("Status", 100, true);
    private final TableColumn<SegmentRow, SegmentRow> customers = column("Customers", 170, true);
    private final TableColumn<SegmentRow, SegmentRow> updated = column("Last updated", 140, true);
    private final TableColumn<SegmentRow, SegmentRow> folder = column("Folder", 130, true);
    private final TableColumn<SegmentRow, SegmentRow> usedIn = column("Used in", 200, false);
    private final Map<TableColumn<SegmentRow, ?>, SortKey> keys;

    SegmentColumns(SegmentsViewModel model, SegmentIconMenu icons) {
        this.model = model;
        keys = Map.of(name, SortKey.NAME, status, SortKey.STATUS, customers, SortKey.CUSTOMERS, updated,
                SortKey.UPDATED, folder, SortKey.FOLDER);
        pin.setMaxWidth(34);
        pin.setMinWidth(34);
        pin.setResizable(false);
        pin.setCellFactory(c -> cell((cell, row) -> {
            cell.setText(null);
            if (row.pinned()) {
                Node icon = Icons.icon(Icons.of(row.icon()), 15);
                icon.getStyleClass().add(Styles.PIN);
                icon.setCursor(Cursor.HAND);
                icon.setOnMouseClicked(e -> {
                    icons.popup(row).show(icon, Side.RIGHT, 0, 0);
                    e.consume();
                });
                cell.setGraphic(icon);
                cell.setTooltip(new Tooltip("Recommended: pinned on top. Click to choose its icon."));
            }
        }));
        name.setCellFactory(c -> cell((cell, row) -> {
            cell.setText(row.name());
            if (!row.description().isEmpty()) {
                cell.setTooltip(new Tooltip(row.description()));
            }
        }));
        status.setCellFactory(c -> cell((cell, row) -> {
            Label badge = new Label(row.status().jsonName());
            badge.getStyleClass().addAll(Styles.BADGE, statusClass(row.status()));
            cell.setGraphic(badge);
            cell.setText(null);
        }));
        customers.setCellFactory(c -> cell((cell, row) -> {
            String problem = model.countProblem(row.name());
            if (row.lastCount() == null && problem != null) {
                cell.setText("needs fixing");
                cell.getStyleClass().add(Styles.WARNING_TEXT);
                cell.setTooltip(new Tooltip(problem));
            } else if (row.lastCount() == null) {
                cell.setText(model.countingProperty().get() ? "counting…" : "not counted yet");
                cell.getStyleClass().add(Styles.MUTED);
            } else {
                cell.setText(Formats.count(row.lastCount()) + "  ·  " + Formats.ago(row.lastCountedAt(), model.now()));
                cell.setTooltip(new Tooltip("Counted " + Formats.dateTime(row.lastCountedAt())));
            }
        }));
        updated.setCellFactory(c -> cell((cell, row) -> {
            cell.setText(Formats.ago(row.updatedAt(), model.now()));
            cell.setTooltip(new Tooltip(Formats.dateTime(row.updatedAt())));
        }));
        folder.setCellFactory(c -> cell((cell, row) -> cell.setText(row.folder())));
        usedIn.setCellFactory(c -> cell((cell, row) -> {
            cell.setText(row.usedIn().isEmpty() ? "—" : row.usedInText());
            if (!row.usedIn().isEmpty()) {
                cell.setTooltip(new Tooltip(row.usedInText()));
            }
        }));
    }

    List<TableColumn<SegmentRow, ?>> all() {
        return List.of(pin, name, status, customers, updated, folder, usedIn);
    }

    TableColumn<SegmentRow, ?> nameColumn() {
        return name;
    }

    SortKey keyOf(TableColumn<SegmentRow, ?> column) {
        return keys.getOrDefault(column, SortKey.NAME);
    }

    private static String statusClass(SegmentStatus s) {
        switch (s) {
            case ACTIVE:
                return Styles.STATUS_ACTIVE;
            case ARCHIVED:
                return Styles.STATUS_ARCHIVED;
            default:
                return Styles.STATUS_DRAFT;
        }
    }

    private static TableColumn<SegmentRow, SegmentRow> column(String title, double width, boolean sortable) {
        TableColumn<SegmentRow, SegmentRow> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(v.getValue()));
        c.setPrefWidth(width);
        c.setSortable(sortable);
        return c;
    }

    /** Fills a cell for a row; the cell is reset first. */
    private interface Filler {
        void fill(TableCell<SegmentRow, SegmentRow> cell, SegmentRow row);
    }

    private static TableCell<SegmentRow, SegmentRow> cell(Filler filler) {
        return new TableCell<>() {
            @Override
            protected void updateItem(SegmentRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                setGraphic(null);
                setTooltip(null);
                getStyleClass().removeAll(Styles.MUTED, Styles.WARNING_TEXT);
                if (!empty && row != null) {
                    filler.fill(this, row);
                }
            }
        };
    }
}
