package org.segmint.app.segments;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.Navigator;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.LatestTask;
import org.segmint.app.task.Tasks;
import org.segmint.model.segment.SegmentIcon;
import org.segmint.persistence.store.SavedSegment;
import org.segmint.persistence.store.SegmentStore;

/**
 * The Segments page: every saved segment with status, last count, last update, folder and where it is
 * used; sorted, filtered by text and folder, pinned ones on top. Commands change the store in the
 * background and reload the list when done.
 */
public final class SegmentsViewModel {
    public static final String ALL_FOLDERS = "All folders";
    public static final String NO_FOLDER = "No folder";
    private static final Logger LOG = Logger.getLogger(SegmentsViewModel.class.getName());

    private final AppContext context;
    private final Navigator navigator;
    private final Clock clock;
    private final SegmentFileActions files;
    private List<SegmentRow> all = List.of();
    private final InvalidationListener reload = o -> load();
    private final LatestTask counting = new LatestTask();
    private final Set<String> countAttempted = new HashSet<>();
    private final Map<String, String> countProblems = new HashMap<>();

    // Properties //
    private final ObservableList<SegmentRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> folders = FXCollections.observableArrayList(ALL_FOLDERS);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final StringProperty folder = new SimpleStringProperty(ALL_FOLDERS);
    private final ObjectProperty<SortKey> sortKey = new SimpleObjectProperty<>(SortKey.NAME);
    private final BooleanProperty ascending = new SimpleBooleanProperty(true);
    private final ObjectProperty<SegmentRow> selected = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty empty = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty countingNow = new SimpleBooleanProperty();

    public SegmentsViewModel(AppContext context, Navigator navigator, Clock clock) {
        this.context = context;
        this.navigator = navigator;
        this.clock = clock;
        this.files = new SegmentFileActions(context, this::mutate);
        filterText.addListener((o, a, b) -> applyView());
        folder.addListener((o, a, b) -> applyView());
        sortKey.addListener((o, a, b) -> applyView());
        ascending.addListener((o, a, b) -> applyView());
        context.segmentsRevision().addListener(reload);
    }

    public ObservableList<SegmentRow> rows() {
        return rows;
    }

    public ObservableList<String> folders() {
        return folders;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public ObjectProperty<SortKey> sortKeyProperty() {
        return sortKey;
    }

    public BooleanProperty ascendingProperty() {
        return ascending;
    }

    public ObjectProperty<SegmentRow> selectedProperty() {
        return selected;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** True when the workspace has no segments at all (the page shows what to do). */
    public BooleanProperty emptyProperty() {
        return empty;
    }

    /** "12 segments · 3 shown". */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** True while segments without a count are being counted in the background. */
    public BooleanProperty countingProperty() {
        return countingNow;
    }

    /** Why a segment could not be counted, or null. */
    public String countProblem(String name) {
        return countProblems.get(name);
    }

    public Instant now() {
        return clock.instant();
    }

    // Commands //

    /** Stops following changes of the saved segments (the page is dropped). */
    public void dispose() {
        context.segmentsRevision().removeListener(reload);
        counting.cancel();
    }

    public void load() {
        WorkspaceSession session = context.session().orElse(null);
        if (session == null) {
            return;
        }
        loading.set(true);
        Tasks.create(ctx -> session.read(ws -> {
            SegmentStore store = new SegmentStore(ws);
            List<SegmentRow> result = new ArrayList<>();
            for (SavedSegment s : store.list()) {
                ctx.throwIfCancelled();
                result.add(SegmentRow.of(s, store.usedIn(s.name())));
            }
            return result;
        }))
                .onSuccess(this::show)
                .onError(e -> context.dialogs().showError("Cannot list the segments", e))
                .andFinally(() -> loading.set(false))
                .runOnce(context.executor());
    }

    public void sortBy(SortKey key, boolean asc) {
        ascending.set(asc);
        sortKey.set(key);
    }

    public void newSegment() {
        navigator.newSegment();
    }

    public void open(SegmentRow row) {
        if (row != null) {
            navigator.openSegment(row.name());
        }
    }

    public void copy(SegmentRow row) {
        if (row == null) {
            return;
        }
        context.dialogs().prompt("Copy segment", "Name of the copy:", uniqueName("Copy of " + row.name()))
                .ifPresent(name -> mutate("Cannot copy the segment", store -> store.copy(row.name(), name),
                        s -> selectAfterLoad(s.name())));
    }

    public void rename(SegmentRow row) {
        if (row == null) {
            return;
        }
        context.dialogs().prompt("Rename segment", "New name:", row.name())
                .filter(name -> !name.equals(row.name()))
                .ifPresent(name -> mutate("Cannot rename the segment", store -> store.rename(row.name(), name),
                        s -> selectAfterLoad(s.name())));
    }

    /** Moves to a folder the user types or picks; an empty folder name means no folder. */
    public void move(SegmentRow row) {
        if (row == null) {
            return;
        }
        context.dialogs().prompt("Move to folder", "Folder (existing: " + existingFolders() + "):", row.folder())
                .ifPresent(target -> mutate("Cannot move the segment", store -> store.move(row.name(), target),
                        s -> selectAfterLoad(s.name())));
    }

    public void togglePin(SegmentRow row) {
        if (row != null) {
            mutate("Cannot pin the segment", store -> store.pin(row.name(), !row.pinned()),
                    s -> selectAfterLoad(s.name()));
        }
    }

    /** Chooses the icon a pinned segment shows on top of the list. */
    public void chooseIcon(SegmentRow row, SegmentIcon icon) {
        if (row != null && icon != null && icon != row.icon()) {
            mutate("Cannot change the icon", store -> store.setIcon(row.name(), icon),
                    s -> selectAfterLoad(s.name()));
        }
    }

    /** Deletes after a confirmation that names every place the segment is used. */
    public void delete(SegmentRow row) {
        if (row == null) {
            return;
        }
        String message = row.usedIn().isEmpty()
                ? "Delete the segment '" + row.name() + "'? This cannot be undone."
                : "The segment '" + row.name() + "' is used in " + row.usedInText() + ". If you delete it, those"
                        + " will refer to a missing segment and show an error until you change them. Delete it"
                        + " anyway?";
        if (context.dialogs().confirm("Delete segment", message, "Delete")) {
            mutate("Cannot delete the segment", store -> {
                store.delete(row.name(), !row.usedIn().isEmpty());
                return row;
            }, r -> selected.set(null));
        }
    }

    public void importFiles() {
        files.importFiles(names());
    }

    public void importFile(Path file) {
        files.importFile(file, names());
    }

    public void exportFile(SegmentRow row) {
        if (row != null) {
            files.export(List.of(row.name()));
        }
    }

    public void exportAll() {
        files.export(all.stream().map(SegmentRow::name).toList());
    }

    // Internals //

    private <T> void mutate(String errorTitle, Function<SegmentStore, T> change, Consumer<T> after) {
        WorkspaceSession session = context.requireSession();
        Tasks.create(ctx -> session.read(ws -> change.apply(new SegmentStore(ws))))
                .onSuccess(result -> {
                    after.accept(result);
                    context.notifySegmentsChanged();
                })
                .onError(e -> context.dialogs().showError(errorTitle, e))
                .runOnce(context.executor());
    }

    private String pendingSelection;

    private void selectAfterLoad(String name) {
        pendingSelection = name;
    }

    private void show(List<SegmentRow> loaded) {
        all = List.copyOf(loaded);
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        boolean unfiled = false;
        for (SegmentRow r : all) {
            if (r.folder().isEmpty()) {
                unfiled = true;
            } else {
                names.add(r.folder());
            }
        }
        List<String> choices = new ArrayList<>(List.of(ALL_FOLDERS));
        choices.addAll(names);
        if (unfiled && !names.isEmpty()) {
            choices.add(NO_FOLDER);
        }
        String keep = folder.get();
        folders.setAll(choices);
        folder.set(choices.contains(keep) ? keep : ALL_FOLDERS);
        empty.set(all.isEmpty());
        applyView();
        String wanted = pendingSelection != null ? pendingSelection
                : selected.get() == null ? null : selected.get().name();
        pendingSelection = null;
        selected.set(rows.stream().filter(r -> r.name().equals(wanted)).findFirst().orElse(null));
        countMissing();
    }

    /** Counts, once per saved version, the segments that have no count yet; then shows the counts. */
    private void countMissing() {
        List<String> missing = all.stream().filter(r -> r.lastCount() == null)
                .filter(r -> countAttempted.add(r.name() + "@" + r.updatedAt())).map(SegmentRow::name).toList();
        WorkspaceSession session = context.session().orElse(null);
        if (missing.isEmpty() || session == null) {
            return;
        }
        countingNow.set(true);
        counting.run(Tasks.create(ctx -> SegmentCounter.count(session, missing, clock, ctx))
                .onSuccess(result -> {
                    countProblems.putAll(result.problems());
                    if (result.counted() > 0) {
                        load();
                    } else {
                        applyView();
                    }
                })
                .onError(e -> LOG.log(Level.WARNING, "Counting segments failed", e))
                .andFinally(() -> countingNow.set(false)), context.executor());
    }

    private void applyView() {
        String text = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        String f = folder.get();
        List<SegmentRow> shown = new ArrayList<>();
        for (SegmentRow r : all) {
            if (!text.isEmpty() && !matches(r, text)) {
                continue;
            }
            if (NO_FOLDER.equals(f) && !r.folder().isEmpty()) {
                continue;
            }
            if (f != null && !ALL_FOLDERS.equals(f) && !NO_FOLDER.equals(f) && !f.equals(r.folder())) {
                continue;
            }
            shown.add(r);
        }
        Comparator<SegmentRow> order = comparator(sortKey.get());
        if (!ascending.get()) {
            order = order.reversed();
        }
        // pinned ("recommended") segments stay on top whatever the sort
        shown.sort(Comparator.comparing((SegmentRow r) -> !r.pinned()).thenComparing(order)
                .thenComparing(SegmentRow::name));
        rows.setAll(shown);
        summary.set(all.size() == shown.size() ? all.size() + (all.size() == 1 ? " segment" : " segments")
                : shown.size() + " of " + all.size() + " segments");
    }

    private static boolean matches(SegmentRow r, String text) {
        return r.name().toLowerCase(Locale.ROOT).contains(text)
                || r.description().toLowerCase(Locale.ROOT).contains(text)
                || r.folder().toLowerCase(Locale.ROOT).contains(text);
    }

    private static Comparator<SegmentRow> comparator(SortKey key) {
        Comparator<SegmentRow> byName = Comparator.comparing(SegmentRow::name, String.CASE_INSENSITIVE_ORDER);
        switch (key) {
            case STATUS:
                return Comparator.comparing(SegmentRow::status).thenComparing(byName);
            case UPDATED:
                return Comparator.comparing(SegmentRow::updatedAt).thenComparing(byName);
            case CUSTOMERS:
                return Comparator.comparing((SegmentRow r) -> r.lastCount() == null ? -1L : r.lastCount())
                        .thenComparing(byName);
            case FOLDER:
                return Comparator.comparing(SegmentRow::folder, String.CASE_INSENSITIVE_ORDER).thenComparing(byName);
            default:
                return byName;
        }
    }

    private List<String> names() {
        return all.stream().map(SegmentRow::name).toList();
    }

    private String existingFolders() {
        List<String> list = folders.stream().filter(f -> !ALL_FOLDERS.equals(f) && !NO_FOLDER.equals(f)).toList();
        return list.isEmpty() ? "none yet" : String.join(", ", list);
    }

    private String uniqueName(String base) {
        String name = base;
        for (int n = 2; names().contains(name); n++) {
            name = base + " (" + n + ")";
        }
        return Objects.requireNonNull(name);
    }
}
