package org.segmint.app.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.segmint.persistence.importing.FlatImport;
import org.segmint.persistence.importing.FlatImportSummary;
import org.segmint.persistence.importing.FlatRequest;
import org.segmint.persistence.importing.FlatShape;
import org.segmint.persistence.importing.ImportImpact;
import org.segmint.persistence.importing.ImportMode;
import org.segmint.persistence.importing.ImportPlan;
import org.segmint.persistence.importing.ImportRequest;
import org.segmint.persistence.importing.ImportSummary;
import org.segmint.persistence.importing.Importer;
import org.segmint.persistence.importing.SqliteTables;
import org.segmint.persistence.importing.TableGuess;

/**
 * The import dialog: a CSV file (detected settings, editable; each change re-reads the preview in the background) or
 * a table of another SQLite database (chosen from its tables), the preview grid, one {@link ColumnMapping} per source
 * column with its inferred type, the target table and mode, a validation message, then the import itself with
 * progress, cancel and a summary. A source of order lines with the customer on each line can be imported in one
 * step into customers, orders and order items ({@link #oneStepProperty()}).
 */
public final class ImportViewModel {
    static final int PREVIEW_ROWS = 50;
    static final int SAMPLE_ROWS = 1000;

    private final AppContext context;
    private final WorkspaceSession session;
    private final Path file;
    private final boolean database;
    private final LatestTask previewTask = new LatestTask();
    private final LatestTask modeTask = new LatestTask();
    private final LatestTask shapeTask = new LatestTask();
    /** Whether the table was guessed from the source yet (once, on the first preview). */
    private boolean tableGuessed;
    /** Whether one step was offered yet (once, when the shape is first recognised). */
    private boolean oneStepOffered;
    private TaskHandle importTask;
    private boolean applyingDetected;
    private List<Field> catalog = List.of();

    // Properties //
    private final StringProperty delimiter = new SimpleStringProperty(CsvChoices.DELIMITERS.get(0));
    private final StringProperty quote = new SimpleStringProperty(CsvChoices.QUOTES.get(0));
    private final StringProperty encoding = new SimpleStringProperty(CsvChoices.ENCODINGS.get(0));
    private final BooleanProperty header = new SimpleBooleanProperty(true);
    private final ObservableList<String> sourceTables = FXCollections.observableArrayList();
    private final StringProperty sourceTable = new SimpleStringProperty();
    private final ObjectProperty<CsvPreview> preview = new SimpleObjectProperty<>();
    private final ObservableList<ColumnMapping> mappings = FXCollections.observableArrayList(
            m -> new Observable[] {m.targetProperty(), m.typeProperty()});
    private final StringProperty table = new SimpleStringProperty(Catalog.CUSTOMERS);
    private final ObjectProperty<ImportMode> mode = new SimpleObjectProperty<>(ImportMode.REPLACE);
    private final StringProperty keys = new SimpleStringProperty("");
    private final BooleanProperty lastWins = new SimpleBooleanProperty();
    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final ObservableList<String> targetColumns = FXCollections.observableArrayList();
    private final ObjectProperty<FlatShape> shape = new SimpleObjectProperty<>();
    private final BooleanProperty oneStep = new SimpleBooleanProperty();
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty previewError = new SimpleStringProperty("");
    private final BooleanProperty previewing = new SimpleBooleanProperty();
    private final BooleanProperty importing = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressMessage = new SimpleStringProperty("");
    private final ObjectProperty<ImportSummary> summary = new SimpleObjectProperty<>();
    private final ObjectProperty<FlatImportSummary> flatSummary = new SimpleObjectProperty<>();
    private final StringProperty failure = new SimpleStringProperty("");

    public ImportViewModel(AppContext context, Path file) {
        this.context = context;
        this.session = context.requireSession();
        this.file = file;
        this.database = SqliteTables.isDatabase(file);
        delimiter.addListener((o, a, b) -> settingsChanged());
        quote.addListener((o, a, b) -> settingsChanged());
        encoding.addListener((o, a, b) -> settingsChanged());
        header.addListener((o, a, b) -> settingsChanged());
        sourceTable.addListener((o, a, b) -> settingsChanged());
        table.addListener((o, a, b) -> tableChanged());
        oneStep.addListener((o, a, b) -> oneStepChanged());
        mode.addListener((o, a, b) -> validate());
        keys.addListener((o, a, b) -> validate());
        previewError.addListener((o, a, b) -> validate());
        mappings.addListener((javafx.collections.ListChangeListener<ColumnMapping>) c -> validate());
    }

    // Properties //

    public Path file() {
        return file;
    }

    /** Whether the source is another SQLite database (a table of it is imported) rather than a CSV file. */
    public boolean isDatabase() {
        return database;
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

    /** The tables and views of a database source. */
    public ObservableList<String> sourceTables() {
        return sourceTables;
    }

    /** The table of a database source that is imported. */
    public StringProperty sourceTableProperty() {
        return sourceTable;
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

    /** Targets offered in the mapping: the chosen table's columns, or in one step both tables' as table.column. */
    public ObservableList<String> targetColumns() {
        return targetColumns;
    }

    /** What the source looks like (order lines with customers?), once read; null before. */
    public ObjectProperty<FlatShape> shapeProperty() {
        return shape;
    }

    /**
     * Whether the source is imported in one step into customers, orders and order items (offered, and on, when it
     * looks like order lines with customer ids); the targets are then {@code customers.X}, {@code order_items.X} or
     * {@code customer_id}.
     */
    public BooleanProperty oneStepProperty() {
        return oneStep;
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

    /** The outcome once an import into one table finished. */
    public ObjectProperty<ImportSummary> summaryProperty() {
        return summary;
    }

    /** The outcome once a one-step import finished. */
    public ObjectProperty<FlatImportSummary> flatSummaryProperty() {
        return flatSummary;
    }

    /** The reason the last import failed or "Cancelled", for the dialog's result area. */
    public StringProperty failureProperty() {
        return failure;
    }

    // Commands //

    /** Detects the settings (or lists the database's tables) and the workspace's tables, then previews. */
    public void start() {
        previewing.set(true);
        previewTask.run(Tasks.create(ctx -> new Detected(database ? null : CsvDetector.detect(file),
                        database ? SqliteTables.list(file) : List.of(), session.read(ws -> ws.catalog().fields())))
                .onSuccess(d -> {
                    catalog = d.catalog();
                    tables.setAll(tableChoices(d.catalog()));
                    applyingDetected = true;
                    if (d.settings() != null) {
                        delimiter.set(CsvChoices.delimiter(d.settings()));
                        quote.set(CsvChoices.quote(d.settings()));
                        encoding.set(CsvChoices.encoding(d.settings()));
                        header.set(d.settings().header());
                    }
                    sourceTables.setAll(d.sourceTables());
                    if (!d.sourceTables().isEmpty()) {
                        sourceTable.set(d.sourceTables().get(0));
                    }
                    applyingDetected = false;
                    refreshTargetColumns();
                    if (database && d.sourceTables().isEmpty()) {
                        previewing.set(false);
                        previewError.set(file.getFileName() + ": the database has no tables");
                        return;
                    }
                    settingsChanged();
                })
                .onError(e -> {
                    previewing.set(false);
                    previewError.set(UserMessages.message(e));
                    validate();
                }), context.executor());
    }

    /** The settings as the controls show them (null for a database source). */
    public CsvSettings settings() {
        return database ? null : CsvChoices.settings(delimiter.get(), quote.get(), encoding.get(), header.get());
    }

    /** The request an import into one table would run with. */
    public ImportRequest request() {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (ColumnMapping m : mappings) {
            mapping.put(m.source(), m.target());
        }
        String t = table.get() == null ? "" : table.get().trim();
        boolean create = !tables.contains(t);
        return new ImportRequest(t, mode.get(), mapping, types(), keyList(), create, rejectsFile(), lastWins.get());
    }

    /** The request a one-step import would run with. */
    public FlatRequest flatRequest() {
        Map<String, String> destinations = new LinkedHashMap<>();
        for (ColumnMapping m : mappings) {
            destinations.put(m.source(), m.target());
        }
        return new FlatRequest(mode.get(), destinations, types(), rejectsFile());
    }

    private Map<String, ColumnType> types() {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (ColumnMapping m : mappings) {
            if (!m.skipped() && m.overridden()) {
                types.put(m.source(), m.typeProperty().get());
            }
        }
        return types;
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
        boolean flat = oneStep.get();
        ImportRequest request = flat ? null : request();
        FlatRequest flatRequest = flat ? flatRequest() : null;
        CsvSettings settings = settings();
        String fromTable = sourceTable.get();
        importing.set(true);
        summary.set(null);
        flatSummary.set(null);
        failure.set("");
        progress.set(-1);
        progressMessage.set("Checking what the import changes…");
        Tasks.create(ctx -> session.read(ws -> flat ? ImportImpact.ofOrderLines(ws, flatRequest.mode())
                        : ImportImpact.of(ws, request.table(), request.mode()).warning()))
                .onSuccess(warning -> {
                    String what = flat ? "customers, orders and order items" : request.table();
                    if (warning.isPresent() && !context.dialogs().confirm("Replace " + what + "?", warning.get(),
                            "Replace")) {
                        importing.set(false);
                        progressMessage.set("");
                        return;
                    }
                    if (flat) {
                        startFlatImport(flatRequest, settings, fromTable);
                    } else {
                        startImport(request, settings, fromTable);
                    }
                })
                .onError(e -> {
                    failure.set(UserMessages.message(e));
                    importing.set(false);
                })
                .runOnce(context.executor());
    }

    private void startImport(ImportRequest request, CsvSettings settings, String fromTable) {
        progressMessage.set("Starting the import…");
        importTask = Tasks.create(ctx -> session.read(ws -> database
                        ? Importer.importSqlite(ws, file, fromTable, request, ctx.progress(), ctx.cancellation())
                        : Importer.importCsv(ws, file, settings, request, ctx.progress(), ctx.cancellation())))
                .onProgress(this::showProgress)
                .onSuccess(s -> {
                    summary.set(s);
                    context.notifyDataChanged();
                })
                .onError(e -> failure.set(UserMessages.message(e)))
                .onCancelled(() -> failure.set("Import cancelled: the workspace is unchanged."))
                .andFinally(() -> importing.set(false))
                .runOnce(context.executor());
    }

    private void startFlatImport(FlatRequest request, CsvSettings settings, String fromTable) {
        progressMessage.set("Starting the import…");
        importTask = Tasks.create(ctx -> session.read(ws -> database
                        ? FlatImport.importSqlite(ws, file, fromTable, request, ctx.progress(), ctx.cancellation())
                        : FlatImport.importCsv(ws, file, settings, request, ctx.progress(), ctx.cancellation())))
                .onProgress(this::showProgress)
                .onSuccess(s -> {
                    flatSummary.set(s);
                    context.notifyDataChanged();
                })
                .onError(e -> failure.set(UserMessages.message(e)))
                .onCancelled(() -> failure.set("Import cancelled: the workspace is unchanged."))
                .andFinally(() -> importing.set(false))
                .runOnce(context.executor());
    }

    private void showProgress(double fraction, String message) {
        progress.set(fraction);
        progressMessage.set(message);
    }

    public void cancelImport() {
        if (importTask != null && !importTask.isDone()) {
            importTask.cancel();
        }
    }

    /** Opens the rejects file of the finished import with the desktop's program for CSV. */
    public void openRejects() {
        Path rejects = summary.get() != null ? summary.get().rejectsFile()
                : flatSummary.get() != null ? flatSummary.get().rejectsFile() : null;
        if (rejects != null) {
            context.dialogs().openWithDesktop(rejects);
        }
    }

    public void dispose() {
        previewTask.cancel();
        modeTask.cancel();
        shapeTask.cancel();
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
        String fromTable = sourceTable.get();
        if (database && (fromTable == null || fromTable.isBlank())) {
            return;
        }
        previewing.set(true);
        previewTask.run(Tasks.create(ctx -> database
                        ? SqliteTables.preview(file, fromTable, PREVIEW_ROWS, SAMPLE_ROWS)
                        : CsvDetector.preview(file, settings, PREVIEW_ROWS, SAMPLE_ROWS))
                .onSuccess(p -> {
                    previewError.set("");
                    showPreview(p);
                    readShape(settings, fromTable);
                })
                .onError(e -> {
                    previewError.set(UserMessages.message(e));
                    preview.set(null);
                    mappings.clear();
                })
                .andFinally(() -> previewing.set(false)), context.executor());
    }

    private void showPreview(CsvPreview p) {
        Map<String, ColumnMapping> previous = new LinkedHashMap<>();
        for (ColumnMapping m : mappings) {
            previous.put(m.source(), m);
        }
        if (!tableGuessed) {
            tableGuessed = true;
            applyingDetected = true;
            table.set(TableGuess.forColumns(p.columns()));
            applyingDetected = false;
        }
        List<String> suggested = suggestions(p.columns());
        List<ColumnMapping> fresh = new ArrayList<>();
        for (int i = 0; i < p.columns().size(); i++) {
            String source = p.columns().get(i);
            String sample = p.rows().isEmpty() || p.rows().get(0).size() <= i ? "" : p.rows().get(0).get(i);
            ColumnMapping before = previous.get(source);
            fresh.add(new ColumnMapping(source, p.types().get(i), sample,
                    before != null ? before.target() : suggested.get(i)));
        }
        preview.set(p);
        mappings.setAll(fresh);
        tableChanged();
    }

    /** Reads the first lines for the shape of the source: order lines with customers are offered one step. */
    private void readShape(CsvSettings settings, String fromTable) {
        Catalog current = new Catalog(catalog);
        shapeTask.run(Tasks.create(ctx -> database ? FlatShape.ofSqlite(file, fromTable, current)
                        : FlatShape.ofCsv(file, settings, current))
                .onSuccess(s -> {
                    shape.set(s);
                    if (s.orderLines() && !oneStepOffered) {
                        oneStepOffered = true;
                        oneStep.set(true);
                    } else if (oneStep.get()) {
                        oneStepChanged();
                    }
                })
                .onError(e -> shape.set(null)), context.executor());
    }

    /** The targets the source's columns get with nothing mapped, for the table or the one step. */
    private List<String> suggestions(List<String> sources) {
        if (oneStep.get() && shape.get() != null && shape.get().columns().equals(sources)) {
            return sources.stream().map(s -> shape.get().destinations().getOrDefault(s, "")).toList();
        }
        String t = table.get() == null ? "" : table.get().trim();
        return ImportPlan.suggestTargets(t.isEmpty() ? Catalog.CUSTOMERS : t, sources);
    }

    /** A new table: the targets nobody changed follow it, and the mode becomes the one that loses nothing. */
    private void tableChanged() {
        if (applyingDetected) {
            return;
        }
        refreshTargetColumns();
        if (!oneStep.get()) {
            List<String> suggested = suggestions(mappings.stream().map(ColumnMapping::source).toList());
            for (int i = 0; i < mappings.size(); i++) {
                mappings.get(i).suggest(suggested.get(i));
            }
        }
        validate();
        safeMode();
    }

    private void oneStepChanged() {
        List<String> suggested = suggestions(mappings.stream().map(ColumnMapping::source).toList());
        for (int i = 0; i < mappings.size(); i++) {
            mappings.get(i).reset(suggested.get(i));
        }
        refreshTargetColumns();
        validate();
        safeMode();
    }

    private void safeMode() {
        String t = table.get() == null ? "" : table.get().trim();
        boolean flat = oneStep.get();
        if (t.isEmpty() && !flat) {
            return;
        }
        modeTask.run(Tasks.create(ctx -> session.read(ws -> flat
                        ? (ImportImpact.ofOrderLines(ws, ImportMode.REPLACE).isEmpty() ? ImportMode.REPLACE
                        : ImportMode.UPSERT)
                        : ImportImpact.safeMode(ws, t, ImportPlan.customerKeyed(t))))
                .onSuccess(mode::set), context.executor());
    }

    private void refreshTargetColumns() {
        if (oneStep.get()) {
            List<String> both = new ArrayList<>(List.of("customer_id"));
            for (Field f : catalog) {
                if ((f.table().equals(Catalog.CUSTOMERS) || f.table().equals(Catalog.ORDER_ITEMS))
                        && !f.column().equals("customer_id")) {
                    both.add(f.table() + "." + f.column());
                }
            }
            targetColumns.setAll(both);
            return;
        }
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
        if (database && sourceTable.get() != null) {
            stem = stem + "-" + sourceTable.get().replaceAll("[^A-Za-z0-9_.-]", "_");
        }
        Path dir = session.file().toAbsolutePath().getParent();
        return dir.resolve(stem + ".rejects.csv");
    }

    /**
     * Why the import cannot start, shown before the user presses Import: the importer's own checks
     * ({@link ImportPlan#check}, {@link ImportPlan#checkFlat}) of the request the dialog would run, in its words.
     */
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
        if (oneStep.get()) {
            List<String> sources = mappings.stream().map(ColumnMapping::source).toList();
            return ImportPlan.checkFlat(flatRequest(), sources, new Catalog(catalog), file.getFileName().toString())
                    .orElse("");
        }
        List<String> sources = mappings.stream().map(ColumnMapping::source).toList();
        return ImportPlan.check(request(), sources, new Catalog(catalog), file.getFileName().toString()).orElse("");
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

    private record Detected(CsvSettings settings, List<String> sourceTables, List<Field> catalog) {
    }
}
