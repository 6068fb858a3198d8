package org.segmint.app.shell;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The composition root: the services every page needs, created once by SegmintApp (or by a test)
 * and passed by constructor. Holds the open workspace ({@link WorkspaceSession}, null when none), the
 * background executor, the dialog service and the app settings.
 *
 * <p>Properties change only on the UI thread. Pages that show saved objects or data listen to
 * {@link #segmentsRevision()} and {@link #dataRevision()} and reload when they change.
 */
public final class AppContext implements AutoCloseable {
    private final BackgroundExecutor executor;
    private final DialogService dialogs;
    private final SettingsStore settingsStore;
    private final ReadOnlyObjectWrapper<WorkspaceSession> session = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<AppSettings> settings = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper dataRevision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper segmentsRevision = new ReadOnlyIntegerWrapper();

    public AppContext(BackgroundExecutor executor, DialogService dialogs, SettingsStore settingsStore) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.settingsStore = Objects.requireNonNull(settingsStore, "settingsStore");
        this.settings.set(settingsStore.load());
    }

    public BackgroundExecutor executor() {
        return executor;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    // Workspace //

    public ReadOnlyObjectProperty<WorkspaceSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public Optional<WorkspaceSession> session() {
        return Optional.ofNullable(session.get());
    }

    /** The open workspace; a page exists only while one is open, so pages may call this freely. */
    public WorkspaceSession requireSession() {
        WorkspaceSession s = session.get();
        if (s == null) {
            throw new WorkspaceException("No workspace is open");
        }
        return s;
    }

    /** Opens a workspace file (any thread: it does I/O and may migrate); then call {@link #setSession}. */
    public static WorkspaceSession openFile(Path file) {
        return new WorkspaceSession(Workspace.open(file));
    }

    /** Creates a new, empty workspace file (any thread). */
    public static WorkspaceSession createFile(Path file) {
        return new WorkspaceSession(Workspace.create(file));
    }

    /** Makes {@code newSession} the open workspace (UI thread), closing the previous one and remembering it. */
    public void setSession(WorkspaceSession newSession) {
        WorkspaceSession old = session.get();
        session.set(newSession);
        if (old != null && old != newSession) {
            old.close();
        }
        if (newSession != null) {
            updateSettings(s -> s.withOpened(newSession.file().toAbsolutePath().toString()));
        }
    }

    // Change notifications //

    public ReadOnlyIntegerProperty dataRevision() {
        return dataRevision.getReadOnlyProperty();
    }

    /** Call (UI thread) after an import or any other change of the data tables or as-of setting. */
    public void notifyDataChanged() {
        WorkspaceSession s = session.get();
        if (s != null) {
            s.dataChanged();
        }
        dataRevision.set(dataRevision.get() + 1);
    }

    public ReadOnlyIntegerProperty segmentsRevision() {
        return segmentsRevision.getReadOnlyProperty();
    }

    /** Call (UI thread) after a segment was saved, renamed, copied, moved, imported or deleted. */
    public void notifySegmentsChanged() {
        segmentsRevision.set(segmentsRevision.get() + 1);
    }

    // Settings //

    public ReadOnlyObjectProperty<AppSettings> settingsProperty() {
        return settings;
    }

    public AppSettings settings() {
        return settings.get();
    }

    /** Changes the settings and writes them at once. */
    public void updateSettings(UnaryOperator<AppSettings> change) {
        settings.set(change.apply(settings.get()));
        settingsStore.save(settings.get());
    }

    @Override
    public void close() {
        WorkspaceSession s = session.get();
        session.set(null);
        if (s != null) {
            s.close();
        }
    }
}
