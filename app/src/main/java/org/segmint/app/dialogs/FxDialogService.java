package org.segmint.app.dialogs;

import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.HostServices;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.segmint.app.shell.DialogService;
import org.segmint.app.shell.Styles;
import org.segmint.app.shell.UserMessages;

/** JavaFX dialogs owned by the main window, styled by the current theme. Call on the FX thread. */
public final class FxDialogService implements DialogService {
    private static final Logger LOG = Logger.getLogger(FxDialogService.class.getName());

    private final Supplier<Window> owner;
    private final HostServices hostServices;
    private File lastDirectory;

    public FxDialogService(Supplier<Window> owner, HostServices hostServices) {
        this.owner = owner;
        this.hostServices = hostServices;
    }

    @Override
    public void showError(String title, Throwable error) {
        // logged once here, at the boundary; the user sees one sentence and may expand the details
        LOG.log(Level.WARNING, title, error);
        Alert alert = alert(Alert.AlertType.ERROR, title, UserMessages.message(error));
        TextArea details = new TextArea(UserMessages.details(error));
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(12);
        VBox.setVgrow(details, Priority.ALWAYS);
        alert.getDialogPane().setExpandableContent(new VBox(new Label("Details for a bug report:"), details));
        alert.showAndWait();
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        ButtonType ok = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ButtonType.CANCEL, ok);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ok)).setDefaultButton(false);
        return alert.showAndWait().filter(ok::equals).isPresent();
    }

    @Override
    public Optional<String> prompt(String title, String label, String initialValue) {
        TextInputDialog dialog = new TextInputDialog(initialValue == null ? "" : initialValue);
        prepare(dialog, title);
        dialog.setContentText(label);
        return dialog.showAndWait().map(String::trim).filter(s -> !s.isEmpty());
    }

    @Override
    public Optional<String> choose(String title, String label, List<String> choices, String initialChoice) {
        ChoiceDialog<String> dialog = new ChoiceDialog<>(initialChoice, choices);
        prepare(dialog, title);
        dialog.setContentText(label);
        return dialog.showAndWait();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String filterName, List<String> extensions) {
        FileChooser chooser = chooser(title, filterName, extensions);
        File file = chooser.showOpenDialog(owner.get());
        return remember(file);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, String filterName,
                                           List<String> extensions) {
        FileChooser chooser = chooser(title, filterName, extensions);
        chooser.setInitialFileName(initialName);
        File file = chooser.showSaveDialog(owner.get());
        return remember(file);
    }

    @Override
    public void openWithDesktop(Path file) {
        if (hostServices != null) {
            hostServices.showDocument(file.toUri().toString());
            return;
        }
        try {
            Desktop.getDesktop().open(file.toFile());
        } catch (IOException | UnsupportedOperationException e) {
            showError("Cannot open " + file.getFileName(), "Open it yourself: " + file.toAbsolutePath());
        }
    }

    private FileChooser chooser(String title, String filterName, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (extensions != null && !extensions.isEmpty()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, extensions));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*.*"));
        }
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        lastDirectory = file.getAbsoluteFile().getParentFile();
        return Optional.of(file.toPath());
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        prepare(alert, title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        return alert;
    }

    private void prepare(Dialog<?> dialog, String title) {
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
            if (window.getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(window.getScene().getStylesheets());
            }
        }
        dialog.getDialogPane().getStyleClass().add(Styles.DIALOG);
        dialog.setResizable(true);
    }
}
