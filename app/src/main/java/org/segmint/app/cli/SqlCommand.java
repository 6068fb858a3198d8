package org.segmint.app.cli;

import java.util.Map;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/**
 * {@code segmint sql WS (--segment NAME | --file F) [--as-of DATE]}: one readable SQL statement selecting
 * the members, runnable as-is in the {@code sqlite3} shell on the workspace.
 */
@Command(name = "sql", description = "Print the SQL that selects the members of a segment.")
public final class SqlCommand extends EvaluatingCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    DefinitionSource source;

    @Override
    protected int execute() throws Exception {
        try (Workspace ws = openWorkspace()) {
            SegmentStore store = new SegmentStore(ws);
            DefinitionSource.Resolved resolved = source.resolve(store);
            try (SegmentEngine engine = engine(ws, store)) {
                DefinitionSource.requireValid(engine, resolved);
                String sql = engine.viewSql(resolved.definition(), asOf(ws));
                if (json) {
                    printJson(Map.of("sql", sql));
                } else {
                    println(sql);
                }
                return Cli.OK;
            }
        }
    }
}
