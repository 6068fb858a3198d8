package org.segmint.spark.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.persistence.workspace.WorkspaceException;
import org.segmint.spark.report.Recalc;
import org.segmint.spark.report.SparkEngine;
import org.segmint.spark.root.SmartGroup;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code recalc --data P (--group NAME | --all) [--as-of D]}: recalculates smart groups (definitions in
 * {@code smart-groups/}) and writes their new members into {@code groups/}.
 */
@Command(name = "recalc", description = "Recalculate smart groups and store their new members in groups/.")
public final class RecalcCommand extends DataCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    /** One group, several, or all. */
    static final class Which {
        @Option(names = "--group", paramLabel = "NAME", required = true, description = "A smart group (repeatable).")
        List<String> groups;

        @Option(names = "--all", required = true, description = "Every smart group of the data root.")
        boolean all;
    }

    @Override
    protected int execute() {
        LocalDate given = asOfOption();
        SparkEngine engine = open();
        Map<String, SmartGroup> smart = engine.root().definitions().smartGroups();
        List<SmartGroup> chosen = new ArrayList<>();
        if (which.all) {
            smart.keySet().stream().sorted().forEach(n -> chosen.add(smart.get(n)));
        } else {
            for (String raw : which.groups) {
                String name = raw.strip();
                SmartGroup g = smart.get(name);
                if (g == null) {
                    throw new WorkspaceException(engine.root().groups().names().contains(name)
                            ? "Group '" + name + "' is static: only smart groups are recalculated"
                            : "Unknown group '" + name + "'");
                }
                if (!chosen.contains(g)) {
                    chosen.add(g);
                }
            }
        }
        LocalDate asOf = engine.root().asOf(given);
        List<Recalc.Outcome> outcomes = chosen.isEmpty() ? List.of() : Recalc.run(engine, chosen, asOf);
        for (Recalc.Outcome o : outcomes) {
            if (o.failed()) {
                spec.commandLine().getErr().println("segmint-spark: group '" + o.name() + "' was not recalculated"
                        + " and keeps its members: " + o.error());
            }
        }
        if (json) {
            List<Map<String, Object>> groups = new ArrayList<>();
            for (Recalc.Outcome o : outcomes) {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("name", o.name());
                g.put("total", o.total());
                g.put("joined", o.joined());
                g.put("left", o.left());
                if (o.failed()) {
                    g.put("error", o.error());
                }
                groups.add(g);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("groups", groups);
            result.put("asOf", asOf.toString());
            printJson(result);
        } else {
            if (outcomes.isEmpty()) {
                println("No smart group to recalculate");
            }
            for (Recalc.Outcome o : outcomes) {
                println(o.failed() ? String.format("%s: not recalculated (%s)", o.name(), o.error())
                        : String.format("%s: %,d customers, %,d joined, %,d left", o.name(), o.total(), o.joined(),
                        o.left()));
            }
        }
        return SparkCli.OK;
    }
}
