package org.segmint.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.importing.CsvSettings;
import org.segmint.persistence.importing.FlatImport;
import org.segmint.persistence.importing.FlatImportSummary;
import org.segmint.persistence.importing.FlatRequest;
import org.segmint.persistence.importing.FlatShape;
import org.segmint.persistence.importing.ImportMode;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * {@code segmint import WS --flat (--file F.csv | --from-sqlite DB --source-table T)}: one file of order lines fills
 * customers, orders and order items at once ({@link FlatImport}). Where each column goes is suggested from the file
 * ({@link FlatShape}) and changed with {@code --map}; the summary says what went where and what was derived.
 */
final class FlatImportRun {
    private final ImportCommand command;

    FlatImportRun(ImportCommand command) {
        this.command = command;
    }

    int execute() throws Exception {
        boolean fromSqlite = command.sqlite != null;
        if (fromSqlite == (command.file != null)) {
            throw new WorkspaceException("Give either --file F.csv or --from-sqlite DB --source-table NAME");
        }
        if (fromSqlite && (command.sourceTable == null || command.sourceTable.isBlank())) {
            throw new WorkspaceException("--from-sqlite needs --source-table NAME");
        }
        if (command.createTable || command.keys.size() > 0 || !"reject".equals(command.duplicates)) {
            throw new WorkspaceException("--flat takes neither --create-table, --key nor --duplicates: orders are"
                    + " keyed by order id, and each customer gets the last value of their lines");
        }
        Path source = fromSqlite ? command.sqlite : command.file;
        if (!Files.isRegularFile(source)) {
            throw new WorkspaceException(source + ": no such file");
        }
        ImportMode mode = ImportMode.parse(command.mode);
        Map<String, String> changes = command.mapping();
        CsvSettings settings = fromSqlite ? null : command.settings();
        Progress progress = command.progress();
        FlatImportSummary summary = null;
        if (!Files.exists(command.workspacePath)) {
            FlatImportSummary[] first = new FlatImportSummary[1];
            try {
                Workspace.build(command.workspacePath, ws -> first[0] = load(ws, mode, changes, settings, progress));
                summary = first[0];
            } catch (Workspace.AlreadyExistsException e) {
                summary = null; // created meanwhile by someone else: import into theirs below
            }
        }
        if (summary == null) {
            try (Workspace ws = Workspace.open(command.workspacePath)) {
                summary = load(ws, mode, changes, settings, progress);
            }
        }
        print(summary);
        return Cli.OK;
    }

    private FlatImportSummary load(Workspace ws, ImportMode mode, Map<String, String> changes, CsvSettings settings,
                                   Progress progress) {
        FlatShape shape = command.sqlite != null ? FlatShape.ofSqlite(command.sqlite, command.sourceTable,
                ws.catalog()) : FlatShape.ofCsv(command.file, settings, ws.catalog());
        FlatRequest request = new FlatRequest(mode, shape.withChanges(changes), command.typeMap(), command.rejects);
        return command.sqlite != null
                ? FlatImport.importSqlite(ws, command.sqlite, command.sourceTable, request, progress,
                        Cancellation.none())
                : FlatImport.importCsv(ws, command.file, settings, request, progress, Cancellation.none());
    }

    private void print(FlatImportSummary s) throws Exception {
        if (command.json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("flat", true);
            result.put("source", s.source());
            result.put("mode", s.mode().text());
            result.put("lines", s.lines());
            result.put("rejected", s.rejected());
            result.put("linesWithoutCustomer", s.linesWithoutCustomer());
            result.put("tables", s.tables());
            result.put("customerColumns", s.customerColumns());
            result.put("conflicts", s.conflicts());
            result.put("derived", s.derived());
            result.put("columnsAdded", s.columnsAdded());
            Map<String, String> columns = new LinkedHashMap<>();
            s.columns().forEach((k, v) -> columns.put(k, v.toString()));
            result.put("columns", columns);
            if (s.settings() != null) {
                result.put("settings", ImportCommand.settingsJson(s.settings()));
            }
            result.put("rejectsFile", s.rejectsFile() == null ? null : s.rejectsFile().toString());
            result.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
            command.printJson(result);
            return;
        }
        command.println(String.format("Imported %,d order lines from %s (%s) in %.1f s: %,d customers, %,d orders,"
                + " %,d order items", s.lines(), s.source(), s.mode().text(), s.seconds(), s.customers(), s.orders(),
                s.lines()));
        for (String line : s.derived()) {
            command.println("  " + line);
        }
        command.println(String.format("  rejected: %,d%s", s.rejected(), s.rejectsFile() != null ? " (see "
                + s.rejectsFile() + ")" : s.rejected() > 0 ? " (use --rejects FILE to keep them)" : ""));
        if (!s.columnsAdded().isEmpty()) {
            command.println("  new columns: " + String.join(", ", s.columnsAdded()));
        }
    }
}
