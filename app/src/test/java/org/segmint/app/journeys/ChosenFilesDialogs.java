package org.segmint.app.journeys;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.segmint.app.shell.DialogService;

/**
 * The real JavaFX dialogs, except that file choosers (native windows a headless robot cannot drive) answer
 * from a queue the test fills.
 */
final class ChosenFilesDialogs implements DialogService {
    final Deque<Path> files = new ArrayDeque<>();
    final Deque<Path> opened = new ArrayDeque<>();
    private final DialogService real;

    ChosenFilesDialogs(DialogService real) {
        this.real = real;
    }

    @Override
    public void showError(String title, Throwable error) {
        real.showError(title, error);
    }

    @Override
    public void showError(String title, String message) {
        real.showError(title, message);
    }

    @Override
    public void showInfo(String title, String message) {
        real.showInfo(title, message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        return real.confirm(title, message, confirmLabel);
    }

    @Override
    public Optional<String> prompt(String title, String label, String initialValue) {
        return real.prompt(title, label, initialValue);
    }

    @Override
    public Optional<String> choose(String title, String label, List<String> choices, String initialChoice) {
        return real.choose(title, label, choices, initialChoice);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String filterName, List<String> extensions) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, String filterName,
                                           List<String> extensions) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public void openWithDesktop(Path file) {
        opened.add(file);
    }
}
