package org.segmint.app.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.group.GroupStore;
import org.segmint.persistence.group.Recalculation;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code segmint recalc WS (--due | --group NAME ... | --all) [--as-of DATE]}: recalculates smart groups in one
 * transaction. Without a choice it recalculates the due ones (for cron). A group that cannot be recalculated keeps
 * its members and is reported with an {@code error}; the others are recalculated all the same.
 */
@Command(name = "recalc", description = "Recalculate smart groups: the due ones (default, for cron), named ones"
        + " or all.")
public final class RecalcCommand extends EvaluatingCommand {

    @Option(names = "--due", description = "The groups whose schedule says they are due (the default).")
    boolean due;

    @Option(names = "--group", paramLabel = "NAME", description = "A smart group (repeat for several).")
    List<String> groups = new ArrayList<>();

    @Option(names = "--all", description = "Every smart group.")
    boolean all;

    @Override
    protected int execute() throws Exception {
        if ((due ? 1 : 0) + (all ? 1 : 0) + (groups.isEmpty() ? 0 : 1) > 1) {
            throw new WorkspaceException("recalc: give one of --due, --group NAME or --all");
        }
        try (Workspace ws = openWorkspace()) {
            GroupStore store = new GroupStore(ws);
            LocalDate asOf = asOf(ws);
            try (SegmentEngine engine = engine(ws, new SegmentStore(ws))) {
                Recalculation recalculation = new Recalculation(store, engine);
                List<String> names = all ? recalculation.all(store)
                        : !groups.isEmpty() ? groups : recalculation.due(store);
                List<Recalculation.Outcome> outcomes = recalculation.run(names, asOf, Cancellation.none(),
                        Progress.NONE);
                for (Recalculation.Outcome o : outcomes) {
                    if (o.failed()) {
                        spec.commandLine().getErr().println("segmint: group '" + o.name() + "' was not recalculated"
                                + " and keeps its members: " + o.error());
                    }
                }
                if (json) {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("groups", outcomes.stream().map(RecalcCommand::outcome).toList());
                    result.put("asOf", asOf.toString());
                    printJson(result);
                } else if (outcomes.isEmpty()) {
                    println("No smart group to recalculate");
                } else {
                    for (Recalculation.Outcome o : outcomes) {
                        println(o.failed() ? String.format("%s: not recalculated (%s)", o.name(), o.error())
                                : String.format("%s: %,d customers, %,d joined, %,d left", o.name(), o.total(),
                                        o.joined(), o.left()));
                    }
                }
                return Cli.OK;
            }
        }
    }

    private static Map<String, Object> outcome(Recalculation.Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        m.put("total", o.total());
        m.put("joined", o.joined());
        m.put("left", o.left());
        if (o.failed()) {
            m.put("error", o.error());
        }
        return m;
    }
}
