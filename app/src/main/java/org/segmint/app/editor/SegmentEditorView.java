package org.segmint.app.editor;

import org.segmint.app.dialogs.SqlDialog;
import org.segmint.app.task.BackgroundExecutor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.segmint.model.segment.SegmentStatus;

/**
 * The segment editor: the palette on the left, the definition in the middle with the live count above
 * it, and an optional side panel on the right (the insights). Ctrl+Z / Ctrl+Shift+Z undo and redo,
 * Ctrl+S saves.
 */
public final class SegmentEditorView extends BorderPane {
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO =
            new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final SegmentEditorViewModel vm;
    private final DefinitionView definitionView;
    private final ScrollPane definitionScroll = new ScrollPane();
    private final TextField nameField = new TextField();
    private final AttributePaletteViewModel palette;
    private final PaletteView paletteView;
    private final EditorKeys keys;
    private Runnable onHistory = () -> { };
    private final java.util.concurrent.atomic.AtomicReference<ListUploader> lists;
    private Runnable commitFields = () -> { };
    private final ErrorSink errors;
    /** The count, the level switch and the actions; the actions wrap below the count when the editor is narrow. */
    private final javafx.scene.layout.FlowPane countRow = new javafx.scene.layout.FlowPane(12, 8);
    private final VBox center = new VBox(10);
    private Runnable onSaved = () -> { };
    private Runnable onExport = () -> { };

    /** Where the view reports a failure the user must see (the shell's dialog service). */
    @FunctionalInterface
    public interface ErrorSink {
        void show(String title, Throwable error);
    }

    public SegmentEditorView(SegmentEditorViewModel vm, AttributePaletteViewModel palette, EditorChoices choices,
                             BackgroundExecutor executor, ErrorSink errors) {
        this.vm = vm;
        this.errors = errors;
        EditorContext context = new EditorContext(palette.catalog(), choices, executor);
        this.lists = context.lists();
        this.palette = palette;
        this.definitionView = new DefinitionView(vm, palette, context, this::askCondition);
        this.keys = new EditorKeys(vm, definitionScroll);
        getStyleClass().add("sg-editor");
        this.paletteView = new PaletteView(palette, key -> palette.conditionFor(key).ifPresent(vm::addToSelectedGroup));
        paletteView.setPrefWidth(250);
        setLeft(paletteView);
        definitionScroll.setFitToWidth(true);
        definitionScroll.getStyleClass().add("sg-definition-scroll");
        CountHeader countHeader = new CountHeader(vm.liveCount());
        countHeader.setMinWidth(Region.USE_PREF_SIZE);
        countRow.getChildren().setAll(countHeader, actions());
        countRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        countRow.prefWrapLengthProperty().bind(center.widthProperty().subtract(24));
        center.getChildren().setAll(header(), countRow, definitionScroll);
        center.setPadding(new Insets(12));
        VBox.setVgrow(definitionScroll, Priority.ALWAYS);
        center.setMinWidth(0);
        setCenter(center);
        vm.definitionProperty().addListener((obs, old, d) -> redraw());
        vm.liveCount().problems().addListener((MapChangeListener<List<Integer>, String>) c -> redraw());
        redraw();
        keys.install(this, () -> askCondition(vm.targetGroup()), this::focusSearch, () -> {
            nameField.requestFocus();
            nameField.selectAll();
        });
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (REDO.match(e)) {
                vm.redo();
                e.consume();
            } else if (UNDO.match(e)) {
                vm.undo();
                e.consume();
            } else if (SAVE.match(e)) {
                save();
                e.consume();
            }
        });
    }

    /** Runs after every successful save (the shell refreshes the segment list). */
    public void setOnSaved(Runnable action) {
        onSaved = action;
    }

    /** Offers "Upload…" beside the list of an "In uploaded list" condition. */
    public void setListUploader(ListUploader uploader) {
        lists.set(uploader);
        redraw();
    }

    /** What "History…" does (the page opens the segment's history). */
    public void setOnHistory(Runnable action) {
        onHistory = action;
    }

    /**
     * Puts a panel (the insights) with the definition, the two sharing the room with a divider the user can drag:
     * side by side when there is room for both (from {@value #SIDE_BY_SIDE} pixels), else the insights below the
     * definition, so that neither is ever cut off.
     */
    public void setSidePanel(Node panel) {
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(center, panel);
        split.setId("editor-split");
        split.getStyleClass().add("sg-editor-split");
        javafx.scene.control.SplitPane.setResizableWithParent(panel, true);
        split.widthProperty().addListener((o, old, w) -> {
            javafx.geometry.Orientation wanted = w.doubleValue() >= SIDE_BY_SIDE
                    ? javafx.geometry.Orientation.HORIZONTAL : javafx.geometry.Orientation.VERTICAL;
            if (split.getOrientation() != wanted || old.doubleValue() == 0) {
                split.setOrientation(wanted);
                split.setDividerPositions(wanted == javafx.geometry.Orientation.HORIZONTAL ? 0.42 : 0.6);
            }
        });
        setCenter(split);
    }

    /** The width from which the definition and the insights stand side by side. */
    private static final double SIDE_BY_SIDE = 1040;

    /** Puts a control right after the live count (the level switch). */
    public void addBesideCount(Node node) {
        countRow.getChildren().add(1, node);
    }

    /** What "Export…" does (the export dialog for the segment as edited). */
    public void setOnExport(Runnable action) {
        onExport = action;
    }

    public SegmentEditorViewModel viewModel() {
        return vm;
    }

    private void redraw() {
        double scroll = definitionScroll.getVvalue();
        java.util.Optional<EditorKeys.Memory> focus = keys.remember();
        definitionScroll.setContent(definitionView.render(vm.definitionProperty().get(), vm.liveCount().problems()));
        definitionScroll.setVvalue(scroll);
        keys.restore(focus);
    }

    /** Puts the cursor in the palette's search box (Ctrl+F). */
    public void focusSearch() {
        paletteView.focusSearch();
    }

    /** "+ Condition": asks which condition to add to the group at {@code groupPath}, and adds it there. */
    private void askCondition(List<Integer> groupPath) {
        String where = groupPath.isEmpty() ? "the top group" : "group " + ConditionNames.position(groupPath);
        ConditionPicker.ask(getScene() == null ? null : getScene().getWindow(), palette, where)
                .flatMap(palette::conditionFor).ifPresent(c -> {
                    vm.select(groupPath);
                    vm.addToSelectedGroup(c);
                    keys.focusSelected();
                });
    }

    private Node header() {
        TextField name = nameField;
        name.setText(vm.name());
        name.setAccessibleText("Segment name (F2)");
        name.setId("segment-name");
        name.getStyleClass().add("sg-segment-name");
        name.setPrefColumnCount(22);
        name.setOnAction(e -> vm.setName(name.getText().trim()));
        name.focusedProperty().addListener((o, was, is) -> {
            if (!is && !name.getText().trim().isEmpty()) {
                vm.setName(name.getText().trim());
            }
        });
        TextField folder = new TextField(vm.folder());
        folder.setPromptText("Folder");
        folder.setAccessibleText("Folder");
        folder.setPrefColumnCount(10);
        folder.setMinWidth(Region.USE_PREF_SIZE);
        folder.setOnAction(e -> vm.setFolder(folder.getText().trim()));
        folder.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.setFolder(folder.getText().trim());
            }
        });
        TextField description = new TextField(vm.description());
        description.setPromptText("Description: who is this audience and what is it for?");
        description.setAccessibleText("Description");
        description.setOnAction(e -> vm.setDescription(description.getText()));
        description.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.setDescription(description.getText());
            }
        });
        HBox statusBox = new HBox();
        Runnable refresh = () -> {
            name.setText(vm.name());
            folder.setText(vm.folder());
            description.setText(vm.description());
            Node status = Inputs.choice(Arrays.asList(SegmentStatus.values()), vm.status(),
                    SegmentStatus::jsonName, vm::setStatus);
            status.setAccessibleText("Status");
            statusBox.getChildren().setAll(status);
        };
        // Save (Ctrl+S) takes what is typed in these fields even before Enter or leaving them
        commitFields = () -> {
            if (!name.getText().trim().isEmpty()) {
                vm.setName(name.getText().trim());
            }
            vm.setFolder(folder.getText().trim());
            vm.setDescription(description.getText());
        };
        vm.editsProperty().addListener((o, old, s) -> refresh.run());
        refresh.run();

        statusBox.setMinWidth(Region.USE_PREF_SIZE);
        Label dirty = new Label("unsaved changes");
        dirty.getStyleClass().add("sg-dirty");
        dirty.setMinWidth(Region.USE_PREF_SIZE);
        dirty.visibleProperty().bind(vm.dirtyProperty());
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox top = new HBox(8, name, statusBox, folder, dirty);
        top.getStyleClass().add("sg-editor-toolbar");
        return new VBox(6, top, description);
    }

    /** Undo, redo, View SQL, Save As and Save, on the right of the live count. */
    private Node actions() {
        Button undo = button("", "undo-button", vm::undo);
        undo.setGraphic(org.segmint.app.shell.Icons.icon(org.kordamp.ikonli.feather.Feather.ROTATE_CCW, 14));
        undo.setAccessibleText("Undo");
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setTooltip(new Tooltip("Undo (Ctrl+Z)"));
        vm.undoLabelProperty().addListener((o, old, l) -> undo.setTooltip(new Tooltip("Undo " + l + " (Ctrl+Z)")));
        Button redo = button("", "redo-button", vm::redo);
        redo.setGraphic(org.segmint.app.shell.Icons.icon(org.kordamp.ikonli.feather.Feather.ROTATE_CW, 14));
        redo.setAccessibleText("Redo");
        redo.disableProperty().bind(vm.canRedoProperty().not());
        redo.setTooltip(new Tooltip("Redo (Ctrl+Shift+Z)"));
        Button save = button("Save", "save-button", this::save);
        save.getStyleClass().add("sg-accent-button");
        save.setTooltip(new Tooltip("Save (Ctrl+S)"));
        save.disableProperty().bind(vm.dirtyProperty().not().and(vm.savedNameProperty().isNotNull()));
        Button saveAs = button("Save As…", "save-as-button", this::saveAs);
        Button sql = button("View SQL", "view-sql-button", this::showSql);
        Button history = button("History…", "history-button", () -> onHistory.run());
        history.setTooltip(new Tooltip("Earlier saved versions: compare them, restore one"));
        history.disableProperty().bind(vm.savedNameProperty().isNull());
        Button export = button("Export…", "export-button", () -> onExport.run());
        export.setTooltip(new Tooltip("Export the members of this segment as it stands to CSV"));
        HBox box = new HBox(6, undo, redo, sql, history, export, saveAs, save);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        return box;
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    void save() {
        try {
            commitFields.run();
            vm.save();
            onSaved.run();
        } catch (RuntimeException e) {
            errors.show("Could not save the segment", e);
        }
    }

    void saveAs() {
        TextInputDialog dialog = new TextInputDialog(vm.name() + " copy");
        dialog.setTitle("Save As");
        dialog.setHeaderText("Save a copy of this segment under a new name");
        Optional<String> name = dialog.showAndWait();
        name.ifPresent(n -> {
            try {
                vm.saveAs(n);
                onSaved.run();
            } catch (RuntimeException e) {
                errors.show("Could not save the copy", e);
            }
        });
    }

    private void showSql() {
        try {
            SqlDialog.show("SQL of " + vm.name(), vm.viewSql());
        } catch (RuntimeException e) {
            errors.show("Could not build the SQL", e);
        }
    }

    /** Asks what to do with unsaved changes: Save, Don't save, or Cancel. */
    public static UnsavedChangesPrompt.Choice askUnsaved(String segmentName) {
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", saveButton, discard, ButtonType.CANCEL);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to \"" + segmentName + "\"?");
        alert.setContentText("Your changes are lost if you don't save them.");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == saveButton) {
            return UnsavedChangesPrompt.Choice.SAVE;
        }
        return answer == discard ? UnsavedChangesPrompt.Choice.DISCARD : UnsavedChangesPrompt.Choice.CANCEL;
    }
}
