package org.segmint.spark.cli;

import java.time.LocalDate;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.segment.Segment;
import org.segmint.spark.report.Counts;
import org.segmint.spark.report.Levels;
import org.segmint.spark.report.ReportJson;
import org.segmint.spark.report.SparkEngine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code count --data P (--segment NAME | --file F) [--as-of D] [--level L]}. */
@Command(name = "count", description = "Count the customers of a segment.")
public final class CountCommand extends DataCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    SegmentChoice source;

    @Option(names = "--level", paramLabel = "LEVEL", description = "Also count the distinct parents of a hierarchy"
            + " level: customers, households, accounts or a level's customer column.")
    String level;

    @Override
    protected int execute() {
        LocalDate given = asOfOption();
        source.readEarly();
        SparkEngine engine = open();
        Segment segment = source.resolve(engine.root());
        engine.requireValid(segment.name(), segment.definition());
        HierarchyLevel chosen = level == null ? null : Levels.level(engine.root(), level);
        String column = chosen == null ? null : chosen.column();
        LocalDate asOf = engine.root().asOf(given);
        long[] counts = Counts.count(engine, segment.definition(), asOf, column);
        Long parents = chosen == null ? null : column == null ? counts[0] : counts[1];
        if (json) {
            printJson(ReportJson.count(segment.name(), counts[0], asOf.toString(), chosen, parents));
        } else {
            String levelPart = column == null ? "" : String.format(" in %,d %s", parents, chosen.name());
            println(String.format("%s: %,d customers%s as of %s", segment.name(), counts[0], levelPart, asOf));
        }
        return SparkCli.OK;
    }
}
