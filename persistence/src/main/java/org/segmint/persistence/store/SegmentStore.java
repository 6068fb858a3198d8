package org.segmint.persistence.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SegmentIcon;
import org.segmint.model.segment.SegmentStatus;
import org.segmint.persistence.json.ConditionJson;
import org.segmint.persistence.json.Json;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Saved segments of a workspace ({@code sg_segments}). Every change is one transaction. Definitions are
 * stored as the JSON of segment files; references between segments are by name, so renaming a segment
 * rewrites the definitions of the segments, models and smart groups that use it.
 */
public final class SegmentStore {
    /** How many segments may be pinned ("recommended") at once. */
    public static final int MAX_PINNED = 5;

    private static final MembershipCondition.Kind SEGMENT = MembershipCondition.Kind.SEGMENT;

    private final Workspace ws;
    private final Clock clock;
    private final String user;
    private final UsageFinder usages;

    public SegmentStore(Workspace ws) {
        this(ws, Clock.systemUTC());
    }

    public SegmentStore(Workspace ws, Clock clock) {
        this(ws, clock, System.getProperty("user.name", ""));
    }

    /** @param user who saves, as the history shows it (the account name by default) */
    public SegmentStore(Workspace ws, Clock clock, String user) {
        this.ws = ws;
        this.clock = clock;
        this.user = user == null ? "" : user;
        this.usages = new UsageFinder();
    }

    /**
     * Inserts the segment, or updates the one with the same name (keeping its creation time and pin).
     * The last count is dropped when the definition changes. A definition that would refer to itself
     * through other segments is refused. A save that changes anything is kept as the segment's next version
     * ({@link SegmentHistory}).
     */
    public SavedSegment save(Segment segment) {
        return save(segment, "");
    }

    private SavedSegment save(Segment segment, String note) {
        String name = Sql.checkName(segment.name(), "Segment");
        Segment s = segment.withName(name);
        return Sql.inTransaction(ws, "Cannot save segment '" + name + "'", c -> {
            refuseCycle(c, name, s.definition());
            Instant at = clock.instant();
            String now = at.toString();
            String definition = ConditionJson.toText(s.definition());
            String extra = extraText(s.extra());
            Optional<SavedSegment> old = find(c, name);
            if (old.isEmpty()) {
                Sql.update(c, "INSERT INTO sg_segments(name, description, folder, status, definition, extra,"
                        + " created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)", name, s.description(), s.folder(),
                        s.status().jsonName(), definition, extra, now, now);
                SegmentHistory.record(c, name, at, user, note);
            } else {
                boolean changed = !old.get().segment().definition().equals(s.definition());
                Sql.update(c, "UPDATE sg_segments SET description = ?, folder = ?, status = ?, definition = ?,"
                        + " extra = ?, updated_at = ?" + (changed ? ", last_count = NULL, last_counted_at = NULL" : "")
                        + " WHERE name = ?", s.description(), s.folder(), s.status().jsonName(), definition, extra,
                        now, name);
                if (!old.get().segment().equals(s)) {
                    SegmentHistory.record(c, name, at, user, note);
                }
            }
            return find(c, name).orElseThrow();
        });
    }

    /**
     * Saves version {@code version} of the segment again, as its newest version: its description, folder, status
     * and definition come back; the name stays. Nothing changes when it equals the segment as it is.
     */
    public SavedSegment restore(String name, int version) {
        return Sql.inTransaction(ws, "Cannot restore segment '" + name + "'", c -> {
            require(c, name);
            Segment old = new SegmentHistory(ws).version(name, version).segment();
            return save(old.withName(name), "restored version " + version);
        });
    }

    public Optional<SavedSegment> find(String name) {
        return Sql.read(ws, "Cannot read segment '" + name + "'", c -> find(c, name));
    }

    /** The saved segment, or a one-line error naming the unknown segment. */
    public SavedSegment get(String name) {
        return find(name).orElseThrow(() -> new WorkspaceException("Unknown segment '" + name + "'"));
    }

    /** The definition of a saved segment; the engine resolves {@code segment} conditions through this. */
    public Optional<Condition> definition(String name) {
        return find(name).map(s -> s.segment().definition());
    }

    /** Every saved segment: pinned first, then by name. */
    public List<SavedSegment> list() {
        return Sql.read(ws, "Cannot list segments", c -> {
            List<SavedSegment> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sg_segments ORDER BY pinned DESC,"
                    + " name COLLATE NOCASE, name"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(row(rs));
                }
            }
            return result;
        });
    }

    /** Renames a segment and every reference to it in segments, models and smart groups. */
    public SavedSegment rename(String name, String newName) {
        String target = Sql.checkName(newName, "Segment");
        return Sql.inTransaction(ws, "Cannot rename segment '" + name + "'", c -> {
            require(c, name);
            if (target.equals(name)) {
                return find(c, name).orElseThrow();
            }
            refuseExisting(c, target);
            Instant at = clock.instant();
            Sql.update(c, "UPDATE sg_segments SET name = ?, updated_at = ? WHERE name = ?", target, at.toString(),
                    name);
            for (Usage u : usages.usedIn(c, SEGMENT, name)) {
                usages.renameIn(c, u, SEGMENT, name, target);
            }
            SegmentHistory.renameReferences(c, SEGMENT, name, target);
            SegmentHistory.record(c, target, at, user, "renamed from " + name);
            return find(c, target).orElseThrow();
        });
    }

    /** "Save As": a copy under a new name, unpinned and not yet counted. */
    public SavedSegment copy(String name, String newName) {
        String target = Sql.checkName(newName, "Segment");
        return Sql.inTransaction(ws, "Cannot copy segment '" + name + "'", c -> {
            SavedSegment original = require(c, name);
            refuseExisting(c, target);
            return save(original.segment().withName(target));
        });
    }

    public SavedSegment move(String name, String folder) {
        return change(name, "folder = ?", folder == null ? "" : folder.strip());
    }

    public SavedSegment setStatus(String name, SegmentStatus status) {
        return change(name, "status = ?", status.jsonName());
    }

    /** Pins or unpins a segment; at most {@link #MAX_PINNED} are pinned at once. */
    public SavedSegment pin(String name, boolean pinned) {
        return Sql.inTransaction(ws, "Cannot pin segment '" + name + "'", c -> {
            SavedSegment s = require(c, name);
            if (pinned && !s.pinned() && list().stream().filter(SavedSegment::pinned).count() >= MAX_PINNED) {
                throw new WorkspaceException("At most " + MAX_PINNED + " segments can be pinned; unpin one first");
            }
            Sql.update(c, "UPDATE sg_segments SET pinned = ? WHERE name = ?", pinned ? 1 : 0, name);
            return find(c, name).orElseThrow();
        });
    }

    /** Chooses the icon the segment shows while pinned (not an edit of the segment: its updated time stays). */
    public SavedSegment setIcon(String name, SegmentIcon icon) {
        return Sql.inTransaction(ws, "Cannot set the icon of segment '" + name + "'", c -> {
            require(c, name);
            Sql.update(c, "UPDATE sg_segments SET icon = ? WHERE name = ?", icon.key(), name);
            return find(c, name).orElseThrow();
        });
    }

    /**
     * Remembers the last count of a saved segment. Remembering is not worth a wait: behind another writer (a long
     * import) it gives up after {@link Workspace#SHORT_BUSY_TIMEOUT_MS} and throws, and the caller shows the count
     * all the same.
     */
    public void recordCount(String name, long count, Instant time) {
        ws.withBusyTimeout(Workspace.SHORT_BUSY_TIMEOUT_MS, () ->
                Sql.inTransaction(ws, "Cannot record the count of '" + name + "'", c -> {
                    require(c, name);
                    SegmentHistory.recordCount(c, name, count, time);
                    return Sql.update(c, "UPDATE sg_segments SET last_count = ?, last_counted_at = ? WHERE name = ?",
                            count, time.toString(), name);
                }));
    }

    /** Where the segment is used: other segments (at any depth), models and smart groups. */
    public List<Usage> usedIn(String name) {
        return Sql.read(ws, "Cannot check where '" + name + "' is used", c -> usages.usedIn(c, SEGMENT, name));
    }

    /**
     * Deletes a segment. When others use it, deleting is refused with the list of places unless
     * {@code force}; forced, those references stay and are reported as unknown segments when evaluated.
     */
    public void delete(String name, boolean force) {
        Sql.inTransaction(ws, "Cannot delete segment '" + name + "'", c -> {
            require(c, name);
            List<Usage> used = usages.usedIn(c, SEGMENT, name);
            if (!used.isEmpty() && !force) {
                throw new WorkspaceException("Segment '" + name + "' is used in " + used.stream()
                        .map(Usage::describe).collect(Collectors.joining(", ")) + "; remove those references first"
                        + " or force the delete");
            }
            return Sql.update(c, "DELETE FROM sg_segments WHERE name = ?", name);
        });
    }

    // Internals //

    private SavedSegment change(String name, String assignment, Object value) {
        return Sql.inTransaction(ws, "Cannot change segment '" + name + "'", c -> {
            SavedSegment before = require(c, name);
            Instant at = clock.instant();
            Sql.update(c, "UPDATE sg_segments SET " + assignment + ", updated_at = ? WHERE name = ?", value,
                    at.toString(), name);
            SavedSegment after = find(c, name).orElseThrow();
            if (!after.segment().equals(before.segment())) {
                SegmentHistory.record(c, name, at, user, "");
            }
            return after;
        });
    }

    private SavedSegment require(Connection c, String name) throws SQLException {
        return find(c, name).orElseThrow(() -> new WorkspaceException("Unknown segment '" + name + "'"));
    }

    private void refuseExisting(Connection c, String name) throws SQLException {
        if (find(c, name).isPresent()) {
            throw new WorkspaceException("A segment named '" + name + "' already exists");
        }
    }

    /** Follows segment references from {@code definition}; refuses one that leads back to {@code name}. */
    private void refuseCycle(Connection c, String name, Condition definition) throws SQLException {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String ref : References.names(definition, SEGMENT)) {
            cameFrom.put(ref, name);
            todo.add(ref);
        }
        while (!todo.isEmpty()) {
            String current = todo.poll();
            if (current.equals(name)) {
                List<String> chain = new ArrayList<>();
                String step = cameFrom.get(current);
                while (!step.equals(name)) {
                    chain.add(0, step);
                    step = cameFrom.get(step);
                }
                chain.add(0, name);
                chain.add(name);
                throw new WorkspaceException("Segment '" + name + "' would refer to itself: "
                        + String.join(" -> ", chain));
            }
            Optional<SavedSegment> s = find(c, current);
            if (s.isEmpty()) {
                continue;
            }
            for (String ref : References.names(s.get().segment().definition(), SEGMENT)) {
                if (!cameFrom.containsKey(ref)) {
                    cameFrom.put(ref, current);
                    todo.add(ref);
                }
            }
        }
    }

    private Optional<SavedSegment> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sg_segments WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static SavedSegment row(ResultSet rs) throws SQLException {
        String name = rs.getString("name");
        Condition definition = ConditionJson.parse(rs.getString("definition"), "segment '" + name + "'");
        Segment segment = new Segment(name, rs.getString("description"), rs.getString("folder"),
                SegmentStatus.fromJson(rs.getString("status")).orElse(SegmentStatus.DRAFT), definition,
                extra(rs.getString("extra"), name));
        // an icon this build does not know (written by a newer one) shows as the default
        SegmentIcon icon = SegmentIcon.fromKey(rs.getString("icon")).orElse(SegmentIcon.DEFAULT);
        return new SavedSegment(segment, rs.getInt("pinned") != 0, icon, Instant.parse(rs.getString("created_at")),
                Instant.parse(rs.getString("updated_at")), Sql.longOrNull(rs, "last_count"),
                Sql.instantOrNull(rs.getString("last_counted_at")));
    }

    private static String extraText(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return null;
        }
        var node = Json.mapper().createObjectNode();
        extra.forEach(node::put);
        return node.toString();
    }

    static Map<String, String> extra(String text, String name) {
        Map<String, String> extra = new LinkedHashMap<>();
        if (text != null) {
            Json.parse(text, "segment '" + name + "'").fields()
                    .forEachRemaining(e -> extra.put(e.getKey(), e.getValue().textValue()));
        }
        return extra;
    }
}
