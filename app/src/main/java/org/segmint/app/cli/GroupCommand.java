package org.segmint.app.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Field;
import org.segmint.model.group.Schedule;
import org.segmint.model.group.SetOperation;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.group.BatchOperation;
import org.segmint.persistence.group.BatchOperations;
import org.segmint.persistence.group.Group;
import org.segmint.persistence.group.GroupStore;
import org.segmint.persistence.group.HistoryEntry;
import org.segmint.persistence.group.MembersEdit;
import org.segmint.persistence.group.SplitAndCombine;
import org.segmint.persistence.group.Undo;
import org.segmint.persistence.store.CsvValues;
import org.segmint.persistence.store.ListStore.MatchOn;
import org.segmint.persistence.store.MemberExport;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code segmint group WS ACTION ...}: static and smart groups (FORMATS §4). Each action changes the workspace in
 * one transaction or not at all; an option that does not belong to the action is refused.
 */
@Command(name = "group", description = {"Static and smart groups. Actions:",
    "  create NAME [NAME ...] [--folder F]            new empty static groups",
    "  create NAME --smart (--segment S | --file F) [--schedule S]   new smart group, calculated at once",
    "  add NAME (--segment S | --file F | --ids F.csv [--column C] [--match customer_id|email])",
    "  remove NAME (same selectors)                   change the members of a static group",
    "  list | show NAME | delete NAME [--force] | history NAME",
    "  members NAME --out F.csv [--columns a,b]       export the members",
    "  split NAME --into A,B[,...] [--percent P,P,...] [--seed N] [--stratify COL]",
    "  combine union|intersection|difference G1 (G2 | --segment S) --into NEW",
    "  set NAME (--attribute COL=VALUE | --tag-add T | --tag-remove T | --event TYPE) [--at DATETIME] [--preview]",
    "  undo                                           undo the last batch operation, split or combine",
    "  schedule NAME S | rename NAME NEW"})
public final class GroupCommand extends EvaluatingCommand {
    private static final Map<String, Set<String>> OPTIONS = Map.ofEntries(
            Map.entry("create", Set.of("--folder", "--smart", "--segment", "--file", "--schedule", "--description")),
            Map.entry("add", Set.of("--segment", "--file", "--ids", "--column", "--match")),
            Map.entry("remove", Set.of("--segment", "--file", "--ids", "--column", "--match")),
            Map.entry("list", Set.of()), Map.entry("show", Set.of()), Map.entry("history", Set.of()),
            Map.entry("delete", Set.of("--force")),
            Map.entry("members", Set.of("--out", "--columns", "--bom", "--safe-cells")),
            Map.entry("split", Set.of("--into", "--percent", "--seed", "--stratify")),
            Map.entry("combine", Set.of("--into", "--segment")),
            Map.entry("set", Set.of("--attribute", "--tag-add", "--tag-remove", "--event", "--at", "--preview")),
            Map.entry("undo", Set.of()), Map.entry("schedule", Set.of()), Map.entry("rename", Set.of()));
    private static final Set<String> ALWAYS = Set.of("--json", "--help", "--as-of");

    @Parameters(index = "1", paramLabel = "ACTION", description = "create, add, remove, list, show, delete, members,"
            + " split, combine, set, undo, history, schedule or rename.")
    String action;

    @Parameters(index = "2..*", paramLabel = "ARG", description = "Group names and other arguments of the action.")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--folder", paramLabel = "FOLDER", description = "create: the folder of the new groups.")
    String folder;
    @Option(names = "--description", paramLabel = "TEXT", description = "create: a description.")
    String description;
    @Option(names = "--smart", description = "create: a smart group (its members come from a definition).")
    boolean smart;
    @Option(names = "--segment", paramLabel = "SEGMENT", description = "A saved segment: the definition of a smart"
            + " group, the customers to add or remove, or the second set of combine.")
    String segment;
    @Option(names = "--file", paramLabel = "FILE", description = "A segment file (.segment.json), as --segment.")
    Path file;
    @Option(names = "--schedule", paramLabel = "SCHEDULE", description = "create --smart: manual (default), daily,"
            + " weekly:MON..weekly:SUN, monthly:N (1..28) or yearly:MM-DD.")
    String schedule;
    @Option(names = "--ids", paramLabel = "FILE", description = "add/remove: a CSV of customer ids or emails.")
    Path ids;
    @Option(names = "--column", paramLabel = "COLUMN", description = "add/remove: the CSV column holding the values"
            + " (needed when the file has several columns).")
    String column;
    @Option(names = "--match", paramLabel = "ON", description = "add/remove: customer_id or email (default: email"
            + " when every value contains @, else customer_id).")
    String match;
    @Option(names = "--force", description = "delete: delete even when segments or clusters use the group.")
    boolean force;
    @Option(names = "--out", paramLabel = "FILE", description = "members: the CSV file to write.")
    Path out;
    @Option(names = "--columns", paramLabel = "COLUMNS", description = "members: comma-separated columns.")
    String columns;
    @Option(names = "--bom", description = "members: start the file with a UTF-8 byte order mark.")
    boolean bom;
    @Option(names = "--safe-cells", description = "members: prefix cells a spreadsheet would run as a formula.")
    boolean safeCells;
    @Option(names = "--into", paramLabel = "NAMES", description = "split: the new groups A,B,...; combine: the new"
            + " group.")
    String into;
    @Option(names = "--percent", paramLabel = "P,P,...", description = "split: one percentage per new group, adding"
            + " up to 100 (default: even parts).")
    String percent;
    @Option(names = "--seed", paramLabel = "N", description = "split: the random seed (the same seed on the same"
            + " members gives the same split; default: a new one, printed).")
    Long seed;
    @Option(names = "--stratify", paramLabel = "COLUMN", description = "split: give each part the same mix of this"
            + " customer attribute.")
    String stratify;
    @Option(names = "--attribute", paramLabel = "COL=VALUE", description = "set: set a customer attribute (an empty"
            + " value clears it).")
    String attribute;
    @Option(names = "--tag-add", paramLabel = "TAG", description = "set: add a tag.")
    String tagAdd;
    @Option(names = "--tag-remove", paramLabel = "TAG", description = "set: remove a tag.")
    String tagRemove;
    @Option(names = "--event", paramLabel = "TYPE", description = "set: record an event of this type.")
    String event;
    @Option(names = "--at", paramLabel = "DATETIME", description = "set --event: when the event happened"
            + " (default: now, or the as-of date when it is in the past).")
    String at;
    @Option(names = "--preview", description = "set: print what would change, change nothing.")
    boolean preview;

    @Override
    protected int execute() throws Exception {
        Set<String> allowed = OPTIONS.get(action);
        if (allowed == null) {
            throw new WorkspaceException("group: unknown action '" + action + "' (use create, add, remove, list, show,"
                    + " delete, members, split, combine, set, undo, history, schedule or rename)");
        }
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!allowed.contains(o.longestName()) && !ALWAYS.contains(o.longestName())) {
                throw new WorkspaceException("group " + action + ": " + o.longestName() + " does not apply here");
            }
        }
        try (Workspace ws = openWorkspace()) {
            GroupStore store = new GroupStore(ws);
            switch (action) {
                case "create":
                    return smart ? createSmart(ws, store) : createStatic(store);
                case "add":
                case "remove":
                    return edit(ws, store, action.equals("add"));
                case "list":
                    noArguments();
                    return list(store);
                case "show":
                    return show(store, one("a group name"));
                case "delete":
                    return delete(store, one("a group name"));
                case "history":
                    return history(store, one("a group name"));
                case "members":
                    return members(ws, store, one("a group name"));
                case "split":
                    return split(store, one("the group to split"));
                case "combine":
                    return combine(ws, store);
                case "set":
                    return set(store, one("a group name"));
                case "undo":
                    noArguments();
                    return undo(store);
                case "schedule":
                    return printGroups(store, List.of(store.setSchedule(argument(0, "a group name"),
                            schedule(argument(1, "a schedule")))));
                default:
                    return printGroups(store, List.of(store.rename(argument(0, "a group name"),
                            argument(1, "the new name"))));
            }
        }
    }

    private int createStatic(GroupStore store) throws Exception {
        if (segment != null || file != null || schedule != null) {
            throw new WorkspaceException("group create: --segment, --file and --schedule make a smart group; add"
                    + " --smart");
        }
        if (arguments.isEmpty()) {
            throw new WorkspaceException("group create: give the name of at least one group");
        }
        return printGroups(store, store.createStatic(arguments, folder));
    }

    private int createSmart(Workspace ws, GroupStore store) throws Exception {
        String name = one("the name of the smart group");
        Condition definition = definition(ws, "group create --smart");
        Schedule s = schedule(schedule);
        LocalDate asOf = asOf(ws);
        try (SegmentEngine engine = engine(ws, new SegmentStore(ws))) {
            RoaringBitmap members = DefinitionSource.members(engine, new DefinitionSource.Resolved(name, definition,
                    false), asOf);
            return printGroups(store, List.of(store.createSmart(name, definition, s, folder, description, members,
                    asOf)));
        }
    }

    /** A smart group made from a saved segment keeps a reference to it, so it follows the segment's changes. */
    private Condition definition(Workspace ws, String what) {
        if ((segment == null) == (file == null)) {
            throw new WorkspaceException(what + ": give either --segment NAME or --file FILE");
        }
        if (segment != null) {
            new SegmentStore(ws).get(segment);
            return new MembershipCondition(MembershipCondition.Kind.SEGMENT, segment.strip(), true);
        }
        return org.segmint.persistence.json.SegmentFiles.read(file).definition();
    }

    private int edit(Workspace ws, GroupStore store, boolean add) throws Exception {
        String name = one("a group name");
        int selectors = (segment != null ? 1 : 0) + (file != null ? 1 : 0) + (ids != null ? 1 : 0);
        if (selectors != 1) {
            throw new WorkspaceException("group " + action + ": give one of --segment NAME, --file FILE or --ids"
                    + " FILE.csv");
        }
        if (ids == null && (column != null || match != null)) {
            throw new WorkspaceException("group " + action + ": --column and --match go with --ids");
        }
        store.get(name);
        MembersEdit result;
        if (ids != null) {
            List<String> values = new ArrayList<>(CsvValues.read(ids, column, store::isCustomerIdOrEmail));
            MatchOn on = matchOn(values);
            result = add ? store.addValues(name, values, on) : store.removeValues(name, values, on);
        } else {
            RoaringBitmap keys;
            try (SegmentEngine engine = engine(ws, new SegmentStore(ws))) {
                String label = segment != null ? segment : file.toString();
                keys = DefinitionSource.members(engine, new DefinitionSource.Resolved(label, definition(ws,
                        "group " + action), false), asOf(ws));
            }
            result = add ? store.add(name, keys) : store.remove(name, keys);
        }
        String key = add ? "added" : "removed";
        if (json) {
            printJson(GroupJson.edit(result, key));
        } else {
            println(String.format("%s: %,d %s, %,d unknown; the group has %,d customers", name, result.changed(), key,
                    result.unknown(), result.customers()));
        }
        return Cli.OK;
    }

    private MatchOn matchOn(List<String> values) {
        if (match == null) {
            return !values.isEmpty() && values.stream().allMatch(v -> v.contains("@")) ? MatchOn.EMAIL
                    : MatchOn.CUSTOMER_ID;
        }
        return MatchOn.fromColumn(match.strip()).orElseThrow(() -> new WorkspaceException("--match: expected"
                + " customer_id or email, not '" + match + "'"));
    }

    private int list(GroupStore store) throws Exception {
        List<Group> groups = store.list();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Group g : groups) {
                list.add(GroupJson.groupWithUse(g, store.clock(), store.usedIn(g.name())));
            }
            printJson(Map.of("groups", list));
            return Cli.OK;
        }
        if (groups.isEmpty()) {
            println("No groups. Create one with: segmint group WS create NAME");
        }
        for (Group g : groups) {
            println(String.format("%-32s %-6s %,12d  %-12s %s%s", g.name(), g.kind().jsonName(), g.customers(),
                    g.isSmart() ? g.schedule().text() : "", g.recalculatedAt() == null ? "" : "recalculated "
                            + g.recalculatedAt(), g.isDue(store.clock()) ? " (due)" : ""));
        }
        return Cli.OK;
    }

    private int show(GroupStore store, String name) throws Exception {
        Group g = store.get(name);
        List<HistoryEntry> history = store.history(name);
        Map<String, Object> m = GroupJson.groupWithUse(g, store.clock(), store.usedIn(name));
        m.put("lastRecalculation", history.isEmpty() ? null : GroupJson.history(history.get(0)));
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>(m);
            result.put("groups", List.of(m));
            printJson(result);
            return Cli.OK;
        }
        println(String.format("%s: %s group, %,d customers%s", g.name(), g.kind().jsonName(), g.customers(),
                g.folder().isEmpty() ? "" : ", folder " + g.folder()));
        if (g.isSmart()) {
            println("  definition: " + g.segment().map(s -> "segment '" + s + "'").orElse("inline"));
            println("  schedule: " + g.schedule().text() + (g.isDue(store.clock()) ? " (due)" : ""));
            history.stream().findFirst().ifPresent(h -> println(String.format("  last recalculated %s as of %s:"
                    + " %,d total, %,d joined, %,d left", h.at(), h.asOf(), h.total(), h.joined(), h.left())));
            if (g.error() != null) {
                println("  last recalculation failed: " + g.error());
            }
        }
        return Cli.OK;
    }

    private int delete(GroupStore store, String name) throws Exception {
        Group deleted = store.delete(name, force);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("deleted", deleted.name());
            result.put("groups", List.of(GroupJson.group(deleted, store.clock())));
            printJson(result);
        } else {
            println("Deleted group '" + deleted.name() + "'");
        }
        return Cli.OK;
    }

    private int history(GroupStore store, String name) throws Exception {
        Group g = store.get(name);
        if (!g.isSmart()) {
            throw new WorkspaceException("Group '" + name + "' is static: only smart groups have recalculations");
        }
        List<HistoryEntry> history = store.history(name);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("group", g.name());
            result.put("history", history.stream().map(GroupJson::history).toList());
            printJson(result);
            return Cli.OK;
        }
        for (HistoryEntry h : history) {
            println(String.format("%s  as of %s  %,12d total %,10d joined %,10d left", h.at(), h.asOf(), h.total(),
                    h.joined(), h.left()));
        }
        return Cli.OK;
    }

    private int members(Workspace ws, GroupStore store, String name) throws Exception {
        if (out == null) {
            throw new WorkspaceException("group members: give --out FILE.csv");
        }
        RoaringBitmap keys = store.memberKeys(name);
        MemberExport export = new MemberExport(ws);
        List<Field> fields = columns == null ? export.defaultColumns()
                : export.columns(Arrays.stream(columns.split(",")).filter(s -> !s.isBlank()).toList());
        long rows = export.write(keys, fields, out, new MemberExport.CsvOptions(bom, safeCells), Cancellation.none());
        if (json) {
            printJson(Map.of("rows", rows));
        } else {
            println(String.format("Wrote %,d rows to %s", rows, out));
        }
        return Cli.OK;
    }

    private int split(GroupStore store, String name) throws Exception {
        if (into == null) {
            throw new WorkspaceException("group split: give the new groups with --into A,B");
        }
        List<String> names = Arrays.asList(into.split(",", -1));
        List<BigDecimal> percents = percent == null ? null : parsePercents();
        long s = seed != null ? seed : new SecureRandom().nextLong() >>> 1;
        List<Group> parts = new SplitAndCombine(store).split(name, names, percents, s, stratify);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("groups", parts.stream().map(g -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", g.name());
                m.put("customers", g.customers());
                return m;
            }).toList());
            result.put("seed", s);
            printJson(result);
        } else {
            parts.forEach(g -> println(String.format("%s: %,d customers", g.name(), g.customers())));
            println("seed " + s);
        }
        return Cli.OK;
    }

    private List<BigDecimal> parsePercents() {
        List<BigDecimal> result = new ArrayList<>();
        for (String p : percent.split(",", -1)) {
            try {
                result.add(new BigDecimal(p.strip()));
            } catch (NumberFormatException e) {
                throw new WorkspaceException("--percent: '" + p + "' is not a number (give e.g. 50,30,20)");
            }
        }
        return result;
    }

    private int combine(Workspace ws, GroupStore store) throws Exception {
        String opText = argument(0, "union, intersection or difference");
        SetOperation op = SetOperation.fromJson(opText).orElseThrow(() -> new WorkspaceException("group combine:"
                + " unknown operation '" + opText + "' (use union, intersection or difference)"));
        String first = argument(1, "the first group");
        if (into == null) {
            throw new WorkspaceException("group combine: give the new group with --into NAME");
        }
        Group result;
        if (segment != null) {
            if (arguments.size() > 2) {
                throw new WorkspaceException("group combine: give a second group or --segment, not both");
            }
            store.get(first);
            try (SegmentEngine engine = engine(ws, new SegmentStore(ws))) {
                RoaringBitmap members = DefinitionSource.members(engine, new DefinitionSource.Resolved(segment,
                        definition(ws, "group combine"), true), asOf(ws));
                result = new SplitAndCombine(store).combine(op, first, members, segment, into);
            }
        } else {
            String second = argument(2, "the second group (or --segment NAME)");
            if (arguments.size() > 3) {
                throw new WorkspaceException("group combine: give two groups");
            }
            result = new SplitAndCombine(store).combine(op, first, second, into);
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", result.name());
            m.put("customers", result.customers());
            printJson(m);
        } else {
            println(String.format("%s: %,d customers (%s)", result.name(), result.customers(), result.description()));
        }
        return Cli.OK;
    }

    private int set(GroupStore store, String name) throws Exception {
        BatchOperation op = operation();
        if (at != null && op.kind() != BatchOperation.Kind.EVENT) {
            throw new WorkspaceException("group set: --at goes with --event");
        }
        BatchOperations batch = new BatchOperations(store);
        BatchOperations.Result r = preview ? batch.preview(name, op) : batch.apply(name, op, eventTime());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operation", r.operation());
            m.put("customers", r.customers());
            m.put("changed", r.changed());
            m.put("group", r.group());
            m.put("description", r.description());
            m.put("preview", preview);
            printJson(m);
        } else {
            println(String.format("%s%s on '%s': %,d of %,d customers %s", preview ? "preview: " : "",
                    r.description(), r.group(), r.changed(), r.customers(), preview ? "would change" : "changed"));
        }
        return Cli.OK;
    }

    private BatchOperation operation() {
        int given = (attribute != null ? 1 : 0) + (tagAdd != null ? 1 : 0) + (tagRemove != null ? 1 : 0)
                + (event != null ? 1 : 0);
        if (given != 1) {
            throw new WorkspaceException("group set: give one of --attribute COL=VALUE, --tag-add TAG, --tag-remove"
                    + " TAG or --event TYPE");
        }
        if (attribute != null) {
            int eq = attribute.indexOf('=');
            if (eq <= 0) {
                throw new WorkspaceException("--attribute: expected COLUMN=VALUE, not '" + attribute + "'");
            }
            return BatchOperation.attribute(attribute.substring(0, eq).strip(), attribute.substring(eq + 1));
        }
        if (tagAdd != null) {
            return BatchOperation.tagAdd(tagAdd.strip());
        }
        return tagRemove != null ? BatchOperation.tagRemove(tagRemove.strip()) : BatchOperation.event(event.strip());
    }

    private LocalDateTime eventTime() {
        if (at == null) {
            return null;
        }
        try {
            String t = at.strip();
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            throw new WorkspaceException("--at: expected a date and time like 2025-06-30T14:00:00, not '" + at + "'");
        }
    }

    private int undo(GroupStore store) throws Exception {
        Undo.Batch b = new Undo(store).undoLast();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("undone", b.description());
            m.put("operation", b.operation());
            m.put("group", b.group());
            m.put("changed", b.changed());
            printJson(m);
        } else {
            println("Undone: " + b.description() + " on '" + b.group() + "'");
        }
        return Cli.OK;
    }

    private int printGroups(GroupStore store, List<Group> groups) throws Exception {
        if (json) {
            printJson(Map.of("groups", groups.stream().map(g -> GroupJson.group(g, store.clock())).toList()));
        } else {
            groups.forEach(g -> println(String.format("%s: %s group, %,d customers", g.name(), g.kind().jsonName(),
                    g.customers())));
        }
        return Cli.OK;
    }

    private static Schedule schedule(String text) {
        try {
            return Schedule.parse(text);
        } catch (IllegalArgumentException e) {
            throw new WorkspaceException("--schedule: " + e.getMessage());
        }
    }

    private String one(String what) {
        String name = argument(0, what);
        if (arguments.size() > 1) {
            throw new WorkspaceException("group " + action + ": give one group name (quote names with spaces)");
        }
        return name;
    }

    private String argument(int i, String what) {
        if (arguments.size() <= i || arguments.get(i).isBlank()) {
            throw new WorkspaceException("group " + action + ": give " + what);
        }
        return arguments.get(i);
    }

    private void noArguments() {
        if (!arguments.isEmpty()) {
            throw new WorkspaceException("group " + action + ": takes no names");
        }
    }
}
