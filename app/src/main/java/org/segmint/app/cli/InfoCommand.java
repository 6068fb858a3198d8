package org.segmint.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.catalog.Field;
import org.segmint.persistence.workspace.Workspace;
import picocli.CommandLine.Command;

/** {@code segmint info WS}: tables, row counts, as-of and the catalog. */
@Command(name = "info", description = "Show the tables, row counts, as-of date and attributes of a workspace.")
public final class InfoCommand extends WorkspaceCommand {

    @Override
    protected int execute() throws Exception {
        try (Workspace ws = openWorkspace()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("workspace", ws.file().toString());
            result.put("asOf", ws.asOf().toString());
            result.put("asOfSetting", ws.asOfSetting().text());
            Map<String, Object> tables = new LinkedHashMap<>();
            for (String table : ws.catalog().tables()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("rows", ws.rowCount(table));
                List<Map<String, String>> columns = new ArrayList<>();
                for (Field f : ws.catalog().fields(table)) {
                    columns.add(Map.of("name", f.column(), "type", f.type().jsonName(), "label", f.label()));
                }
                t.put("columns", columns);
                tables.put(table, t);
            }
            result.put("tables", tables);
            if (json) {
                printJson(result);
            } else {
                println("Workspace " + ws.file() + ", as of " + ws.asOf() + " (" + ws.asOfSetting().text() + ")");
                for (String table : ws.catalog().tables()) {
                    println(String.format("  %-12s %,12d rows", table, ws.rowCount(table)));
                    for (Field f : ws.catalog().fields(table)) {
                        println(String.format("      %-28s %s", f.column(), f.type().jsonName()));
                    }
                }
            }
            return Cli.OK;
        }
    }
}
