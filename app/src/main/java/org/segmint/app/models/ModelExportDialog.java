package org.segmint.app.models;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.segmint.app.shell.DialogService;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.app.task.Tasks;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.waterfall.WaterfallResult;
import org.segmint.persistence.waterfall.ModelExport;
import org.segmint.persistence.workspace.Workspace;

/** Exports the shown model's assignment: a folder and the customer columns, one CSV per segment. */
final class ModelExportDialog {
    private ModelExportDialog() {
    }

    static void show(PriorityListViewModel vm, WorkspaceSession session, BackgroundExecutor executor,
                     DialogService dialogs) {
        WaterfallResult result = vm.result();
        if (result == null || vm.modelProperty().get() == null) {
            dialogs.showInfo("Nothing to export", "Choose a model with segments first.");
            return;
        }
        Catalog catalog = session.read(Workspace::catalog);
        List<Field> fields = catalog.fields().stream()
                .filter(f -> f.table().equals(Catalog.CUSTOMERS) || f.table().equals(Catalog.METRICS))
                .filter(f -> !f.column().equals("ck")).toList();
        ListView<Field> columns = new ListView<>();
        columns.getItems().setAll(fields);
        columns.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        columns.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Field f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.label() + "  (" + f.id() + ")");
            }
        });
        fields.stream().filter(f -> f.id().equals("customers.customer_id") || f.id().equals("customers.email"))
                .forEach(f -> columns.getSelectionModel().select(f));
        columns.setPrefHeight(260);
        TextField folder = new TextField(new File(System.getProperty("user.home"),
                vm.modelProperty().get().name().replaceAll("[^A-Za-z0-9 _-]", "") + " export").getPath());
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Export folder");
            File chosen = chooser.showDialog(browse.getScene().getWindow());
            if (chosen != null) {
                folder.setText(chosen.getPath());
            }
        });
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Export " + vm.modelProperty().get().name());
        dialog.setHeaderText("One CSV per segment (and the leftovers), plus manifest.csv");
        dialog.getDialogPane().setContent(new VBox(8, new Label("Folder"), new HBox(6, folder, browse),
                new Label("Columns (Ctrl+click to choose several)"), columns));
        ButtonType export = new ButtonType("Export", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(export, ButtonType.CANCEL);
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != export) {
            return;
        }
        Path target = Path.of(folder.getText().trim());
        List<String> chosen = columns.getSelectionModel().getSelectedItems().stream().map(Field::id).toList();
        Tasks.create(ctx -> session.read(ws -> ModelExport.write(ws, result, target, chosen, ctx.cancellation())))
                .onSuccess(files -> dialogs.showInfo("Export finished", files.size() + " files written to "
                        + target + " (" + files.stream().mapToLong(ModelExport.ExportedFile::rows).sum() + " rows)"))
                .onError(e -> dialogs.showError("Could not export the model", e))
                .runOnce(executor);
    }
}
