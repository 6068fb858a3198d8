package org.segmint.app.models;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.segmint.app.editor.SegmentEditorView;
import org.segmint.app.shell.ReorderKeys;
import org.segmint.model.waterfall.ModelEntry;

/**
 * The Models page: saved models on the left; the chosen model's priority list in the middle, dragged to
 * reorder with counts recomputed at once, the leftovers row below it, and buttons to add or remove
 * segments, save and export.
 */
public final class ModelsView extends BorderPane {
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);

    private final PriorityListViewModel vm;
    private final SegmentEditorView.ErrorSink errors;
    private final ListView<PriorityRow> list = new ListView<>();
    private final Label title = new Label();
    private final Label leftovers = new Label();

    /** Builds or changes an inline segment (its name and definition); empty when the user cancelled. */
    @FunctionalInterface
    public interface InlineEditor {
        Optional<ModelEntry> edit(Window owner, ModelEntry existing);
    }

    private InlineEditor inlineEditor = (owner, existing) -> Optional.empty();

    /** @param onExport opens the export dialog for the shown model (null hides the button) */
    public ModelsView(PriorityListViewModel vm, SegmentEditorView.ErrorSink errors, Runnable onExport) {
        this(vm, errors, onExport, null);
    }

    /**
     * @param onExport     opens the export dialog for the shown model (null hides the button)
     * @param onRunOnSpark writes a Spark job for the shown model (null hides the button)
     */
    public ModelsView(PriorityListViewModel vm, SegmentEditorView.ErrorSink errors, Runnable onExport,
                      Runnable onRunOnSpark) {
        this.vm = vm;
        this.errors = errors;
        getStyleClass().add("sg-models");
        setLeft(modelList());
        list.setId("priority-list");
        list.setAccessibleText("Segments of the model in priority order; Alt+Up and Alt+Down move the chosen one");
        list.setItems(vm.rows());
        list.setCellFactory(v -> new PriorityCell(this::move, () -> vm.totalProperty().get()));
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setId("priority-placeholder");
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(this::emptyText,
                vm.modelProperty(), vm.modelNames()));
        list.setPlaceholder(placeholder);
        ReorderKeys.install(list, (from, to) -> run(() -> vm.step(from, to - from)),
                index -> run(() -> vm.remove(index)));
        list.setOnKeyPressed(e -> {
            int index = list.getSelectionModel().getSelectedIndex();
            if (e.getCode() == KeyCode.ENTER && index >= 0) {
                editInline(index);
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            int index = list.getSelectionModel().getSelectedIndex();
            if (e.getClickCount() == 2 && index >= 0) {
                editInline(index);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        title.getStyleClass().add("sg-page-title");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.computingProperty());
        Label dirty = new Label("unsaved changes");
        dirty.getStyleClass().add("sg-dirty");
        dirty.visibleProperty().bind(vm.dirtyProperty());
        Label error = new Label();
        error.getStyleClass().add("sg-problem");
        error.textProperty().bind(vm.errorProperty());
        Label modelWarning = new Label();
        modelWarning.getStyleClass().add("sg-warning");
        modelWarning.setWrapText(true);
        modelWarning.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.modelWarningsProperty().get().isEmpty() ? "" : "⚠ " + vm.modelWarningsProperty().get(),
                vm.modelWarningsProperty()));
        for (Label note : List.of(error, modelWarning)) {
            // Empty notes take no room above the list.
            note.managedProperty().bind(note.textProperty().isNotEmpty());
            note.visibleProperty().bind(note.textProperty().isNotEmpty());
        }
        leftovers.getStyleClass().add("sg-leftovers");
        leftovers.setId("leftovers-row");
        Button add = action("Add segment…", this::addSegment);
        Button addInline = action("Add inline segment…", this::addInline);
        addInline.setId("add-inline");
        addInline.setTooltip(new javafx.scene.control.Tooltip("A segment defined inside this model only"));
        Button remove = action("Remove", () -> {
            int index = list.getSelectionModel().getSelectedIndex();
            if (index >= 0) {
                vm.remove(index);
            }
        });
        Button save = action("Save", () -> run(vm::save));
        save.getStyleClass().add("sg-accent-button");
        save.disableProperty().bind(vm.dirtyProperty().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, title, busy, dirty, spacer, add, addInline, remove, save);
        if (onExport != null) {
            toolbar.getChildren().add(action("Export…", onExport));
        }
        if (onRunOnSpark != null) {
            Button spark = action("Run on Spark…", onRunOnSpark);
            spark.setId("model-run-on-spark");
            spark.setTooltip(new javafx.scene.control.Tooltip("Write a job that runs this model on a Spark cluster"));
            toolbar.getChildren().add(spark);
        }
        toolbar.getStyleClass().add("sg-editor-toolbar");
        for (Button b : List.of(add, addInline, remove)) {
            b.disableProperty().bind(vm.modelProperty().isNull());
        }
        Label explain = new Label("Each customer lands in the first segment they qualify for. Drag to change"
                + " the order, or select one and press Alt+Up / Alt+Down.");
        explain.getStyleClass().add("sg-hint");
        Button nameBucket = action("", this::nameLeftovers);
        nameBucket.setId("leftovers-name");
        nameBucket.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.modelProperty().get() != null && vm.modelProperty().get().leftovers() != null
                        ? "Rename bucket…" : "Name a leftovers bucket…", vm.modelProperty()));
        Button noBucket = action("No bucket", () -> run(() -> vm.setLeftovers("")));
        noBucket.setId("leftovers-remove");
        noBucket.setTooltip(new javafx.scene.control.Tooltip("Customers in no segment are not exported as a group"));
        noBucket.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() ->
                vm.modelProperty().get() == null || vm.modelProperty().get().leftovers() == null, vm.modelProperty()));
        Region leftoverSpace = new Region();
        HBox.setHgrow(leftoverSpace, Priority.ALWAYS);
        HBox leftoversRow = new HBox(8, leftovers, leftoverSpace, nameBucket, noBucket);
        leftoversRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        leftoversRow.visibleProperty().bind(vm.modelProperty().isNotNull());
        leftoversRow.managedProperty().bind(leftoversRow.visibleProperty());
        VBox center = new VBox(8, toolbar, explain, error, modelWarning, list, leftoversRow);
        center.setPadding(new Insets(12));
        setCenter(center);
        InvalidationListener update = o -> updateLeftovers();
        vm.leftoversProperty().addListener(update);
        vm.modelProperty().addListener(update);
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.modelProperty().get()
                != null ? vm.modelProperty().get().name() : vm.modelNames().isEmpty() ? "No models yet"
                : "No model chosen", vm.modelProperty(), vm.modelNames()));
        vm.refresh();
    }

    private VBox modelList() {
        ListView<String> models = new ListView<>(vm.modelNames());
        models.setId("model-list");
        models.getSelectionModel().selectedItemProperty().addListener((o, old, name) -> {
            if (name != null) {
                run(() -> vm.select(name));
            }
        });
        VBox.setVgrow(models, Priority.ALWAYS);
        Label heading = new Label("Models");
        heading.getStyleClass().add("sg-pane-title");
        Button create = action("New model…", () -> {
            TextInputDialog dialog = new TextInputDialog("New model");
            dialog.setHeaderText("Name of the new model");
            dialog.showAndWait().ifPresent(name -> run(() -> {
                vm.create(name);
                models.getSelectionModel().select(name.trim());
            }));
        });
        VBox box = new VBox(8, heading, models, create);
        box.setPadding(new Insets(12));
        box.setPrefWidth(220);
        box.getStyleClass().add("sg-palette");
        return box;
    }

    /** What the empty priority list says: create a model, choose one, or add segments to it. */
    private String emptyText() {
        if (vm.modelProperty().get() != null) {
            return "No segments in this model yet. Add saved segments (Add segment…) or ones defined here (Add"
                    + " inline segment…); each customer lands in the first one they match.";
        }
        if (vm.modelNames().isEmpty()) {
            return "No models yet. A model sends each customer to the first of its segments they match, so that"
                    + " nobody gets two messages. Create one with New model… on the left.";
        }
        return "Choose a model on the left to see its segments in priority order, or create one with New model….";
    }

    /** Sets what the view does to build or change an inline segment (the page opens the dialog). */
    public void setInlineEditor(InlineEditor editor) {
        inlineEditor = editor;
    }

    private void addInline() {
        inlineEditor.edit(getScene() == null ? null : getScene().getWindow(), null)
                .ifPresent(entry -> run(() -> vm.addInline(entry.name(), entry.definition())));
    }

    private void editInline(int index) {
        ModelEntry entry = vm.entry(index);
        if (!entry.isInline()) {
            return;
        }
        inlineEditor.edit(getScene() == null ? null : getScene().getWindow(), entry)
                .ifPresent(changed -> run(() -> vm.editInline(index, changed.name(), changed.definition())));
    }

    private void nameLeftovers() {
        String now = vm.modelProperty().get() == null ? null : vm.modelProperty().get().leftovers();
        TextInputDialog dialog = new TextInputDialog(now == null ? "Everyone else" : now);
        dialog.setTitle("Leftovers bucket");
        dialog.setHeaderText("Name the bucket of the customers in none of the model's segments (empty: no bucket)");
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.showAndWait().ifPresent(name -> run(() -> vm.setLeftovers(name)));
    }

    private void move(int from, int to) {
        vm.move(from, to);
        list.getSelectionModel().select(to);
    }

    private void addSegment() {
        List<String> names = vm.segmentNames();
        if (names.isEmpty()) {
            errors.show("No saved segments", new IllegalStateException("Save a segment first, then add it here."));
            return;
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(names.get(0), names);
        dialog.setHeaderText("Add a saved segment at the end of the list");
        dialog.showAndWait().ifPresent(name -> run(() -> vm.add(name)));
    }

    private void updateLeftovers() {
        if (vm.modelProperty().get() == null || vm.leftoversProperty().get() < 0) {
            leftovers.setText("");
            return;
        }
        String bucket = vm.modelProperty().get().leftovers();
        String count = COUNT.format(vm.leftoversProperty().get());
        leftovers.setText(bucket == null ? count + " customers are in no segment (no leftovers bucket)"
                : "Leftovers — " + bucket + ": " + count + " customers");
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            errors.show("Could not update the model", e);
        }
    }

    private static Button action(String text, Runnable action) {
        Button button = new Button(text);
        button.setOnAction(e -> action.run());
        return button;
    }

    public PriorityListViewModel viewModel() {
        return vm;
    }
}
