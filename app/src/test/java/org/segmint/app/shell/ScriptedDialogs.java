package org.segmint.app.shell;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A dialog service for view-model tests: records what was shown and answers from a script. */
public final class ScriptedDialogs implements DialogService {
    public final List<String> errors = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    public final List<String> confirmations = new ArrayList<>();
    public final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    public final Deque<String> promptAnswers = new ArrayDeque<>();
    public final Deque<Path> fileAnswers = new ArrayDeque<>();
    public final List<Path> opened = new ArrayList<>();

    @Override
    public void showError(String title, Throwable error) {
        errors.add(title + ": " + UserMessages.message(error));
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        confirmations.add(message);
        return confirmAnswers.isEmpty() ? false : confirmAnswers.pop();
    }

    @Override
    public Optional<String> prompt(String title, String label, String initialValue) {
        return Optional.ofNullable(promptAnswers.poll());
    }

    @Override
    public Optional<String> choose(String title, String label, List<String> choices, String initialChoice) {
        return Optional.ofNullable(promptAnswers.poll());
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String filterName, List<String> extensions) {
        return Optional.ofNullable(fileAnswers.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, String filterName,
                                           List<String> extensions) {
        return Optional.ofNullable(fileAnswers.poll());
    }

    @Override
    public void openWithDesktop(Path file) {
        opened.add(file);
    }
}
