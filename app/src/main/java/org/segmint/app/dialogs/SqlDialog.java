package org.segmint.app.dialogs;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

/** Shows SQL in a read-only, selectable text area with a Copy button. */
public final class SqlDialog {
    private SqlDialog() {
    }

    public static void show(String title, String sql) {
        TextArea text = new TextArea(sql);
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefSize(720, 420);
        text.getStyleClass().add("sg-sql");
        text.setId("sql-text");
        Button copy = new Button("Copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(sql);
            Clipboard.getSystemClipboard().setContent(content);
        });
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(new VBox(8, text, copy));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }
}
