package org.segmint.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SegmentIcon;
import org.segmint.model.segment.SegmentStatus;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.json.SegmentFiles;
import org.segmint.persistence.store.SavedSegment;
import org.segmint.persistence.store.SegmentHistory;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.store.Usage;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code segmint segment WS ACTION ...}: manage the saved segments of a workspace.
 * {@code save} and {@code import} both take a segment file or a bundle; all segments of a file are
 * validated against the workspace and saved in one transaction.
 */
@Command(name = "segment", description = "Manage saved segments: save FILE, import BUNDLE, list, export NAME"
        + " [--out FILE], delete NAME [--force], rename NAME NEW, copy NAME NEW, move NAME FOLDER,"
        + " status NAME STATUS, pin NAME [--icon ICON], unpin NAME, history NAME, restore NAME VERSION.")
public final class SegmentCommand extends WorkspaceCommand {

    @Parameters(index = "1", paramLabel = "ACTION", description = "save, import, list, export, delete, rename, copy,"
            + " move, status, pin, unpin, history or restore.")
    String action;

    @Parameters(index = "2..*", arity = "0..2", paramLabel = "ARG",
            description = "The file (save, import), the segment name (export, delete, pin, unpin), or the name and"
                    + " the new name (rename, copy), folder (move), status (status) or version number (restore).")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "export: the file to write (default: print it).")
    Path out;

    @Option(names = "--icon", paramLabel = "ICON", description = "pin: the icon it shows on top of the list: star"
            + " (default), heart, award, gift, zap, trending-up, cart, target, flag, bell, mail or clock.")
    String icon;

    @Option(names = "--force", description = "delete: delete even when other segments, models or groups use it.")
    boolean force;

    @Override
    protected int execute() throws Exception {
        try (Workspace ws = openWorkspace()) {
            SegmentStore store = new SegmentStore(ws);
            switch (action) {
                case "save":
                case "import":
                    return save(ws, store);
                case "list":
                    return list(store);
                case "export":
                    return export(store);
                case "delete":
                    return delete(store);
                case "rename":
                    return report(store, store.rename(requireArgument("a segment name"), second("the new name")));
                case "copy":
                    return report(store, store.copy(requireArgument("a segment name"), second("the new name")));
                case "move":
                    return report(store, store.move(requireArgument("a segment name"), second("the folder")));
                case "status":
                    return report(store, store.setStatus(requireArgument("a segment name"), status()));
                case "pin":
                    return report(store, pin(ws, store, requireArgument("a segment name")));
                case "unpin":
                    return report(store, store.pin(requireArgument("a segment name"), false));
                case "history":
                    return new SegmentHistoryOutput(this).history(new SegmentHistory(ws),
                            requireArgument("a segment name"));
                case "restore":
                    return restore(ws, store);
                default:
                    throw new WorkspaceException("segment: unknown action '" + action + "' (use save, import, list,"
                            + " export, delete, rename, copy, move, status, pin, unpin, history or restore)");
            }
        }
    }

    private int save(Workspace ws, SegmentStore store) throws Exception {
        List<Segment> segments = SegmentFiles.readAny(Path.of(requireArgument("a segment file")));
        if (arguments.size() > 1) {
            throw new WorkspaceException("segment " + action + ": give one file");
        }
        List<SavedSegment> saved = new ArrayList<>();
        // Nothing of the file is kept unless every segment in it is valid.
        ws.inTransaction(() -> {
            for (Segment s : segments) {
                saved.add(store.save(s));
            }
            // validated after all are saved, so segments of a bundle may refer to each other in any order
            try (SegmentEngine engine = EvaluatingCommand.engine(ws, store)) {
                for (Segment s : segments) {
                    DefinitionSource.requireValid(engine, new DefinitionSource.Resolved(s.name(), s.definition(),
                            true));
                }
            }
            return null;
        });
        if (json) {
            printJson(Map.of("segments", describe(store, saved)));
        } else {
            saved.forEach(s -> println("Saved segment '" + s.name() + "'"));
        }
        return Cli.OK;
    }

    private int list(SegmentStore store) throws Exception {
        List<SavedSegment> all = store.list();
        if (json) {
            printJson(Map.of("segments", describe(store, all)));
            return Cli.OK;
        }
        if (all.isEmpty()) {
            println("No saved segments. Save one with: segmint segment WS save FILE.segment.json");
        }
        for (SavedSegment s : all) {
            String count = s.lastCount() == null ? "not counted" : String.format("%,d customers (%s)", s.lastCount(),
                    s.lastCountedAt());
            println(String.format("%s%-32s %-8s %-16s %s", s.pinned() ? "* " : "  ", s.name(),
                    s.segment().status().jsonName(), s.segment().folder(), count));
        }
        return Cli.OK;
    }

    private int export(SegmentStore store) throws Exception {
        Segment s = store.get(requireArgument("a segment name")).segment();
        if (out == null) {
            out().print(SegmentFiles.toText(s));
            out().flush();
            return Cli.OK;
        }
        SegmentFiles.write(s, out);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("segment", s.name());
            result.put("file", out.toString());
            printJson(result);
        } else {
            println("Exported '" + s.name() + "' to " + out);
        }
        return Cli.OK;
    }

    private int delete(SegmentStore store) throws Exception {
        String name = requireArgument("a segment name");
        List<Usage> usedIn = store.usedIn(name);
        store.delete(name, force);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("deleted", name);
            result.put("usedIn", usedIn.stream().map(SegmentCommand::usage).toList());
            printJson(result);
        } else {
            println("Deleted segment '" + name + "'");
        }
        return Cli.OK;
    }

    private int restore(Workspace ws, SegmentStore store) throws Exception {
        String name = requireArgument("a segment name");
        String text = second("the version number");
        int version;
        try {
            version = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new WorkspaceException("segment restore: '" + text + "' is not a version number (see: segment"
                    + " history " + name + ")");
        }
        int before = new SegmentHistory(ws).versions(name).get(0).version();
        SavedSegment restored = store.restore(name, version);
        if (json) {
            return new SegmentHistoryOutput(this).history(new SegmentHistory(ws), name);
        }
        int now = new SegmentHistory(ws).versions(name).get(0).version();
        println(now == before ? "Segment '" + name + "' already is as version " + version + " was; nothing changed"
                : "Restored version " + version + " of '" + restored.name() + "' as version " + now);
        return Cli.OK;
    }

    private String requireArgument(String what) {
        if (arguments.isEmpty() || arguments.get(0).isBlank()) {
            throw new WorkspaceException("segment " + action + ": give " + what);
        }
        return arguments.get(0);
    }

    private String second(String what) {
        if (arguments.size() < 2) {
            throw new WorkspaceException("segment " + action + ": give the segment name and " + what);
        }
        return arguments.get(1);
    }

    /** Pins the segment and, with {@code --icon}, chooses its icon: both or neither. */
    private SavedSegment pin(Workspace ws, SegmentStore store, String name) {
        SegmentIcon chosen = icon == null ? null : SegmentIcon.fromKey(icon).orElseThrow(() -> new WorkspaceException(
                "segment pin: unknown icon '" + icon + "' (use " + SegmentIcon.keys() + ")"));
        return ws.inTransaction(() -> {
            SavedSegment pinned = store.pin(name, true);
            return chosen == null ? pinned : store.setIcon(name, chosen);
        });
    }

    private SegmentStatus status() {
        String text = second("the status");
        return SegmentStatus.fromJson(text).orElseThrow(() -> new WorkspaceException("segment status: unknown"
                + " status '" + text + "' (use draft, active or archived)"));
    }

    /** Prints the changed segment like {@code list} does. */
    private int report(SegmentStore store, SavedSegment changed) throws Exception {
        if (json) {
            printJson(Map.of("segments", describe(store, List.of(changed))));
        } else {
            println("Segment '" + changed.name() + "': folder '" + changed.segment().folder() + "', "
                    + changed.segment().status().jsonName() + (changed.pinned() ? ", pinned (" + changed.icon().key() + ")" : ""));
        }
        return Cli.OK;
    }

    private static List<Map<String, Object>> describe(SegmentStore store, List<SavedSegment> segments) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (SavedSegment s : segments) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("description", s.segment().description());
            m.put("folder", s.segment().folder());
            m.put("status", s.segment().status().jsonName());
            m.put("pinned", s.pinned());
            m.put("icon", s.icon().key());
            m.put("createdAt", s.createdAt().toString());
            m.put("updatedAt", s.updatedAt().toString());
            m.put("lastCount", s.lastCount());
            m.put("lastCountedAt", s.lastCountedAt() == null ? null : s.lastCountedAt().toString());
            m.put("usedIn", store.usedIn(s.name()).stream().map(SegmentCommand::usage).toList());
            result.add(m);
        }
        return result;
    }

    private static Map<String, String> usage(Usage u) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", u.kind().label());
        m.put("name", u.name());
        return m;
    }
}
