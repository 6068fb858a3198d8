package org.segmint.app.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.Formats;
import org.segmint.app.shell.UserMessages;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.TaskHandle;
import org.segmint.app.task.Tasks;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.hierarchy.Representative;
import org.segmint.model.segment.Condition;
import org.segmint.persistence.hierarchy.HierarchySetting;
import org.segmint.persistence.hierarchy.Householding;
import org.segmint.persistence.hierarchy.Levels;
import org.segmint.persistence.store.MemberExport;
import org.segmint.persistence.store.SegmentStore;

/**
 * Export of a segment's customers to CSV with the columns the user picks (any per-customer attribute or
 * derived metric), optionally with a byte-order mark for spreadsheet tools. The members come from the
 * engine, so the file has exactly the customers the count shows.
 */
public final class ExportMembersViewModel {
    /** Tables with many rows per customer: not offered as columns. */
    private static final Set<String> MANY_PER_CUSTOMER = Set.of(Catalog.ORDERS, Catalog.ORDER_ITEMS, Catalog.EVENTS);

    private final AppContext context;
    private final WorkspaceSession session;
    private final String title;
    private final DefinitionSource definition;
    private List<Field> allColumns = List.of();
    private List<Field> presetColumns;
    private TaskHandle running;

    // Properties //
    private final ObservableList<Field> available = FXCollections.observableArrayList();
    private final ObservableList<Field> chosen = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty bom = new SimpleBooleanProperty();
    private final BooleanProperty safeCells = new SimpleBooleanProperty(true);
    private final BooleanProperty exporting = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty result = new SimpleStringProperty("");
    private final ObjectProperty<Path> writtenFile = new SimpleObjectProperty<>();
    private final ObservableList<HierarchyLevel> levels = FXCollections.observableArrayList(HierarchyLevel.CUSTOMER);
    private final ObjectProperty<HierarchyLevel> level = new SimpleObjectProperty<>(HierarchyLevel.CUSTOMER);
    private final ObjectProperty<Representative> representative = new SimpleObjectProperty<>(Representative.REVENUE);

    /** Where the definition comes from: a saved segment (read when exporting) or the editor's current one. */
    @FunctionalInterface
    public interface DefinitionSource {
        Condition definition(SegmentStore store);
    }

    public ExportMembersViewModel(AppContext context, String title, DefinitionSource definition) {
        this.context = context;
        this.session = context.requireSession();
        this.title = title;
        this.definition = definition;
        search.addListener((o, a, b) -> filterAvailable());
        chosen.addListener((javafx.collections.ListChangeListener<Field>) c -> filterAvailable());
    }

    public static ExportMembersViewModel forSegment(AppContext context, String segmentName) {
        return new ExportMembersViewModel(context, segmentName, store -> store.get(segmentName).segment().definition());
    }

    public static ExportMembersViewModel forDefinition(AppContext context, String title, Condition definition) {
        return new ExportMembersViewModel(context, title, store -> definition);
    }

    /** Starts with these columns, in this order, instead of the default ones (the Customers tab's). */
    public ExportMembersViewModel withColumns(List<Field> columns) {
        presetColumns = List.copyOf(columns);
        return this;
    }

    public String title() {
        return title;
    }

    /** Customers, or a level of the hierarchy: householding writes one row per parent. */
    public ObservableList<HierarchyLevel> levels() {
        return levels;
    }

    public ObjectProperty<HierarchyLevel> levelProperty() {
        return level;
    }

    /** Who represents a parent when exporting one row per household or account. */
    public ObjectProperty<Representative> representativeProperty() {
        return representative;
    }

    public ObservableList<Field> available() {
        return available;
    }

    public ObservableList<Field> chosen() {
        return chosen;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty bomProperty() {
        return bom;
    }

    /** Cells a spreadsheet would run as formulas start with an apostrophe (on by default in the app). */
    public BooleanProperty safeCellsProperty() {
        return safeCells;
    }

    public BooleanProperty exportingProperty() {
        return exporting;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public ObjectProperty<Path> writtenFileProperty() {
        return writtenFile;
    }

    // Commands //

    /** Reads the columns the workspace offers and the default choice (customer id, email). */
    public void load() {
        Tasks.create(ctx -> session.read(ws -> new Columns(ws.catalog().fields(),
                        new MemberExport(ws).defaultColumns(), HierarchySetting.read(ws).levels())))
                .onSuccess(c -> {
                    allColumns = c.all().stream().filter(f -> !MANY_PER_CUSTOMER.contains(f.table())).toList();
                    chosen.setAll(presetColumns != null ? presetColumns : c.defaults());
                    levels.setAll(c.levels());
                    filterAvailable();
                })
                .onError(e -> context.dialogs().showError("Cannot read the attributes", e))
                .runOnce(context.executor());
    }

    public void add(Field f) {
        if (f != null && !chosen.contains(f)) {
            chosen.add(f);
        }
    }

    public void remove(Field f) {
        chosen.remove(f);
    }

    /** Moves a chosen column up (-1) or down (+1). */
    public void moveChosen(Field f, int delta) {
        int i = chosen.indexOf(f);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= chosen.size()) {
            return;
        }
        chosen.remove(i);
        chosen.add(j, f);
    }

    /** Writes the members to {@code file} in the background. */
    public void export(Path file) {
        if (chosen.isEmpty()) {
            result.set("Choose at least one column.");
            return;
        }
        List<Field> columns = List.copyOf(chosen);
        HierarchyLevel perRow = level.get() == null ? HierarchyLevel.CUSTOMER : level.get();
        Representative rule = representative.get() == null ? Representative.REVENUE : representative.get();
        MemberExport.CsvOptions options = new MemberExport.CsvOptions(bom.get(), safeCells.get());
        exporting.set(true);
        writtenFile.set(null);
        result.set("Finding the customers…");
        running = Tasks.create(ctx -> {
            Condition def = session.read(ws -> definition.definition(new SegmentStore(ws)));
            java.time.LocalDate asOf = session.read(ws -> ws.asOf());
            // the engine borrows its own connections: evaluate outside the session lock
            var members = session.engine().members(def, asOf, ctx.cancellation());
            ctx.progress().update(0, members.getCardinality(), "Writing " + Formats.count(members.getCardinality())
                    + " customers…");
            if (!perRow.isCustomer()) {
                return session.read(ws -> new Householding(ws, new Levels(ws)).write(members, perRow, rule, asOf,
                        columns, file, options, ctx.cancellation()));
            }
            return session.read(ws -> new MemberExport(ws).write(members, columns, file, options,
                    ctx.cancellation()));
        })
                .onProgress((f, m) -> {
                    progress.set(f);
                    result.set(m);
                })
                .onSuccess(rows -> {
                    writtenFile.set(file);
                    result.set("Exported " + Formats.count(rows) + " " + (perRow.isCustomer() ? "customers"
                            : perRow.name()) + " to " + file.getFileName() + ".");
                })
                .onError(e -> result.set(UserMessages.message(e)))
                .onCancelled(() -> result.set("Export cancelled; no file was written."))
                .andFinally(() -> exporting.set(false))
                .runOnce(context.executor());
    }

    public void cancel() {
        if (running != null && !running.isDone()) {
            running.cancel();
        }
    }

    public void openWrittenFile() {
        if (writtenFile.get() != null) {
            context.dialogs().openWithDesktop(writtenFile.get());
        }
    }

    private void filterAvailable() {
        String text = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        available.setAll(allColumns.stream().filter(f -> !chosen.contains(f))
                .filter(f -> text.isEmpty() || f.label().toLowerCase(Locale.ROOT).contains(text)
                        || f.id().toLowerCase(Locale.ROOT).contains(text))
                .toList());
    }

    private record Columns(List<Field> all, List<Field> defaults, List<HierarchyLevel> levels) {
    }
}
