package org.segmint.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.store.ListFile;
import org.segmint.persistence.store.ListStore;
import org.segmint.persistence.store.Usage;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code segmint list WS ACTION ...}: uploaded lists of customer ids or emails, which segments use with an
 * "in uploaded list" condition. {@code upload NAME --file F.csv} reads one column of a CSV file and reports how many
 * rows match no customer; {@code list}; {@code delete NAME} (refused while segments, models or groups use it).
 */
@Command(name = "list", description = "Uploaded lists of customer ids or emails: upload NAME --file F.csv [--column C]"
        + " [--match customer_id|email] [--replace], list, delete NAME [--force].")
public final class ListCommand extends WorkspaceCommand {

    @Parameters(index = "1", paramLabel = "ACTION", description = "upload, list or delete.")
    String action;

    @Parameters(index = "2", arity = "0..1", paramLabel = "NAME", description = "The list (upload, delete).")
    String name;

    @Option(names = "--file", paramLabel = "FILE", description = "upload: the CSV file.")
    Path file;

    @Option(names = "--column", paramLabel = "C", description = "upload: the column holding the ids or emails"
            + " (default: the one named like customer id or email, else the first).")
    String column;

    @Option(names = "--match", paramLabel = "ON", description = "upload: customer_id or email (default: email when"
            + " the column is named so or its values have an @).")
    String match;

    @Option(names = "--replace", description = "upload: replace the values of a list that exists.")
    boolean replace;

    @Option(names = "--no-header", description = "upload: the first row is a value, not a column name.")
    boolean noHeader;

    @Option(names = "--force", description = "delete: delete even when segments, models or groups use it.")
    boolean force;

    @Override
    protected int execute() throws Exception {
        switch (action) {
            case "upload":
                return upload();
            case "list":
                return list();
            case "delete":
                return delete();
            default:
                throw new WorkspaceException("list: unknown action '" + action + "' (use upload, list or delete)");
        }
    }

    private int upload() throws Exception {
        String listName = requireName();
        if (file == null) {
            throw new WorkspaceException("list upload: give the file with --file F.csv");
        }
        if (!Files.isRegularFile(file)) {
            throw new WorkspaceException(file + ": no such file");
        }
        ListStore.MatchOn matchOn = match == null ? null : ListStore.MatchOn.fromColumn(match.strip())
                .orElseThrow(() -> new WorkspaceException("--match: expected customer_id or email, not '" + match
                        + "'"));
        ListFile listFile = ListFile.open(file);
        if (noHeader) {
            listFile = ListFile.open(file, listFile.settings().withHeader(false));
        }
        int index = column == null ? listFile.suggestedColumn() : listFile.column(column);
        ListStore.ListReport report;
        try (Workspace ws = openWorkspace()) {
            report = new ListStore(ws).upload(listName, listFile, index, matchOn, replace, Cancellation.none());
        }
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("list", report.name());
            result.put("column", listFile.columns().get(index));
            result.putAll(counts(report));
            printJson(result);
            return Cli.OK;
        }
        println(String.format("Uploaded list '%s': %,d rows of column '%s' (%s), %,d distinct values; %,d customers"
                + " match", report.name(), report.rows(), listFile.columns().get(index), what(report.matchOn()),
                report.values(), report.customers()));
        if (report.unmatchedRows() > 0) {
            println(String.format("  %,d rows (%,d values) match no customer, e.g. %s", report.unmatchedRows(),
                    report.unmatchedValues(), String.join(", ", report.unmatchedExamples())));
        }
        return Cli.OK;
    }

    private int list() throws Exception {
        List<Map<String, Object>> lists = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try (Workspace ws = openWorkspace()) {
            ListStore store = new ListStore(ws);
            for (ListStore.ListInfo info : store.list()) {
                ListStore.ListReport report = store.report(info.name());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", info.name());
                m.put("matchOn", info.matchOn().column());
                m.put("values", report.values());
                m.put("customers", report.customers());
                m.put("unmatchedValues", report.unmatchedValues());
                m.put("usedIn", store.usedIn(info.name()).stream().map(ListCommand::usage).toList());
                lists.add(m);
                lines.add(String.format("%-32s %-12s %,10d values %,10d customers", info.name(),
                        info.matchOn().column(), report.values(), report.customers()));
            }
        }
        if (json) {
            printJson(Map.of("lists", lists));
        } else if (lines.isEmpty()) {
            println("No uploaded lists. Upload one with: segmint list WS upload NAME --file F.csv");
        } else {
            lines.forEach(this::println);
        }
        return Cli.OK;
    }

    private int delete() throws Exception {
        String listName = requireName();
        List<Usage> usedIn;
        try (Workspace ws = openWorkspace()) {
            ListStore store = new ListStore(ws);
            store.info(listName);
            usedIn = store.usedIn(listName);
            store.delete(listName, force);
        }
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("deleted", listName);
            result.put("usedIn", usedIn.stream().map(ListCommand::usage).toList());
            printJson(result);
        } else {
            println("Deleted list '" + listName + "'" + (usedIn.isEmpty() ? "" : "; " + usedIn.size()
                    + " definitions still name it and will not count until it is uploaded again"));
        }
        return Cli.OK;
    }

    private String requireName() {
        if (name == null || name.isBlank()) {
            throw new WorkspaceException("list " + action + ": give the list's name");
        }
        return name;
    }

    private static String what(ListStore.MatchOn matchOn) {
        return matchOn == ListStore.MatchOn.EMAIL ? "emails" : "customer ids";
    }

    static Map<String, Object> counts(ListStore.ListReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("matchOn", report.matchOn().column());
        m.put("rows", report.rows());
        m.put("values", report.values());
        m.put("customers", report.customers());
        m.put("unmatchedRows", report.unmatchedRows());
        m.put("unmatchedValues", report.unmatchedValues());
        m.put("unmatchedExamples", report.unmatchedExamples());
        return m;
    }

    private static Map<String, String> usage(Usage u) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", u.kind().label());
        m.put("name", u.name());
        return m;
    }
}
