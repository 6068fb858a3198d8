package org.segmint.app.groups;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.segmint.app.shell.UserMessages;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.app.task.Tasks;
import org.segmint.app.task.Work;
import org.segmint.model.group.Schedule;
import org.segmint.persistence.group.Group;
import org.segmint.persistence.group.HistoryEntry;
import org.segmint.persistence.group.Recalculation;

/**
 * The Groups page: every group with its kind, size, schedule, last recalculation and whether it is due; the chosen
 * group's history; commands that create, recalculate, delete and undo. Work runs in the background; results and
 * errors arrive on the UI thread.
 */
public final class GroupsViewModel {
    private final GroupService service;
    private final BackgroundExecutor executor;
    private final Clock clock;

    // Properties //
    private final ObservableList<GroupRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<GroupRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty undoText = new SimpleStringProperty(this, "undoText", "");

    public GroupsViewModel(GroupService service, BackgroundExecutor executor, Clock clock) {
        this.service = service;
        this.executor = executor;
        this.clock = clock;
        selected.addListener((o, old, row) -> loadHistory(row));
    }

    public ObservableList<GroupRow> rows() {
        return rows;
    }

    public ObjectProperty<GroupRow> selectedProperty() {
        return selected;
    }

    /** The chosen group's recalculations, newest first. */
    public ObservableList<HistoryEntry> history() {
        return history;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** What the last command did, in words. */
    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** "Undo: add tag 'vip' on 'VIP'", or empty when there is nothing to undo. */
    public StringProperty undoTextProperty() {
        return undoText;
    }

    public GroupService service() {
        return service;
    }

    /** Where the page's dialogs run their previews. */
    public BackgroundExecutor executor() {
        return executor;
    }

    /** Runs a change made by a dialog in the background, then reloads and chooses {@code select}. */
    public <T> void change(Work0<T> work, java.util.function.Function<T, String> describe, String select) {
        run(work, result -> {
            message.set(describe.apply(result));
            refreshAndSelect(select);
        });
    }

    // Commands //

    /** Reloads the groups, keeping the chosen one chosen. */
    public void refresh() {
        run(() -> new Loaded(service.groups(), service.lastOperation().map(b -> "Undo: " + b.description() + " on '"
                + b.group() + "'").orElse("")), this::show);
    }

    /** Chooses the group of that name (or none). */
    public void select(String name) {
        selected.set(rows.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null));
    }

    /** Recalculates the chosen smart group now. */
    public void recalculateSelected() {
        GroupRow row = selected.get();
        if (row != null && row.smart()) {
            recalculate(List.of(row.name()));
        }
    }

    /** Recalculates the due groups (as when a workspace opens). */
    public void recalculateDue() {
        recalculate(null);
    }

    private void recalculate(List<String> names) {
        busy.set(true);
        Tasks.create(ctx -> service.recalculate(names, ctx.cancellation(), ctx.progress()))
                .onSuccess(outcomes -> {
                    message.set(describe(outcomes));
                    refresh();
                })
                .onError(e -> error.set(UserMessages.message(e)))
                .andFinally(() -> busy.set(false))
                .runOnce(executor);
    }

    static String describe(List<Recalculation.Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return "No group was due";
        }
        StringBuilder sb = new StringBuilder();
        for (Recalculation.Outcome o : outcomes) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(o.failed() ? String.format("%s not recalculated: %s", o.name(), o.error())
                    : String.format("%s: %,d customers, %,d joined, %,d left", o.name(), o.total(), o.joined(),
                    o.left()));
        }
        return sb.toString();
    }

    public void createStatic(List<String> names) {
        run(() -> service.createStatic(names), made -> {
            message.set(made.size() == 1 ? "Created '" + made.get(0).name() + "'" : "Created " + made.size()
                    + " groups");
            refreshAndSelect(made.get(0).name());
        });
    }

    public void createSmart(String name, String segment, Schedule schedule) {
        run(() -> service.createSmart(name, segment, schedule), g -> {
            message.set(String.format("Created smart group '%s': %,d customers", g.name(), g.customers()));
            refreshAndSelect(g.name());
        });
    }

    /** Sets the chosen smart group's schedule. */
    public void setSchedule(Schedule schedule) {
        GroupRow row = selected.get();
        if (row != null && row.smart()) {
            run(() -> service.setSchedule(row.name(), schedule), g -> {
                message.set("'" + g.name() + "' is recalculated " + g.schedule().text());
                refreshAndSelect(g.name());
            });
        }
    }

    /** Adds to or removes from a static group (see {@link GroupService#editMembers}); the outcome in words. */
    public void editMembers(String group, boolean add, String segment, java.nio.file.Path file) {
        run(() -> service.editMembers(group, add, segment, file), e -> {
            message.set(String.format("'%s': %,d %s, %,d unknown; %,d customers now", e.group(), e.changed(),
                    add ? "added" : "removed", e.unknown(), e.customers()));
            refreshAndSelect(group);
        });
    }

    public void deleteSelected(boolean force) {
        GroupRow row = selected.get();
        if (row != null) {
            run(() -> {
                service.delete(row.name(), force);
                return row.name();
            }, name -> {
                message.set("Deleted '" + name + "'");
                refresh();
            });
        }
    }

    public void undo() {
        run(service::undo, b -> {
            message.set("Undone: " + b.description());
            refresh();
        });
    }

    /** After a change made elsewhere (a dialog): reload and choose {@code name}. */
    public void refreshAndSelect(String name) {
        run(() -> new Loaded(service.groups(), service.lastOperation().map(b -> "Undo: " + b.description() + " on '"
                + b.group() + "'").orElse("")), loaded -> {
            show(loaded);
            select(name);
        });
    }

    private void show(Loaded loaded) {
        String keep = selected.get() == null ? null : selected.get().name();
        rows.setAll(loaded.groups().stream().map(g -> GroupRow.of(g, clock)).toList());
        undoText.set(loaded.undo());
        if (keep != null) {
            select(keep);
            // an equal row (same counts) raises no change: the history may have grown all the same
            loadHistory(selected.get());
        }
    }

    private void loadHistory(GroupRow row) {
        if (row == null || !row.smart()) {
            history.clear();
            return;
        }
        run(() -> service.history(row.name()), entries -> {
            if (selected.get() != null && selected.get().name().equals(row.name())) {
                history.setAll(entries);
            }
        });
    }

    private record Loaded(List<Group> groups, String undo) {
    }

    private <T> void run(Work0<T> work, Consumer<T> done) {
        error.set("");
        Work<T> w = ctx -> work.get();
        Tasks.create(w).onSuccess(done).onError(e -> error.set(UserMessages.message(e))).runOnce(executor);
    }

    /** Work without the task context. */
    @FunctionalInterface
    public interface Work0<T> {
        T get() throws Exception;
    }
}
