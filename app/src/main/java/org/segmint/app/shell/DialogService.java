package org.segmint.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one place the app talks to the user in a modal way: errors (a clear message, details expandable,
 * never a raw stack trace in the face), confirmations, text prompts and file choosers. View models call
 * this interface; tests pass a scripted implementation.
 */
public interface DialogService {

    /** Shows a failure: the message of a {@code WorkspaceException}, or a plain sentence, with details. */
    void showError(String title, Throwable error);

    void showError(String title, String message);

    void showInfo(String title, String message);

    /** Asks before something that cannot be undone; true when the user confirmed. */
    boolean confirm(String title, String message, String confirmLabel);

    /** Asks for one line of text; empty when cancelled. */
    Optional<String> prompt(String title, String label, String initialValue);

    /** Lets the user pick one of {@code choices}; empty when cancelled. */
    Optional<String> choose(String title, String label, List<String> choices, String initialChoice);

    /** Picks an existing file; {@code extensions} like {@code "*.csv"}. */
    Optional<Path> chooseFileToOpen(String title, String filterName, List<String> extensions);

    /** Picks where to write a file. */
    Optional<Path> chooseFileToSave(String title, String initialName, String filterName, List<String> extensions);

    /** Opens a file with the desktop's default program (a rejects CSV, an export). */
    void openWithDesktop(Path file);
}
