package org.segmint.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.Workspace;
import picocli.CommandLine.Command;

/** {@code segmint info WS}: tables, row counts, orphans, as-of and the catalog. */
@Command(name = "info", description = "Show the tables, row counts, as-of date and attributes of a workspace.")
public final class InfoCommand extends WorkspaceCommand {

    @Override
    protected int execute() throws Exception {
        try (Workspace ws = openWorkspace()) {
            Catalog catalog = ws.catalog();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("workspace", ws.file().toString());
            result.put("asOf", ws.asOf().toString());
            result.put("asOfSetting", ws.asOfSetting().text());
            result.put("metricsAsOf", ws.setting(DerivedData.METRICS_AS_OF).orElse(null));
            result.put("dataVersion", ws.dataVersion());
            Map<String, Object> tables = new LinkedHashMap<>();
            for (String table : catalog.tables()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("rows", ws.rowCount(table));
                if (!table.equals(Catalog.CUSTOMERS) && !table.equals(Catalog.METRICS)) {
                    t.put("orphans", orphans(ws, table));
                }
                List<Map<String, String>> columns = new ArrayList<>();
                for (Field f : catalog.fields(table)) {
                    Map<String, String> column = new LinkedHashMap<>();
                    column.put("name", f.column());
                    column.put("type", f.type().jsonName());
                    column.put("label", f.label());
                    columns.add(column);
                }
                t.put("columns", columns);
                tables.put(table, t);
            }
            result.put("tables", tables);
            if (json) {
                printJson(result);
            } else {
                printText(ws, catalog, tables);
            }
            return Cli.OK;
        }
    }

    @SuppressWarnings("unchecked")
    private void printText(Workspace ws, Catalog catalog, Map<String, Object> tables) {
        println("Workspace " + ws.file());
        println("As of " + ws.asOf() + " (setting: " + ws.asOfSetting().text() + "); metrics computed as of "
                + ws.setting(DerivedData.METRICS_AS_OF).orElse("never"));
        for (String table : catalog.tables()) {
            Map<String, Object> t = (Map<String, Object>) tables.get(table);
            Object orphans = t.get("orphans");
            println(String.format("  %-12s %,12d rows%s", table, (Long) t.get("rows"),
                    orphans == null || (Long) orphans == 0 ? "" : String.format(" (%,d orphans)", (Long) orphans)));
            for (Field f : catalog.fields(table)) {
                println(String.format("      %-24s %-9s %s", f.column(), f.type().jsonName(), f.label()));
            }
        }
    }

    /** Rows whose customer is unknown; standard tables only (other tables have no customer key). */
    private static long orphans(Workspace ws, String table) {
        if (!table.equals(Catalog.ORDERS) && !table.equals(Catalog.ORDER_ITEMS) && !table.equals(Catalog.EVENTS)) {
            return 0;
        }
        return ws.orphanCount(table);
    }
}
