package org.segmint.app.groups;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.segmint.app.shell.DialogService;
import org.segmint.app.shell.ReorderKeys;
import org.segmint.app.shell.Styles;

/**
 * The Clusters tab: saved clusters on the left; the chosen cluster's groups in priority order, dragged to
 * reorder, with each group's count before and after de-duplication recomputed at once, and the totals.
 */
public final class ClusterView extends BorderPane {
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);

    private final ClusterViewModel vm;
    private final DialogService dialogs;
    private final ListView<ClusterRow> list = new ListView<>();

    public ClusterView(ClusterViewModel vm, DialogService dialogs, GroupsViewModel groups) {
        this.vm = vm;
        this.dialogs = dialogs;
        getStyleClass().add(Styles.PAGE);
        setLeft(clusterList());
        list.setId("cluster-list");
        list.setItems(vm.rows());
        list.setCellFactory(v -> new ClusterCell(this::move, () -> vm.rows().stream()
                .mapToLong(ClusterRow::customers).max().orElse(1)));
        list.setPlaceholder(new Label("Add groups to this cluster; each customer counts only in the first group"
                + " that holds them."));
        list.setAccessibleText("Groups of the cluster, highest priority first");
        ReorderKeys.install(list, vm::move, vm::remove);
        VBox.setVgrow(list, Priority.ALWAYS);
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE);
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.clusterProperty().get() == null
                ? "Choose or create a cluster" : vm.clusterProperty().get().name(), vm.clusterProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.computingProperty());
        Label dirty = new Label("unsaved changes");
        dirty.getStyleClass().add(Styles.WARNING_TEXT);
        dirty.visibleProperty().bind(vm.dirtyProperty());
        Button add = button("Add group…", "cluster-add", () -> {
            List<String> names = groups.rows().stream().map(GroupRow::name)
                    .filter(n -> vm.clusterProperty().get() != null && !vm.clusterProperty().get().groups().contains(n))
                    .toList();
            if (names.isEmpty()) {
                dialogs.showInfo("No group to add", "Every group is in this cluster already, or there are no groups.");
                return;
            }
            dialogs.choose("Add a group", "Add at the end (lowest priority)", names, names.get(0)).ifPresent(vm::add);
        });
        Button remove = button("Remove", "cluster-remove", () -> vm.remove(list.getSelectionModel()
                .getSelectedIndex()));
        Button save = button("Save", "cluster-save", vm::save);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.dirtyProperty().not());
        Button export = button("Export…", "cluster-export", () -> dialogs.chooseFileToSave("Export the cluster",
                vm.clusterProperty().get().name() + ".csv", "CSV files", List.of("*.csv")).ifPresent(file ->
                vm.export(file, rows -> dialogs.showInfo("Exported", String.format("%,d customers written to %s",
                        rows, file)))));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, title, busy, dirty, spacer, add, remove, save, export);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        Label totals = new Label();
        totals.setId("cluster-totals");
        totals.getStyleClass().add(Styles.SUBTITLE);
        totals.textProperty().bind(Bindings.createStringBinding(() -> vm.afterProperty().get() < 0 ? ""
                : String.format("%s memberships before de-duplication → %s customers after", COUNT.format(
                        vm.beforeProperty().get()), COUNT.format(vm.afterProperty().get())), vm.beforeProperty(),
                vm.afterProperty()));
        Label hint = new Label("Each customer counts only in the highest group that holds them. Drag to change the"
                + " order, or select one and press Alt+Up / Alt+Down.");
        hint.getStyleClass().add(Styles.MUTED);
        Label error = new Label();
        error.getStyleClass().add(Styles.ERROR_TEXT);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        VBox center = new VBox(8, toolbar, hint, error, list, totals);
        center.setPadding(new Insets(12));
        for (javafx.scene.Node n : List.of(add, remove, export)) {
            n.disableProperty().bind(vm.clusterProperty().isNull());
        }
        setCenter(center);
    }

    private VBox clusterList() {
        ListView<String> clusters = new ListView<>(vm.clusterNames());
        clusters.setId("cluster-names");
        clusters.getSelectionModel().selectedItemProperty().addListener((o, old, name) -> {
            if (name != null) {
                vm.select(name);
            }
        });
        clusters.setPlaceholder(new Label("No clusters yet"));
        VBox.setVgrow(clusters, Priority.ALWAYS);
        Label heading = new Label("Clusters");
        heading.getStyleClass().add(Styles.SUBTITLE);
        Button create = button("New cluster…", "cluster-new", () -> dialogs.prompt("New cluster", "Name of the"
                + " cluster", "New cluster").ifPresent(vm::create));
        VBox box = new VBox(8, heading, clusters, create);
        box.setPadding(new Insets(12));
        box.setPrefWidth(220);
        return box;
    }

    private void move(int from, int to) {
        vm.move(from, to);
        list.getSelectionModel().select(to);
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
