package org.segmint.app.editor;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "+ Condition": a searchable list of everything the palette offers. Typing filters, Up and Down choose, Enter (or a
 * double click) adds the chosen item, Escape closes; with nothing chosen, Enter takes the first item shown.
 */
final class ConditionPicker {
    private ConditionPicker() {
    }

    /** Asks which condition to add to {@code groupLabel}; the key of the palette item, or empty when cancelled. */
    static Optional<String> ask(Window owner, AttributePaletteViewModel palette, String groupLabel) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Add a condition");
        dialog.setHeaderText("Add a condition to " + groupLabel);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        TextField search = new TextField();
        search.setId("condition-picker-search");
        search.setPromptText("Type to search: email, purchased, country…");
        search.setAccessibleText("Search conditions to add");
        ListView<PaletteItem> list = new ListView<>();
        list.setId("condition-picker-list");
        list.setAccessibleText("Conditions to add");
        list.setPrefSize(420, 320);
        list.setPlaceholder(new Label("Nothing matches the search."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PaletteItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label() + "  ·  " + (item.isField()
                        ? item.field().id() + " (" + item.detail() + ")" : item.detail()));
            }
        });
        Runnable refill = () -> {
            List<PaletteItem> found = palette.matching(search.getText());
            list.getItems().setAll(found);
            if (!found.isEmpty()) {
                list.getSelectionModel().select(0);
            }
        };
        search.textProperty().addListener((o, a, b) -> refill.run());
        refill.run();
        search.setOnKeyPressed(e -> {
            int at = list.getSelectionModel().getSelectedIndex();
            if (e.getCode() == KeyCode.DOWN && at + 1 < list.getItems().size()) {
                list.getSelectionModel().select(at + 1);
                list.scrollTo(at + 1);
                e.consume();
            } else if (e.getCode() == KeyCode.UP && at > 0) {
                list.getSelectionModel().select(at - 1);
                list.scrollTo(at - 1);
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && list.getSelectionModel().getSelectedItem() != null) {
                dialog.setResult(list.getSelectionModel().getSelectedItem().key());
                dialog.close();
            }
        });
        VBox content = new VBox(8, search, list);
        dialog.getDialogPane().setContent(content);
        ButtonType add = new ButtonType("Add", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(add).disableProperty().bind(
                list.getSelectionModel().selectedItemProperty().isNull());
        dialog.setResultConverter(button -> button == add && list.getSelectionModel().getSelectedItem() != null
                ? list.getSelectionModel().getSelectedItem().key() : null);
        Platform.runLater(search::requestFocus);
        return dialog.showAndWait();
    }
}
