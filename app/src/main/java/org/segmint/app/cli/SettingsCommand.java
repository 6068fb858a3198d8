package org.segmint.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.segmint.persistence.columns.ColumnMetrics;
import org.segmint.persistence.workspace.AsOfSetting;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code segmint settings WS [--as-of latest|today|DATE]}: shows the workspace settings and changes the
 * as-of date relative windows end on. A new as-of date recomputes the customer metrics for it.
 */
@Command(name = "settings", description = "Show the workspace settings; --as-of changes the date relative windows"
        + " end on and recomputes the customer metrics.")
public final class SettingsCommand extends WorkspaceCommand {

    @Option(names = "--as-of", paramLabel = "latest|today|DATE",
            description = "latest (the latest date in the data), today, or a date like 2025-06-30.")
    String asOf;

    @Override
    protected int execute() throws Exception {
        try (Workspace ws = openWorkspace()) {
            if (asOf != null) {
                ColumnMetrics.changeAsOf(ws, AsOfSetting.parse(asOf));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("asOfSetting", ws.asOfSetting().text());
            result.put("asOf", ws.asOf().toString());
            result.put("metricsAsOf", ws.setting(DerivedData.METRICS_AS_OF).orElse(null));
            result.put("dataVersion", ws.dataVersion());
            if (json) {
                printJson(result);
            } else {
                println("As of " + result.get("asOf") + " (setting: " + result.get("asOfSetting") + ")");
            }
            return Cli.OK;
        }
    }
}
