package org.segmint.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.importing.ColumnType;
import org.segmint.persistence.importing.CsvDetector;
import org.segmint.persistence.importing.CsvSettings;
import org.segmint.persistence.importing.ImportMode;
import org.segmint.persistence.importing.ImportRequest;
import org.segmint.persistence.importing.ImportSummary;
import org.segmint.persistence.importing.Importer;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code segmint import WS --table T (--file F.csv | --from-sqlite DB --source-table NAME) ...}: imports
 * one CSV file or one table of another SQLite database into a workspace table, creating the
 * workspace when the file does not exist. See docs/import.md.
 */
@Command(name = "import", description = "Import a CSV file (or a table of another SQLite database) into a table.")
public final class ImportCommand extends WorkspaceCommand {

    @Option(names = "--table", paramLabel = "TABLE",
            description = "Target table: customers, orders, order_items, events (or a new one with --create-table).")
    String table;

    @Option(names = "--flat", description = "The file has one row per order line with the customer's id (and"
            + " attributes): fill customers, orders and order_items from it in one step. --map SRC=customers.COL or"
            + " SRC=order_items.COL changes where a column goes; --mode replace (default) or upsert.")
    boolean flat;

    @Option(names = "--file", paramLabel = "FILE", description = "The CSV file to import.")
    Path file;

    @Option(names = "--from-sqlite", paramLabel = "DB", description = "Import from this SQLite database instead.")
    Path sqlite;

    @Option(names = "--source-table", paramLabel = "NAME", description = "The table to read with --from-sqlite.")
    String sourceTable;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "replace",
            description = "replace (default), append or upsert.")
    String mode;

    @Option(names = "--map", paramLabel = "SRC=DST", description = "Map a source column (name as in the file) to"
            + " a target column; SRC= skips the column. Repeatable.")
    List<String> maps = new ArrayList<>();

    @Option(names = "--type", paramLabel = "COL=TYPE", description = "Read a column as text, integer, decimal,"
            + " boolean, date or datetime (date:MM/dd/yyyy gives the layout). Repeatable.")
    List<String> types = new ArrayList<>();

    @Option(names = "--key", paramLabel = "COL", description = "Key column for upsert into orders, order_items or"
            + " events (e.g. order_id). Repeatable.")
    List<String> keys = new ArrayList<>();

    @Option(names = "--duplicates", paramLabel = "RULE", defaultValue = "reject", description = "A customer id"
            + " repeated in the file (customers and other one-row-per-customer tables): reject (default; the first"
            + " row is kept, the others are rejects) or last (each later row updates the one before).")
    String duplicates;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Write rows that cannot be read to this CSV.")
    Path rejects;

    @Option(names = "--delimiter", paramLabel = "X", description = "comma, semicolon, tab, pipe or one character"
            + " (default: detected).")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "E", description = "UTF-8 or Latin-1 (default: detected).")
    String encoding;

    @Option(names = "--no-header", description = "The first row is data, not column names.")
    boolean noHeader;

    @Option(names = "--create-table", description = "Create TABLE as a table of customer attributes if it is new.")
    boolean createTable;

    @Override
    protected int execute() throws Exception {
        if (flat == (table != null)) {
            throw new WorkspaceException(flat ? "--flat fills customers, orders and order_items: leave out --table"
                    : "Give the table to import into with --table TABLE (or --flat for a file of order lines)");
        }
        if (flat) {
            return new FlatImportRun(this).execute();
        }
        ImportRequest request = request();
        boolean fromSqlite = sqlite != null;
        if (fromSqlite == (file != null)) {
            throw new WorkspaceException("Give either --file F.csv or --from-sqlite DB --source-table NAME");
        }
        if (fromSqlite && (sourceTable == null || sourceTable.isBlank())) {
            throw new WorkspaceException("--from-sqlite needs --source-table NAME");
        }
        Path source = fromSqlite ? sqlite : file;
        if (!Files.isRegularFile(source)) {
            throw new WorkspaceException(source + ": no such file");
        }
        CsvSettings settings = fromSqlite ? null : settings();
        // Progress only for a person at a terminal, and only once the import has taken a while: a script (or a
        // quick failure) sees nothing on stderr but the one-line reason.
        Progress progress = progress();
        ImportSummary summary = null;
        if (!Files.exists(workspacePath)) {
            // A new workspace appears only with its first import complete: a failed import leaves no file, and
            // nothing is ever deleted (another import may have created the workspace a moment ago).
            ImportSummary[] first = new ImportSummary[1];
            try {
                Workspace.build(workspacePath, ws -> first[0] = load(ws, settings, request, progress));
                summary = first[0];
            } catch (Workspace.AlreadyExistsException e) {
                summary = null; // created meanwhile by someone else: import into theirs below
            }
        }
        if (summary == null) {
            try (Workspace ws = Workspace.open(workspacePath)) {
                summary = load(ws, settings, request, progress);
            }
        }
        print(summary);
        return Cli.OK;
    }

    /** Progress on stderr for a person at a terminal; nothing for a script. */
    Progress progress() {
        return json || System.console() == null ? Progress.NONE : new ConsoleProgress(spec.commandLine().getErr());
    }

    private ImportSummary load(Workspace ws, CsvSettings settings, ImportRequest request, Progress progress) {
        return sqlite != null
                ? Importer.importSqlite(ws, sqlite, sourceTable, request, progress, Cancellation.none())
                : Importer.importCsv(ws, file, settings, request, progress, Cancellation.none());
    }

    /** The --map options as source to target; each source once. */
    Map<String, String> mapping() {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String m : maps) {
            int eq = m.indexOf('=');
            if (eq <= 0) {
                throw new WorkspaceException("--map " + m + ": write SOURCE=TARGET");
            }
            if (mapping.put(m.substring(0, eq), m.substring(eq + 1)) != null) {
                throw new WorkspaceException("--map " + m + ": column " + m.substring(0, eq) + " is mapped twice");
            }
        }
        return mapping;
    }

    /** The --type options as column to type. */
    Map<String, ColumnType> typeMap() {
        Map<String, ColumnType> typeMap = new LinkedHashMap<>();
        for (String t : types) {
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new WorkspaceException("--type " + t + ": write COLUMN=TYPE");
            }
            typeMap.put(t.substring(0, eq), ColumnType.parse(t.substring(eq + 1)));
        }
        return typeMap;
    }

    private ImportRequest request() {
        Map<String, String> mapping = mapping();
        Map<String, ColumnType> typeMap = typeMap();
        boolean lastWins = switch (duplicates.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "reject" -> false;
            case "last" -> true;
            default -> throw new WorkspaceException("--duplicates: expected reject or last, not '" + duplicates + "'");
        };
        return new ImportRequest(table, ImportMode.parse(mode), mapping, typeMap, keys, createTable, rejects, lastWins);
    }

    CsvSettings settings() {
        CsvSettings s = CsvDetector.detect(file);
        try {
            if (delimiter != null) {
                s = s.withDelimiter(CsvSettings.parseDelimiter(delimiter));
            }
            if (encoding != null) {
                s = s.withEncoding(CsvSettings.parseEncoding(encoding));
            }
        } catch (IllegalArgumentException e) {
            throw new WorkspaceException((delimiter != null ? "--delimiter: " : "--encoding: ") + e.getMessage());
        }
        return noHeader ? s.withHeader(false) : s;
    }

    private void print(ImportSummary s) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("table", s.table());
        result.put("rows", s.rows());
        result.put("rejected", s.rejected());
        result.put("orphans", s.orphans());
        result.put("mode", s.mode().text());
        result.put("source", s.source());
        result.put("columnsAdded", s.columnsAdded());
        Map<String, String> columns = new LinkedHashMap<>();
        s.columns().forEach((k, v) -> columns.put(k, v.toString()));
        result.put("columns", columns);
        if (s.settings() != null) {
            result.put("settings", settingsJson(s.settings()));
        }
        result.put("rejectsFile", s.rejectsFile() == null ? null : s.rejectsFile().toString());
        result.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
        if (json) {
            printJson(result);
            return;
        }
        println(String.format("Imported %,d rows into %s (%s) from %s in %.1f s", s.rows(), s.table(),
                s.mode().text(), s.source(), s.seconds()));
        println(String.format("  rejected: %,d%s", s.rejected(),
                s.rejectsFile() != null ? " (see " + s.rejectsFile() + ")"
                        : s.rejected() > 0 ? " (use --rejects FILE to keep them)" : ""));
        println(String.format("  orphans (no known customer): %,d", s.orphans()));
        if (!s.columnsAdded().isEmpty()) {
            println("  new columns: " + String.join(", ", s.columnsAdded()));
        }
        if (s.settings() != null) {
            println("  read as: " + s.settings().delimiterName() + "-separated, " + s.settings().encodingName()
                    + (s.settings().header() ? ", with header" : ", no header"));
        }
    }

    static Map<String, Object> settingsJson(CsvSettings s) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("delimiter", s.delimiterName());
        settings.put("quote", s.quote() == null ? null : String.valueOf(s.quote()));
        settings.put("encoding", s.encodingName());
        settings.put("header", s.header());
        return settings;
    }

    /** Prints progress to stderr every few seconds, starting a few seconds in. */
    private static final class ConsoleProgress implements Progress {
        private final java.io.PrintWriter err;
        private long last = System.nanoTime();

        ConsoleProgress(java.io.PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(long done, long total, String message) {
            long now = System.nanoTime();
            if (now - last > 2_000_000_000L) {
                last = now;
                err.println(total > 0 ? String.format("%3d%%  %s", Math.min(100, done * 100 / total), message)
                        : message);
                err.flush();
            }
        }
    }
}
