package org.segmint.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Field;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.hierarchy.Representative;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.hierarchy.Householding;
import org.segmint.persistence.hierarchy.Levels;
import org.segmint.persistence.store.MemberExport;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code segmint members WS (--segment NAME | --file F) --out F.csv [--columns a,b] [--bom]}: writes the
 * members as CSV, one row per customer in customer-key order. With {@code --level L [--representative R]} it
 * writes the householding export instead: one row per parent with its representative and size.
 */
@Command(name = "members", description = "Export the members of a segment to CSV.")
public final class MembersCommand extends EvaluatingCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    DefinitionSource source;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Option(names = "--columns", paramLabel = "COLUMNS",
            description = "Comma-separated columns: table.column (customers, metrics or another per-customer table)"
                    + " or a bare customers column. Default: customer_id and email (when present).")
    String columns;

    @Option(names = "--bom", description = "Start the file with a UTF-8 byte order mark (for spreadsheet tools).")
    boolean bom;

    @Option(names = "--safe-cells", description = "Start cells that a spreadsheet would run as a formula"
            + " (= + - @) with an apostrophe.")
    boolean safeCells;

    @Option(names = "--level", paramLabel = "LEVEL", description = "Householding: one row per parent at this level"
            + " (" + LevelOption.DESCRIPTION + "), with its representative member and size.")
    String levelText;

    @Option(names = "--representative", paramLabel = "RULE", description = "Who represents a parent: revenue"
            + " (highest lifetime revenue, the default), recent (most recent order) or oldest (earliest first"
            + " order); ties go to the smallest customer_id.")
    String representativeText;

    @Override
    protected int execute() throws Exception {
        try (Workspace ws = openWorkspace()) {
            SegmentStore store = new SegmentStore(ws);
            DefinitionSource.Resolved resolved = source.resolve(store);
            MemberExport export = new MemberExport(ws);
            List<Field> fields = columns == null ? export.defaultColumns()
                    : export.columns(Arrays.stream(columns.split(",")).filter(s -> !s.isBlank()).toList());
            Levels levels = new Levels(ws);
            HierarchyLevel level = levelText == null ? null : LevelOption.resolve(levels, levelText);
            Representative rule = representative(level);
            try (SegmentEngine engine = engine(ws, store)) {
                LocalDate asOf = asOf(ws);
                RoaringBitmap members = DefinitionSource.members(engine, resolved, asOf);
                MemberExport.CsvOptions options = new MemberExport.CsvOptions(bom, safeCells);
                long rows = level == null ? export.write(members, fields, out, options, Cancellation.none())
                        : new Householding(ws, levels).write(members, level, rule, asOf, fields, out, options,
                        Cancellation.none());
                if (json) {
                    printJson(Map.of("rows", rows));
                } else {
                    println(String.format("Wrote %,d rows to %s", rows, out));
                }
                return Cli.OK;
            }
        }
    }

    private Representative representative(HierarchyLevel level) {
        if (representativeText == null) {
            return Representative.REVENUE;
        }
        if (level == null) {
            throw new WorkspaceException("--representative needs --level (householding: one row per parent)");
        }
        return Representative.fromJson(representativeText).orElseThrow(() -> new WorkspaceException(
                "--representative: expected revenue, recent or oldest, not '" + representativeText + "'"));
    }
}
