package org.segmint.app.models;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.segmint.app.editor.DefinitionEditorPane;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.AppIcon;
import org.segmint.app.shell.Styles;
import org.segmint.model.waterfall.ModelEntry;

/**
 * An inline segment of a priority model: a name and conditions built like in the segment editor, kept inside the
 * model rather than saved as a segment of its own.
 */
final class InlineSegmentDialog {
    private final Stage stage = new Stage();
    private final TextField name = new TextField();
    private final DefinitionEditorPane editor;
    private ModelEntry result;

    private InlineSegmentDialog(AppContext context, Window owner, ModelEntry existing) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(existing == null ? "Add an inline segment" : "Edit " + existing.name());
        stage.getIcons().setAll(AppIcon.all());
        editor = new DefinitionEditorPane(context, existing == null ? null : existing.definition());
        Label title = new Label(existing == null ? "Add an inline segment" : "Edit the inline segment");
        title.getStyleClass().add(Styles.TITLE);
        Label hint = new Label("An inline segment lives inside this model only: it is not listed with the saved"
                + " segments. Build its conditions as in the segment editor.");
        hint.getStyleClass().add(Styles.MUTED);
        hint.setWrapText(true);
        name.setId("inline-name");
        name.setAccessibleText("Name of the inline segment");
        name.setPromptText("Name, e.g. Big spenders this year");
        name.setText(existing == null ? "" : existing.name());
        name.setPrefColumnCount(28);
        Label nameLabel = new Label("Name");
        nameLabel.getStyleClass().addAll(Styles.MUTED, Styles.SMALL);
        VBox top = new VBox(6, title, hint, new VBox(3, nameLabel, name));
        top.setPadding(new Insets(0, 0, 10, 0));
        Button ok = new Button(existing == null ? "Add to the model" : "Apply");
        ok.setId("inline-ok");
        ok.getStyleClass().add(Styles.ACCENT);
        ok.setDefaultButton(false);
        ok.disableProperty().bind(name.textProperty().isEmpty());
        ok.setOnAction(e -> {
            result = ModelEntry.inline(name.getText().strip(), editor.definition());
            stage.close();
        });
        Button cancel = new Button("Cancel");
        cancel.setId("inline-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, spacer, cancel, ok);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 0, 0, 0));
        BorderPane root = new BorderPane(editor, top, null, buttons, null);
        root.getStyleClass().addAll(Styles.PAGE, Styles.DIALOG);
        Scene scene = new Scene(root, 1100, 680);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> editor.dispose());
    }

    /** Shows the dialog until it closes; the entry built, or empty when cancelled. */
    static Optional<ModelEntry> edit(AppContext context, Window owner, ModelEntry existing) {
        InlineSegmentDialog dialog = new InlineSegmentDialog(context, owner, existing);
        dialog.name.requestFocus();
        dialog.stage.showAndWait();
        return Optional.ofNullable(dialog.result);
    }
}
