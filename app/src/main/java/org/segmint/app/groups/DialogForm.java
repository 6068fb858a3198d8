package org.segmint.app.groups;

import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.segmint.app.shell.Styles;

/** A small modal form: labelled fields in a grid, a preview line, and an action button. */
final class DialogForm {
    final Dialog<ButtonType> dialog = new Dialog<>();
    final GridPane grid = new GridPane();
    final Label preview = new Label();
    final ButtonType action;
    private int row;

    DialogForm(Node owner, String title, String header, String actionText) {
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        Window window = owner.getScene() == null ? null : owner.getScene().getWindow();
        if (window != null) {
            dialog.initOwner(window);
        }
        action = new ButtonType(actionText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(action, ButtonType.CANCEL);
        dialog.getDialogPane().getStyleClass().add(Styles.DIALOG);
        grid.setHgap(10);
        grid.setVgap(8);
        preview.getStyleClass().add(Styles.MUTED);
        preview.setWrapText(true);
        preview.setMaxWidth(420);
        preview.setId("dialog-preview");
        dialog.getDialogPane().setContent(grid);
    }

    DialogForm field(String label, Node field) {
        grid.addRow(row++, new Label(label), field);
        return this;
    }

    /** Shows the form; true when the user chose the action. */
    boolean showAndWait() {
        grid.add(preview, 0, row, 2, 1);
        return dialog.showAndWait().filter(b -> b == action).isPresent();
    }

    void setActionEnabled(boolean enabled) {
        dialog.getDialogPane().lookupButton(action).setDisable(!enabled);
    }
}
