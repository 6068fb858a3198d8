package org.segmint.app.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.compare.OverlapMatrix;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.compare.Comparison;
import org.segmint.persistence.compare.ComparisonJson;
import org.segmint.persistence.compare.SegmentComparer;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.hierarchy.Levels;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.insight.Memberships;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code segmint compare WS NAME NAME [...] [--as-of DATE]}: sizes, overlaps, unique customers, every exact
 * intersection and key metrics of 2 to 5 saved segments; {@code --save-intersection} saves one intersection
 * as a new segment.
 */
@Command(name = "compare", description = "Compare 2 to 5 saved segments: sizes, overlaps, intersections, metrics.")
public final class CompareCommand extends EvaluatingCommand {

    @Parameters(index = "1..*", paramLabel = "SEGMENT", description = "Saved segments to compare (2 to 5).")
    List<String> names = new ArrayList<>();

    @Option(names = "--save-intersection", paramLabel = "NAMES", split = ",",
            description = "Save the customers in exactly these of the compared segments (and none of the others)"
                    + " as a new segment.")
    List<String> intersection;

    @Option(names = "--level", paramLabel = "LEVEL", description = "Count sizes and overlaps at this level ("
            + LevelOption.DESCRIPTION + "); default customers.")
    String levelText;

    @Option(names = "--as", paramLabel = "NAME", description = "Name of the saved intersection (default: e.g."
            + " 'A and B, not C').")
    String saveAs;

    @Override
    protected int execute() throws Exception {
        if (names.size() < OverlapMatrix.MIN_SETS || names.size() > OverlapMatrix.MAX_SETS) {
            throw new WorkspaceException("compare needs 2 to 5 segment names, not " + names.size());
        }
        try (Workspace ws = openWorkspace()) {
            SegmentStore store = new SegmentStore(ws);
            List<Segment> segments = new ArrayList<>();
            for (String name : names) {
                segments.add(store.get(name).segment());
            }
            LocalDate asOf = asOf(ws);
            try (SegmentEngine engine = engine(ws, store)) {
                for (Segment s : segments) {
                    DefinitionSource.requireValid(engine, new DefinitionSource.Resolved(s.name(), s.definition(),
                            true));
                }
                Levels levels = new Levels(ws);
                HierarchyLevel level = levelText == null ? HierarchyLevel.CUSTOMER
                        : LevelOption.resolve(levels, levelText);
                Comparison c = new SegmentComparer(Memberships.of(engine), new Insights(ws)).compare(segments, asOf,
                        level.name(), members -> levels.units(members, level), Cancellation.none());
                Map<String, Object> result = toJson(c);
                if (intersection != null) {
                    result.put("saved", saveIntersection(store, c.overlap()));
                }
                if (json) {
                    printJson(result);
                } else {
                    printText(c);
                    if (result.containsKey("saved")) {
                        println("Saved segment '" + ((Map<?, ?>) result.get("saved")).get("name") + "'");
                    }
                }
                return Cli.OK;
            }
        }
    }

    private Map<String, Object> saveIntersection(SegmentStore store, OverlapMatrix m) {
        int mask = 0;
        for (String name : intersection) {
            int i = names.indexOf(name.strip());
            if (i < 0) {
                throw new WorkspaceException("--save-intersection: '" + name + "' is not one of the compared"
                        + " segments");
            }
            mask |= 1 << i;
        }
        String name = saveAs != null && !saveAs.isBlank() ? saveAs.strip()
                : SegmentComparer.intersectionName(names, mask);
        if (store.find(name).isPresent()) {
            throw new WorkspaceException("--as: a segment named '" + name + "' already exists");
        }
        store.save(Segment.of(name, SegmentComparer.intersectionDefinition(names, mask)));
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("name", name);
        saved.put(levelText == null ? "customers" : "count", m.exactIntersection(mask));
        return saved;
    }

    static Map<String, Object> toJson(Comparison c) {
        return ComparisonJson.of(c);
    }

    private void printText(Comparison c) {
        OverlapMatrix m = c.overlap();
        println("As of " + c.asOf());
        for (int i = 0; i < m.count(); i++) {
            StringBuilder row = new StringBuilder(String.format("  %-30s %,12d %s, %,12d unique;  with:",
                    m.names().get(i), m.size(i), c.level(), m.unique(i)));
            for (int j = 0; j < m.count(); j++) {
                row.append(String.format(" %,d", m.overlap(i, j)));
            }
            println(row.toString());
        }
    }
}
