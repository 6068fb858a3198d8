package org.segmint.app.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
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
import org.segmint.app.shell.UserMessages;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.LatestTask;
import org.segmint.app.task.TaskHandle;
import org.segmint.app.task.Tasks;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.persistence.importing.ColumnType;
import org.segmint.persistence.importing.CsvDetector;
import org.segmint.persistence.importing.CsvPreview;
import org.segmint.persistence.importing.CsvSettings;
import org.segmint.persistence.importing.ImportImpact;
import org.segmint.persistence.importing.ImportMode;
import org.segmint.persistence.importing.TableGuess;
import org.segmint.persistence.importing.ImportRequest;
import org.segmint.persistence.importing.ImportSummary;
import org.segmint.persistence.importing.Importer;
import org.segmint.persistence.workspace.Identifiers;

/**
 * The CSV import dialog: detected settings (editable; each change re-reads the preview in the background),
 * the preview grid, one {@link ColumnMapping} per source column with its inferred type, the target table
 * and mode, a validation message, then the import itself with progress, cancel and a summary.
 */
public final class ImportViewModel {
    static final int PREVIEW_ROWS = 50;
    static final int SAMPLE_ROWS = 1000;

    private final AppContext context;
    private final WorkspaceSession session;
    private final Path file;
    private final LatestTask previewTask = new LatestTask();
    private final LatestTask modeTask = new LatestTask();
    /** Whether the table was guessed from the file yet (once, on the first preview). */
    private boolean tableGuessed;
    private TaskHandle importTask;
    private boolean applyingDetected;

    // Properties //
    private final StringProperty delimiter = new SimpleStringProperty(CsvChoices.DELIMITERS.get(0));
    private final StringProperty quote = new SimpleStringProperty(CsvChoices.QUOTES.get(0));
    private final StringProperty encoding = new SimpleStringProperty(CsvChoices.ENCODINGS.get(0));
    private final BooleanProperty header = new SimpleBooleanProperty(true);
    private final ObjectProperty<CsvPreview> preview = new SimpleObjectProperty<>();
    private final ObservableList<ColumnMapping> mappings = FXCollections.observableArrayList(
            m -> new Observable[] {m.targetProperty(), m.typeProperty()});
    private final StringProperty table = new SimpleStringProperty(Catalog.CUSTOMERS);
    private final ObjectProperty<ImportMode> mode = new SimpleObjectProperty<>(ImportMode.REPLACE);
    private final StringProperty keys = new SimpleStringProperty("");
    private final BooleanProperty lastWins = new SimpleBooleanProperty();
    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final ObservableList<String> targetColumns = FXCollections.observableArrayList();
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty previewError = new SimpleStringProperty("");
    private final BooleanProperty previewing = new SimpleBooleanProperty();
    private final BooleanProperty importing = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressMessage = new SimpleStringProperty("");
    private final ObjectProperty<ImportSummary> summary = new SimpleObjectProperty<>();
    private final StringProperty failure = new SimpleStringProperty("");
    private List<Field> catalog = List.of();

    public ImportViewModel(AppContext context, Path file) {
        this.context = context;
        this.session = context.requireSession();
        this.file = file;
        delimiter.addListener((o, a, b) -> settingsChanged());
        quote.addListener((o, a, b) -> settingsChanged());
        encoding.addListener((o, a, b) -> settingsChanged());
        header.addListener((o, a, b) -> settingsChanged());
        table.addListener((o, a, b) -> tableChanged());
        mode.addListener((o, a, b) -> validate());
        keys.addListener((o, a, b) -> validate());
        previewError.addListener((o, a, b) -> validate());
        mappings.addListener((javafx.collections.ListChangeListener<ColumnMapping>) c -> validate());
    }

    // Properties //

    public Path file() {
        return file;
    }

    public StringProperty delimiterProperty() {
        return delimiter;
    }

    public StringProperty quoteProperty() {
        return quote;
    }

    public StringProperty encodingProperty() {
        return encoding;
    }

    public BooleanProperty headerProperty() {
        return header;
    }

    public ObjectProperty<CsvPreview> previewProperty() {
        return preview;
    }

    public ObservableList<ColumnMapping> mappings() {
        return mappings;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public ObjectProperty<ImportMode> modeProperty() {
        return mode;
    }

    /** Whether a customer id repeated in the file updates the row before (else the repeats are rejects). */
    public BooleanProperty lastWinsProperty() {
        return lastWins;
    }

    /** Key columns for upsert into orders, items or events, comma-separated target names. */
    public StringProperty keysProperty() {
        return keys;
    }

    /** Tables to import into: the standard ones and any customer-keyed table the workspace has. */
    public ObservableList<String> tables() {
        return tables;
    }

    /** Columns the chosen table already has (targets offered in the mapping). */
    public ObservableList<String> targetColumns() {
        return targetColumns;
    }

    /** Why the import cannot start yet, or empty. */
    public StringProperty problemProperty() {
        return problem;
    }

    public StringProperty previewErrorProperty() {
        return previewError;
    }

    public BooleanProperty previewingProperty() {
        return previewing;
    }

    public BooleanProperty importingProperty() {
        return importing;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressMessageProperty() {
        return progressMessage;
    }

    /** The outcome once an import finished. */
    public ObjectProperty<ImportSummary> summaryProperty() {
        return summary;
    }

    /** The reason the last import failed or "Cancelled", for the dialog's result area. */
    public StringProperty failureProperty() {
        return failure;
    }

    // Commands //

    /** Detects the settings and the tables, then previews (in the background). */
    public void start() {
        previewing.set(true);
        previewTask.run(Tasks.create(ctx -> new Detected(CsvDetector.detect(file),
                        session.read(ws -> ws.catalog().fields())))
                .onSuccess(d -> {
                    catalog = d.catalog();
                    tables.setAll(tableChoices(d.catalog()));
                    applyingDetected = true;
                    delimiter.set(CsvChoices.delimiter(d.settings()));
                    quote.set(CsvChoices.quote(d.settings()));
                    encoding.set(CsvChoices.encoding(d.settings()));
                    header.set(d.settings().header());
                    applyingDetected = false;
                    refreshTargetColumns();
                    settingsChanged();
                })
                .onError(e -> {
                    previewing.set(false);
                    previewError.set(UserMessages.message(e));
                    validate();
                }), context.executor());
    }

    /** The settings as the controls show them. */
    public CsvSettings settings() {
        return CsvChoices.settings(delimiter.get(), quote.get(), encoding.get(), header.get());
    }

    /** The request the import would run with. */
    public ImportRequest request() {
        Map<String, String> mapping = new LinkedHashMap<>();
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (ColumnMapping m : mappings) {
            mapping.put(m.source(), m.target());
            if (!m.skipped() && m.overridden()) {
                types.put(m.source(), m.typeProperty().get());
            }
        }
        String t = table.get().trim();
        boolean create = !tables.contains(t);
        return new ImportRequest(t, mode.get(), mapping, types, keyList(), create, rejectsFile(), lastWins.get());
    }

    /**
     * Runs the import in the background; the summary or the failure appears when it ends. An import that would
     * replace rows the workspace has first says what would be lost and runs only when the user confirms.
     */
    public void runImport() {
        validate();
        if (!problem.get().isEmpty() || importing.get()) {
            return;
        }
        ImportRequest request = request();
        CsvSettings settings = settings();
        importing.set(true);
        summary.set(null);
        failure.set("");
        progress.set(-1);
        progressMessage.set("Checking what the import changes…");
        Tasks.create(ctx -> session.read(ws -> ImportImpact.of(ws, request.table(), request.mode())))
                .onSuccess(impact -> {
                    if (impact.warning().isPresent() && !context.dialogs().confirm("Replace " + request.table() + "?",
                            impact.warning().get(), "Replace")) {
                        importing.set(false);
                        progressMessage.set("");
                        return;
                    }
                    startImport(request, settings);
                })
                .onError(e -> {
                    failure.set(UserMessages.message(e));
                    importing.set(false);
                })
                .runOnce(context.executor());
    }

    private void startImport(ImportRequest request, CsvSettings settings) {
        progressMessage.set("Starting the import…");
        importTask = Tasks.create(ctx -> session.read(ws -> Importer.importCsv(ws, file, settings, request,
                        ctx.progress(), ctx.cancellation())))
                .onProgress((fraction, message) -> {
                    progress.set(fraction);
                    progressMessage.set(message);
                })
                .onSuccess(s -> {
                    summary.set(s);
                    context.notifyDataChanged();
                })
                .onError(e -> failure.set(UserMessages.message(e)))
                .onCancelled(() -> failure.set("Import cancelled: the workspace is unchanged."))
                .andFinally(() -> importing.set(false))
                .runOnce(context.executor());
    }

    public void cancelImport() {
        if (importTask != null && !importTask.isDone()) {
            importTask.cancel();
        }
    }

    /** Opens the rejects file of the finished import with the desktop's program for CSV. */
    public void openRejects() {
        ImportSummary s = summary.get();
        if (s != null && s.rejectsFile() != null) {
            context.dialogs().openWithDesktop(s.rejectsFile());
        }
    }

    public void dispose() {
        previewTask.cancel();
        modeTask.cancel();
    }

    // Internals //

    private void settingsChanged() {
        if (applyingDetected) {
            return;
        }
        CsvSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            previewError.set(e.getMessage());
            validate();
            return;
        }
        previewing.set(true);
        previewTask.run(Tasks.create(ctx -> CsvDetector.preview(file, settings, PREVIEW_ROWS, SAMPLE_ROWS))
                .onSuccess(p -> {
                    previewError.set("");
                    showPreview(p);
                })
                .onError(e -> {
                    previewError.set(UserMessages.message(e));
                    preview.set(null);
                    mappings.clear();
                })
                .andFinally(() -> previewing.set(false)), context.executor());
    }

    private void showPreview(CsvPreview p) {
        Map<String, String> previousTargets = new LinkedHashMap<>();
        for (ColumnMapping m : mappings) {
            previousTargets.put(m.source(), m.target());
        }
        List<ColumnMapping> fresh = new ArrayList<>();
        for (int i = 0; i < p.columns().size(); i++) {
            String source = p.columns().get(i);
            String sample = p.rows().isEmpty() || p.rows().get(0).size() <= i ? "" : p.rows().get(0).get(i);
            String target = previousTargets.containsKey(source) ? previousTargets.get(source) : suggestTarget(source);
            fresh.add(new ColumnMapping(source, p.types().get(i), sample, target));
        }
        preview.set(p);
        mappings.setAll(fresh);
        if (!tableGuessed) {
            tableGuessed = true;
            table.set(TableGuess.forColumns(p.columns()));
            tableChanged();
        }
    }

    /** The column's normalised name, which matches the table's column when the names agree. */
    private String suggestTarget(String source) {
        String normalised = Identifiers.normalise(source);
        return "ck".equals(normalised) ? "c_ck" : normalised;
    }

    /** A new table: its columns become the targets, and the mode the one that loses nothing in that table. */
    private void tableChanged() {
        refreshTargetColumns();
        validate();
        String t = table.get() == null ? "" : table.get().trim();
        if (t.isEmpty()) {
            return;
        }
        boolean customerKeyed = Catalog.CUSTOMERS.equals(t) || !isStandardEventTable(t);
        modeTask.run(Tasks.create(ctx -> session.read(ws -> ImportImpact.safeMode(ws, t, customerKeyed)))
                .onSuccess(mode::set), context.executor());
    }

    private void refreshTargetColumns() {
        String t = table.get() == null ? "" : table.get().trim();
        targetColumns.setAll(catalog.stream().filter(f -> f.table().equals(t)).map(Field::column).toList());
    }

    private List<String> keyList() {
        List<String> list = new ArrayList<>();
        for (String k : keys.get().split(",")) {
            if (!k.isBlank()) {
                list.add(k.trim());
            }
        }
        return list;
    }

    private Path rejectsFile() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path dir = session.file().toAbsolutePath().getParent();
        return dir.resolve(stem + ".rejects.csv");
    }

    /** The checks the importer makes too, shown before the user presses Import. */
    void validate() {
        problem.set(firstProblem());
    }

    private String firstProblem() {
        if (!previewError.get().isEmpty()) {
            return previewError.get();
        }
        if (mappings.isEmpty()) {
            return previewing.get() ? "Reading the file…" : "The file has no columns to import.";
        }
        String t = table.get() == null ? "" : table.get().trim();
        if (t.isEmpty()) {
            return "Choose the table to import into.";
        }
        if (!tables.contains(t) && !Identifiers.isValid(t)) {
            return "'" + t + "' is not a valid table name: use lower-case letters, digits and _.";
        }
        Set<String> targets = new HashSet<>();
        for (ColumnMapping m : mappings) {
            if (m.skipped()) {
                continue;
            }
            if (!Identifiers.isValid(m.target()) || "ck".equals(m.target())) {
                return "Column " + m.source() + ": '" + m.target() + "' is not a valid name (use a-z, 0-9 and _).";
            }
            if (!targets.add(m.target())) {
                return "Two columns are mapped to " + m.target() + "; skip one or rename it.";
            }
        }
        if (targets.isEmpty()) {
            return "Every column is skipped; map at least one.";
        }
        for (String required : requiredColumns(t)) {
            if (!targets.contains(required)) {
                return "Map a column to " + required + " (required for " + t + ").";
            }
        }
        boolean customerKeyed = Catalog.CUSTOMERS.equals(t) || !isStandardEventTable(t);
        if (mode.get() == ImportMode.UPSERT && !customerKeyed) {
            if (keyList().isEmpty()) {
                return "Upsert into " + t + " needs key columns (for example order_id).";
            }
            for (String k : keyList()) {
                if (!targets.contains(k)) {
                    return "Key " + k + " is not one of the imported columns.";
                }
            }
        }
        return "";
    }

    private static boolean isStandardEventTable(String t) {
        return Catalog.ORDERS.equals(t) || Catalog.ORDER_ITEMS.equals(t) || Catalog.EVENTS.equals(t);
    }

    static List<String> requiredColumns(String table) {
        switch (table) {
            case Catalog.EVENTS:
                return List.of("event_type", "event_time");
            case Catalog.ORDERS:
                return List.of("order_date");
            case Catalog.ORDER_ITEMS:
                return List.of();
            default:
                return List.of("customer_id");
        }
    }

    private static List<String> tableChoices(List<Field> catalog) {
        List<String> result = new ArrayList<>(List.of(Catalog.CUSTOMERS, Catalog.ORDERS, Catalog.ORDER_ITEMS,
                Catalog.EVENTS));
        for (Field f : catalog) {
            if (!result.contains(f.table()) && !Catalog.METRICS.equals(f.table())) {
                result.add(f.table());
            }
        }
        return result;
    }

    private record Detected(CsvSettings settings, List<Field> catalog) {
    }
}
