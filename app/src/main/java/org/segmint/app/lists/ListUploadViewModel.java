package org.segmint.app.lists;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.segmint.app.shell.UserMessages;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.app.task.LatestTask;
import org.segmint.app.task.Tasks;
import org.segmint.persistence.store.ListFile;
import org.segmint.persistence.store.ListStore;

/**
 * Uploading a CSV file of customer ids or emails as a named list: the file's first rows, the column and what its
 * values are (both suggested), the list's name; before uploading, the whole column is read and matched against the
 * customers in the background ("54 rows match no customer"); then the upload, in one transaction.
 */
public final class ListUploadViewModel {
    private final ListSource source;
    private final BackgroundExecutor executor;
    private final Path file;
    private final LatestTask checking = new LatestTask();
    private List<String> existing = List.of();
    private boolean opening;

    // Properties //
    private final ObjectProperty<ListFile> preview = new SimpleObjectProperty<>(this, "preview");
    private final BooleanProperty header = new SimpleBooleanProperty(this, "header", true);
    private final IntegerProperty column = new SimpleIntegerProperty(this, "column", -1);
    private final ObjectProperty<ListStore.MatchOn> matchOn = new SimpleObjectProperty<>(this, "matchOn");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final BooleanProperty replace = new SimpleBooleanProperty(this, "replace");
    private final ObjectProperty<ListStore.ListReport> check = new SimpleObjectProperty<>(this, "check");
    private final ObjectProperty<ListStore.ListReport> uploaded = new SimpleObjectProperty<>(this, "uploaded");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "Reading the file…");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty taken = new SimpleBooleanProperty(this, "taken");
    private final ObservableList<String> columns = FXCollections.observableArrayList();

    /** What the dialog needs from the workspace; every method may be slow: called off the FX thread. */
    public interface ListSource {
        ListFile open(Path file, Boolean header);

        List<String> listNames();

        ListStore.ListReport check(ListFile file, int column, ListStore.MatchOn matchOn);

        ListStore.ListReport upload(String name, ListFile file, int column, ListStore.MatchOn matchOn,
                                    boolean replace);
    }

    public ListUploadViewModel(ListSource source, BackgroundExecutor executor, Path file) {
        this.source = source;
        this.executor = executor;
        this.file = file;
        name.set(stem(file));
        header.addListener((o, a, b) -> {
            if (!opening) {
                open(b);
            }
        });
        column.addListener((o, a, b) -> {
            if (!opening && b.intValue() >= 0 && preview.get() != null) {
                matchOn.set(preview.get().suggestedMatch(b.intValue()));
                recheck();
            }
        });
        matchOn.addListener((o, a, b) -> {
            if (!opening) {
                recheck();
            }
        });
        name.addListener((o, a, b) -> validate());
        replace.addListener((o, a, b) -> validate());
    }

    // Commands //

    /** Reads the head of the file with detected settings and suggests the column, match and name. */
    public void start() {
        open(null);
    }

    private void open(Boolean withHeader) {
        busy.set(true);
        problem.set("Reading the file…");
        Tasks.create(ctx -> new Opened(source.open(file, withHeader), source.listNames()))
                .onSuccess(o -> {
                    existing = o.names();
                    opening = true;
                    preview.set(o.file());
                    header.set(o.file().settings().header());
                    columns.setAll(o.file().columns());
                    int suggested = o.file().suggestedColumn();
                    column.set(suggested);
                    matchOn.set(o.file().suggestedMatch(suggested));
                    opening = false;
                    recheck();
                })
                .onError(e -> {
                    preview.set(null);
                    columns.clear();
                    problem.set(UserMessages.message(e));
                })
                .andFinally(() -> busy.set(false))
                .runOnce(executor);
    }

    private record Opened(ListFile file, List<String> names) {
    }

    /** Reads the chosen column to the end and matches it against the customers (the newest check wins). */
    private void recheck() {
        check.set(null);
        validate();
        ListFile f = preview.get();
        int index = column.get();
        ListStore.MatchOn on = matchOn.get();
        if (f == null || index < 0) {
            return;
        }
        checking.run(Tasks.create(ctx -> source.check(f, index, on))
                .onSuccess(r -> {
                    check.set(r);
                    validate();
                })
                .onError(e -> problem.set(UserMessages.message(e))), executor);
    }

    /** Uploads the list; {@link #uploadedProperty()} holds the outcome. */
    public void upload() {
        validate();
        if (!problem.get().isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        String listName = name.get().strip();
        ListFile f = preview.get();
        int index = column.get();
        ListStore.MatchOn on = matchOn.get();
        boolean again = replace.get();
        Tasks.create(ctx -> source.upload(listName, f, index, on, again))
                .onSuccess(uploaded::set)
                .onError(e -> problem.set(UserMessages.message(e)))
                .andFinally(() -> busy.set(false))
                .runOnce(executor);
    }

    public void dispose() {
        checking.cancel();
    }

    private void validate() {
        taken.set(existing.contains(name.get() == null ? "" : name.get().strip()));
        problem.set(firstProblem());
    }

    private String firstProblem() {
        if (preview.get() == null) {
            return problem.get().isEmpty() ? "Reading the file…" : problem.get();
        }
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty()) {
            return "Give the list a name.";
        }
        if (existing.contains(n) && !replace.get()) {
            return "A list named “" + n + "” exists: choose another name, or replace its values.";
        }
        if (check.get() == null) {
            return "Reading the column…";
        }
        return "";
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    // Properties //

    public Path file() {
        return file;
    }

    public ObjectProperty<ListFile> previewProperty() {
        return preview;
    }

    public ObservableList<String> columns() {
        return columns;
    }

    public BooleanProperty headerProperty() {
        return header;
    }

    public IntegerProperty columnProperty() {
        return column;
    }

    public ObjectProperty<ListStore.MatchOn> matchOnProperty() {
        return matchOn;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** Whether an existing list of that name gets the file's values (segments that use it keep working). */
    public BooleanProperty replaceProperty() {
        return replace;
    }

    /** Whether a list of the name typed exists (the dialog then offers to replace it). */
    public BooleanProperty nameTakenProperty() {
        return taken;
    }

    /** The check of the chosen column against the customers, or null while it runs. */
    public ObjectProperty<ListStore.ListReport> checkProperty() {
        return check;
    }

    /** The outcome of the upload, once done. */
    public ObjectProperty<ListStore.ListReport> uploadedProperty() {
        return uploaded;
    }

    /** Why the list cannot be uploaded yet, or empty. */
    public StringProperty problemProperty() {
        return problem;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
