package org.segmint.spark.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.segmint.model.compare.OverlapMatrix;
import org.segmint.model.segment.Segment;
import org.segmint.persistence.compare.Comparison;
import org.segmint.persistence.compare.ComparisonJson;
import org.segmint.persistence.workspace.WorkspaceException;
import org.segmint.spark.report.CompareReport;
import org.segmint.spark.report.SparkEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code compare --data P NAME NAME [...]}: sizes, overlaps, intersections and key metrics of 2 to 5 segments. */
@Command(name = "compare", description = "Compare 2 to 5 segments: sizes, overlaps, intersections, metrics.")
public final class CompareCommand extends DataCommand {
    @Parameters(paramLabel = "SEGMENT", description = "Segments of the data root to compare (2 to 5).")
    List<String> names = new ArrayList<>();

    @Override
    protected int execute() {
        if (names.size() < OverlapMatrix.MIN_SETS || names.size() > OverlapMatrix.MAX_SETS) {
            throw new WorkspaceException("compare needs 2 to 5 segment names, not " + names.size());
        }
        LocalDate given = asOfOption();
        SparkEngine engine = open();
        List<Segment> segments = new ArrayList<>();
        for (String name : names) {
            Segment s = engine.root().definitions().segment(name.strip());
            engine.requireValid(s.name(), s.definition());
            segments.add(s);
        }
        LocalDate asOf = engine.root().asOf(given);
        Comparison c = CompareReport.run(engine, segments, asOf);
        if (json) {
            printJson(ComparisonJson.of(c));
        } else {
            OverlapMatrix m = c.overlap();
            println("As of " + c.asOf());
            for (int i = 0; i < m.count(); i++) {
                StringBuilder row = new StringBuilder(String.format("  %-30s %,12d customers, %,12d unique;  with:",
                        m.names().get(i), m.size(i), m.unique(i)));
                for (int j = 0; j < m.count(); j++) {
                    row.append(String.format(" %,d", m.overlap(i, j)));
                }
                println(row.toString());
            }
        }
        return SparkCli.OK;
    }
}
