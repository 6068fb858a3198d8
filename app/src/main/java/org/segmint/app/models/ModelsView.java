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
import org.segmint.app.editor.SegmentEditorView;

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
    private final Label title = new Label("Choose a model");
    private final Label leftovers = new Label();

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
        list.setItems(vm.rows());
        list.setCellFactory(v -> new PriorityCell(this::move, () -> vm.totalProperty().get()));
        list.setPlaceholder(new Label("Add saved segments to this model; customers land in the first one they"
                + " match."));
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
        HBox toolbar = new HBox(8, title, busy, dirty, spacer, add, remove, save);
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
        Label explain = new Label("Each customer lands in the first segment they qualify for. Drag to change"
                + " the order.");
        explain.getStyleClass().add("sg-hint");
        VBox center = new VBox(8, toolbar, explain, error, modelWarning, list, leftovers);
        center.setPadding(new Insets(12));
        center.disableProperty().bind(vm.modelProperty().isNull());
        setCenter(center);
        InvalidationListener update = o -> updateLeftovers();
        vm.leftoversProperty().addListener(update);
        vm.modelProperty().addListener(update);
        vm.modelProperty().addListener((o, old, m) -> title.setText(m == null ? "Choose a model" : m.name()));
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
