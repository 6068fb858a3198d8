package org.segmint.app.segments;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.segmint.app.shell.Icons;
import org.segmint.app.shell.Styles;

/** The Segments page's nodes: header with search and folder filter, the segments table, an empty state. */
public final class SegmentsView extends VBox {
    private final SegmentsViewModel model;
    private final TableView<SegmentRow> table = new TableView<>();
    private final TextField search = new TextField();
    private final Consumer<SegmentRow> exportMembers;
    private final Consumer<SegmentRow> runOnSpark;
    private final SegmentIconMenu icons;

    public SegmentsView(SegmentsViewModel model, Consumer<SegmentRow> exportMembers) {
        this(model, exportMembers, null, null);
    }

    /**
     * @param runOnSpark   writes a Spark job for a segment (null hides the menu item)
     * @param sparkResults opens a finished Spark job's results (null hides the button)
     */
    public SegmentsView(SegmentsViewModel model, Consumer<SegmentRow> exportMembers, Consumer<SegmentRow> runOnSpark,
                        Runnable sparkResults) {
        this.model = model;
        this.exportMembers = exportMembers;
        this.runOnSpark = runOnSpark;
        this.icons = new SegmentIconMenu(model);
        getStyleClass().add(Styles.PAGE);
        setId("segments-page");

        Label title = new Label("Segments");
        title.getStyleClass().add(Styles.TITLE);
        Label count = new Label();
        count.getStyleClass().add(Styles.MUTED);
        count.textProperty().bind(model.summaryProperty());
        count.visibleProperty().bind(model.emptyProperty().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button importButton = new Button("Import…", Icons.icon(Icons.IMPORT, 14));
        importButton.setTooltip(new Tooltip("Import segment files (JSON)"));
        importButton.setOnAction(e -> model.importFiles());
        Button create = new Button("New segment", Icons.icon(Icons.PLUS, 14));
        create.setId("new-segment");
        create.getStyleClass().add(Styles.ACCENT);
        create.setTooltip(new Tooltip("Build a new segment (Ctrl+N)"));
        create.setOnAction(e -> model.newSegment());
        HBox header = new HBox(12, title, count, spacer, importButton, create);
        if (sparkResults != null) {
            Button results = new Button("Spark results…");
            results.setId("spark-results");
            results.setTooltip(new Tooltip("Open a finished Spark job and see its answers beside this computer's"));
            results.setOnAction(e -> sparkResults.run());
            header.getChildren().add(header.getChildren().indexOf(importButton), results);
        }
        header.getStyleClass().add(Styles.PAGE_HEADER);

        getChildren().addAll(header, toolbar());
        StackPane body = new StackPane(buildTable(), emptyState());
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().add(body);
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public TableView<SegmentRow> table() {
        return table;
    }

    private HBox toolbar() {
        search.setId("segment-search");
        search.setPromptText("Search segments");
        search.getStyleClass().add(Styles.SEARCH);
        search.textProperty().bindBidirectional(model.filterTextProperty());
        ComboBox<String> folder = new ComboBox<>(model.folders());
        folder.setId("segment-folder");
        folder.valueProperty().bindBidirectional(model.folderProperty());
        folder.setPrefWidth(180);

        Button open = selectionButton("Open", "segment-open", () -> model.open(selected()));
        Button copy = selectionButton("Copy…", "segment-copy", () -> model.copy(selected()));
        Button rename = selectionButton("Rename…", "segment-rename", () -> model.rename(selected()));
        Button move = selectionButton("Move…", "segment-move", () -> model.move(selected()));
        Button delete = selectionButton("Delete…", "segment-delete", () -> model.delete(selected()));
        delete.getStyleClass().add(Styles.DANGER);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, Icons.icon(Icons.SEARCH, 14), search, folder, spacer, open, copy, rename, move, delete);
        bar.getStyleClass().add(Styles.TOOLBAR);
        bar.visibleProperty().bind(model.emptyProperty().not());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Button selectionButton(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.disableProperty().bind(model.selectedProperty().isNull());
        b.setOnAction(e -> action.run());
        return b;
    }

    private SegmentRow selected() {
        return model.selectedProperty().get();
    }

    private TableView<SegmentRow> buildTable() {
        table.setId("segments-table");
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SegmentColumns columns = new SegmentColumns(model, icons);
        table.getColumns().setAll(columns.all());
        table.getSortOrder().add(columns.nameColumn());
        // the view model sorts (pinned rows stay on top); the table only reports the user's choice
        table.setSortPolicy(t -> {
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<SegmentRow, ?> c = t.getSortOrder().get(0);
                model.sortBy(columns.keyOf(c), c.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> model.selectedProperty().set(row));
        model.selectedProperty().addListener((o, a, row) -> {
            if (table.getSelectionModel().getSelectedItem() != row) {
                if (row == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(row);
                }
            }
        });
        table.setRowFactory(t -> {
            TableRow<SegmentRow> row = new TableRow<>() {
                @Override
                protected void updateItem(SegmentRow item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove(Styles.PINNED_ROW);
                    if (!empty && item != null && item.pinned()) {
                        getStyleClass().add(Styles.PINNED_ROW);
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null)
                    .otherwise(contextMenu(row)));
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(selected());
            } else if (e.getCode() == KeyCode.DELETE) {
                model.delete(selected());
            } else if (e.getCode() == KeyCode.F2) {
                model.rename(selected());
            }
        });
        Label noMatch = new Label("No segment matches the search or folder.");
        noMatch.getStyleClass().add(Styles.MUTED);
        table.setPlaceholder(noMatch);
        table.visibleProperty().bind(model.emptyProperty().not());
        return table;
    }

    private ContextMenu contextMenu(TableRow<SegmentRow> row) {
        MenuItem open = new MenuItem("Open");
        open.setOnAction(e -> model.open(row.getItem()));
        MenuItem copy = new MenuItem("Copy…");
        copy.setOnAction(e -> model.copy(row.getItem()));
        MenuItem rename = new MenuItem("Rename…");
        rename.setOnAction(e -> model.rename(row.getItem()));
        MenuItem move = new MenuItem("Move to folder…");
        move.setOnAction(e -> model.move(row.getItem()));
        MenuItem pin = new MenuItem();
        pin.textProperty().bind(Bindings.createStringBinding(() -> row.getItem() != null && row.getItem().pinned()
                ? "Unpin from recommended" : "Pin as recommended", row.itemProperty()));
        pin.setOnAction(e -> model.togglePin(row.getItem()));
        Menu icon = icons.submenu(row::getItem);
        icon.disableProperty().bind(Bindings.createBooleanBinding(() -> row.getItem() == null
                || !row.getItem().pinned(), row.itemProperty()));
        MenuItem exportFile = new MenuItem("Export segment file…");
        exportFile.setOnAction(e -> model.exportFile(row.getItem()));
        MenuItem exportMembersItem = new MenuItem("Export customers to CSV…");
        exportMembersItem.setOnAction(e -> exportMembers.accept(row.getItem()));
        MenuItem delete = new MenuItem("Delete…");
        delete.setOnAction(e -> model.delete(row.getItem()));
        ContextMenu menu = new ContextMenu(open, copy, rename, move, pin, icon, new SeparatorMenuItem(), exportFile,
                exportMembersItem, new SeparatorMenuItem(), delete);
        if (runOnSpark != null) {
            MenuItem spark = new MenuItem("Run on Spark…");
            spark.setOnAction(e -> runOnSpark.accept(row.getItem()));
            menu.getItems().add(menu.getItems().indexOf(exportMembersItem) + 1, spark);
        }
        return menu;
    }

    private Node emptyState() {
        Label title = new Label("No segments yet");
        title.getStyleClass().add(Styles.TITLE);
        Label text = new Label("A segment is a group of customers described by conditions, such as \"bought"
                + " twice in the last 90 days\". Create one to see at once how many customers match and what they"
                + " are worth, or import segment files someone shared with you.");
        text.getStyleClass().add(Styles.MUTED);
        text.setWrapText(true);
        text.setMaxWidth(520);
        text.setAlignment(Pos.CENTER);
        Button create = new Button("Create your first segment", Icons.icon(Icons.PLUS, 14));
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> model.newSegment());
        Button importButton = new Button("Import segment files…", Icons.icon(Icons.IMPORT, 14));
        importButton.setOnAction(e -> model.importFiles());
        HBox buttons = new HBox(10, create, importButton);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(12, Icons.icon(Icons.SEGMENTS, 48), title, text, buttons);
        box.getStyleClass().add(Styles.EMPTY_STATE);
        box.setId("segments-empty");
        box.visibleProperty().bind(model.emptyProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
