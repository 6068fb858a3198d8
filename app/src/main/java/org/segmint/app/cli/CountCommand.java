package org.segmint.app.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.group.GroupStore;
import org.segmint.persistence.hierarchy.Levels;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code segmint count WS (--segment NAME | --file F) [--as-of DATE] [--level L]}: the number of customers,
 * and with {@code --level} the number of distinct parents at that level of the workspace's hierarchy. Counting a saved segment as of the workspace's date
 * records the count on the segment (the segments list shows it).
 */
@Command(name = "count", description = "Count the customers of a saved segment or a segment file.")
public final class CountCommand extends EvaluatingCommand {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    DefinitionSource source;

    @Option(names = "--group", paramLabel = "NAME", description = "Count the members of a static or smart group.")
    String group;

    @Option(names = "--level", paramLabel = "LEVEL",
            description = "Also count the distinct parents among the customers at this level of the workspace's"
                    + " hierarchy: customers, households (the first level), accounts (the second) or a level's"
                    + " column.")
    String levelText;

    @Override
    protected int execute() throws Exception {
        if ((source == null) == (group == null)) {
            throw new WorkspaceException("count: give one of --segment NAME, --file FILE or --group NAME");
        }
        try (Workspace ws = openWorkspace()) {
            SegmentStore store = new SegmentStore(ws);
            if (group != null) {
                return countGroup(ws, store);
            }
            DefinitionSource.Resolved resolved = source.resolve(store);
            LocalDate asOf = asOf(ws);
            Levels levels = new Levels(ws);
            HierarchyLevel level = levelText == null ? null : LevelOption.resolve(levels, levelText);
            try (SegmentEngine engine = engine(ws, store)) {
                RoaringBitmap members = DefinitionSource.members(engine, resolved, asOf);
                long customers = members.getLongCardinality();
                if (resolved.saved() && isWorkspaceAsOf(ws, asOf)) {
                    try {
                        store.recordCount(resolved.name(), customers, Instant.now());
                    } catch (WorkspaceException e) {
                        // The count itself is right; only remembering it failed (a read-only or busy file).
                        spec.commandLine().getErr().println("segmint: note: the count was not recorded in the"
                                + " workspace (" + e.getMessage() + ")");
                    }
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("segment", resolved.name());
                result.put("customers", customers);
                result.put("asOf", asOf.toString());
                if (level != null) {
                    LevelOption.put(result, level, levels.count(members, level));
                }
                if (json) {
                    printJson(result);
                } else {
                    String levelPart = level == null || level.isCustomer() ? ""
                            : String.format(" in %,d %s", (Long) result.get("count"), level.name());
                    println(String.format("%s: %,d customers%s as of %s", resolved.name(), customers, levelPart, asOf));
                }
                return Cli.OK;
            }
        }
    }

    /** A group's size: its members who are customers today, read as a {@code group} condition reads them. */
    private int countGroup(Workspace ws, SegmentStore store) throws Exception {
        if (levelText != null) {
            throw new WorkspaceException("count --group: --level is not available for groups");
        }
        new GroupStore(ws).get(group);
        try (SegmentEngine engine = engine(ws, store)) {
            RoaringBitmap members = engine.members(new MembershipCondition(MembershipCondition.Kind.GROUP, group,
                    true), asOf(ws), Cancellation.none());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("group", group);
            result.put("customers", members.getLongCardinality());
            if (json) {
                printJson(result);
            } else {
                println(String.format("%s: %,d customers", group, members.getLongCardinality()));
            }
            return Cli.OK;
        }
    }
}
