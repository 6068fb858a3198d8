package org.segmint.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.hierarchy.Hierarchy;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.persistence.hierarchy.HierarchySetting;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code segmint hierarchy WS set COL [COL ...]} / {@code clear} / {@code show}: the workspace's parent levels,
 * lowest first, from customer columns (SPEC §7).
 */
@Command(name = "hierarchy", description = "Set or show the workspace's hierarchy: customer columns naming parent"
        + " groups, lowest first (e.g. household_id account_id).")
public final class HierarchyCommand extends WorkspaceCommand {

    @Parameters(index = "1", paramLabel = "ACTION", description = "set, clear or show")
    String action;

    @Parameters(index = "2..*", paramLabel = "COLUMN", description = "For set: the parent columns, lowest first.")
    List<String> columns = new ArrayList<>();

    @Override
    protected int execute() throws Exception {
        try (Workspace ws = openWorkspace()) {
            Hierarchy h;
            switch (action.strip()) {
                case "set":
                    if (columns.isEmpty()) {
                        throw new WorkspaceException("hierarchy set: name the parent columns, lowest first (e.g."
                                + " household_id account_id); 'clear' removes the hierarchy");
                    }
                    // "household_id,account_id" in one argument reads as two columns.
                    h = HierarchySetting.write(ws, columns.stream()
                            .flatMap(c -> java.util.Arrays.stream(c.split(","))).filter(c -> !c.isBlank()).toList());
                    break;
                case "clear":
                    requireNoColumns();
                    h = HierarchySetting.write(ws, List.of());
                    break;
                case "show":
                    requireNoColumns();
                    h = HierarchySetting.read(ws);
                    break;
                default:
                    throw new WorkspaceException("hierarchy: expected set, clear or show, not '" + action + "'");
            }
            boolean set = HierarchySetting.isSet(ws);
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("levels", h.columns());
                result.put("names", h.levels().stream().skip(1).map(HierarchyLevel::name).toList());
                result.put("default", !set);
                printJson(result);
            } else if (h.columns().isEmpty()) {
                println("No hierarchy: counts are of customers only");
            } else {
                println("Levels, lowest first" + (set ? "" : " (the default)") + ": " + String.join(", ",
                        h.levels().stream().skip(1).map(HierarchyLevel::label).toList()));
            }
            return Cli.OK;
        }
    }

    private void requireNoColumns() {
        if (!columns.isEmpty()) {
            throw new WorkspaceException("hierarchy " + action + ": takes no columns");
        }
    }
}
