package org.segmint.app.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.segmint.app.task.TaskHandle;
import org.segmint.app.task.Tasks;

/**
 * State of the main window: the open workspace, the current page, the status bar and the busy state while
 * a workspace opens or the demo is generated. No nodes: tests drive it with a same-thread executor.
 */
public final class MainViewModel {
    /** File name of the demo workspace in the user's data directory. */
    public static final String DEMO_FILE = "Demo.segmint";

    private final AppContext context;
    private final DemoFactory demoFactory;

    // Properties //
    private final ObjectProperty<PageId> currentPage = new SimpleObjectProperty<>(PageId.SEGMENTS);
    private final StringProperty workspaceName = new SimpleStringProperty("");
    private final StringProperty asOfText = new SimpleStringProperty("");
    private final StringProperty dataSizeText = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty busyMessage = new SimpleStringProperty("");
    private final DoubleProperty busyProgress = new SimpleDoubleProperty(-1);
    private final BooleanProperty background = new SimpleBooleanProperty();
    private final StringProperty backgroundMessage = new SimpleStringProperty("");
    private final DoubleProperty backgroundProgress = new SimpleDoubleProperty(-1);
    private final StringProperty note = new SimpleStringProperty("");
    private final ObservableList<String> recentWorkspaces = FXCollections.observableArrayList();
    private final BooleanBinding hasWorkspace;
    private TaskHandle busyTask;

    public MainViewModel(AppContext context, DemoFactory demoFactory) {
        this.context = context;
        this.demoFactory = demoFactory;
        this.hasWorkspace = Bindings.isNotNull(context.sessionProperty());
        context.sessionProperty().addListener((o, a, b) -> refreshStatus());
        context.dataRevision().addListener((o, a, b) -> refreshStatus());
        context.settingsProperty().addListener((o, a, b) -> syncRecent());
        syncRecent();
        refreshStatus();
    }

    public ObjectProperty<PageId> currentPageProperty() {
        return currentPage;
    }

    public StringProperty workspaceNameProperty() {
        return workspaceName;
    }

    public StringProperty asOfTextProperty() {
        return asOfText;
    }

    public StringProperty dataSizeTextProperty() {
        return dataSizeText;
    }

    /** Work of the open workspace that runs on its own (due group recalculations): shown, never blocking. */
    public BooleanProperty backgroundProperty() {
        return background;
    }

    public StringProperty backgroundMessageProperty() {
        return backgroundMessage;
    }

    public DoubleProperty backgroundProgressProperty() {
        return backgroundProgress;
    }

    /** A one-line outcome of background work for the status bar ("Recalculated due groups: ..."). */
    public StringProperty noteProperty() {
        return note;
    }

    public void backgroundStarted(String message) {
        background.set(true);
        backgroundMessage.set(message);
        backgroundProgress.set(-1);
    }

    public void backgroundProgress(double fraction, String message) {
        backgroundProgress.set(fraction);
        if (message != null && !message.isBlank()) {
            backgroundMessage.set(message);
        }
    }

    public void backgroundFinished(String outcome) {
        background.set(false);
        note.set(outcome == null ? "" : outcome);
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty busyMessageProperty() {
        return busyMessage;
    }

    public DoubleProperty busyProgressProperty() {
        return busyProgress;
    }

    public ObservableList<String> recentWorkspaces() {
        return recentWorkspaces;
    }

    public BooleanBinding hasWorkspaceProperty() {
        return hasWorkspace;
    }

    // Commands //

    /**
     * At start-up: reopen the last workspace; with none (first launch), create or reopen the demo workspace
     * in the user's data directory.
     */
    public void start() {
        String last = context.settings().lastWorkspace();
        if (last != null && Files.isRegularFile(Path.of(last))) {
            open(Path.of(last));
        } else {
            openDemo();
        }
    }

    public void open(Path file) {
        runBusy("Opening " + file.getFileName() + "…", Tasks.create(ctx -> AppContext.openFile(file)),
                () -> context.updateSettings(s -> s.withoutWorkspace(file.toAbsolutePath().toString())));
    }

    public void createNew(Path file) {
        Path target = file.getFileName().toString().endsWith(".segmint") ? file
                : file.resolveSibling(file.getFileName() + ".segmint");
        runBusy("Creating " + target.getFileName() + "…", Tasks.create(ctx -> AppContext.createFile(target)),
                () -> { });
    }

    /** Opens the demo workspace, generating it first (in the background, with progress) when missing. */
    public void openDemo() {
        Path file = SettingsStore.dataDir().resolve(DEMO_FILE);
        if (Files.isRegularFile(file)) {
            open(file);
            return;
        }
        runBusy("Creating the demo workspace…", Tasks.create(ctx -> demoFactory.create(file, ctx)), () -> { });
    }

    public void closeWorkspace() {
        context.setSession(null);
    }

    public void cancelBusy() {
        if (busyTask != null) {
            busyTask.cancel();
        }
    }

    public void showPage(PageId page) {
        currentPage.set(page);
    }

    /** Reloads the status bar from the open workspace. */
    public void refreshStatus() {
        WorkspaceSession s = context.session().orElse(null);
        if (s == null) {
            workspaceName.set("No workspace");
            asOfText.set("");
            dataSizeText.set("");
            return;
        }
        workspaceName.set(s.name());
        Tasks.create(ctx -> StatusInfo.read(s))
                .onSuccess(info -> {
                    if (context.session().orElse(null) == s) {
                        asOfText.set(info.asOfText());
                        dataSizeText.set(info.dataSizeText());
                    }
                })
                .onError(e -> dataSizeText.set(UserMessages.message(e)))
                .runOnce(context.executor());
    }

    private void runBusy(String message, Tasks<WorkspaceSession> task, Runnable onFailure) {
        busy.set(true);
        busyMessage.set(message);
        busyProgress.set(-1);
        busyTask = task
                .onProgress((fraction, text) -> {
                    busyProgress.set(fraction);
                    if (text != null && !text.isBlank()) {
                        busyMessage.set(text);
                    }
                })
                .onSuccess(session -> {
                    context.setSession(session);
                    currentPage.set(PageId.SEGMENTS);
                })
                .onError(e -> {
                    onFailure.run();
                    context.dialogs().showError("Cannot open the workspace", e);
                })
                .andFinally(() -> {
                    busy.set(false);
                    busyTask = null;
                })
                .runOnce(context.executor());
    }

    private void syncRecent() {
        List<String> recent = context.settings().recentWorkspaces();
        if (!recent.equals(recentWorkspaces)) {
            recentWorkspaces.setAll(recent);
        }
    }
}
