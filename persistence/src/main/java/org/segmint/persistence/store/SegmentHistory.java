package org.segmint.persistence.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SegmentStatus;
import org.segmint.persistence.json.ConditionJson;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The versions of saved segments ({@code sg_segment_versions}): {@link SegmentStore} records one on every change it
 * saves (inside the same transaction), and the count it remembers goes onto the current one. Versions go with their
 * segment when it is deleted. References in old versions follow renames of the segments they name, so a restored
 * version still points at the right segments.
 */
public final class SegmentHistory {
    private final Workspace ws;

    public SegmentHistory(Workspace ws) {
        this.ws = ws;
    }

    /** Every version of the saved segment {@code name}, newest (the current one) first. */
    public List<SegmentVersion> versions(String name) {
        return Sql.read(ws, "Cannot read the history of '" + name + "'", c -> {
            long id = segmentId(c, name);
            List<SegmentVersion> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sg_segment_versions WHERE segment_id = ?"
                    + " ORDER BY version DESC")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(row(rs, result.isEmpty()));
                    }
                }
            }
            return result;
        });
    }

    /** Version {@code version} of the saved segment {@code name}; a one-line error when there is none. */
    public SegmentVersion version(String name, int version) {
        return versions(name).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new WorkspaceException("Segment '" + name + "' has no version " + version
                        + " (see: segment history " + name + ")"));
    }

    // Used by SegmentStore inside its transactions //

    /**
     * Records the segment's stored state as its next version. A definition that did not change keeps the count of
     * the version before: it still describes the same customers.
     */
    static void record(Connection c, String name, Instant at, String user, String note) throws SQLException {
        long id = segmentId(c, name);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_segment_versions(segment_id, version, name,"
                + " description, folder, status, definition, extra, saved_at, saved_by, note, customers, counted_at)"
                + " SELECT s.id, coalesce((SELECT max(v.version) FROM sg_segment_versions v WHERE v.segment_id = s.id),"
                + " 0) + 1, s.name, s.description, s.folder, s.status, s.definition, s.extra, ?, ?, ?, s.last_count,"
                + " s.last_counted_at FROM sg_segments s WHERE s.id = ?")) {
            ps.setString(1, at.toString());
            ps.setString(2, user == null ? "" : user);
            ps.setString(3, note == null ? "" : note);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    /** Puts a count on the current version of the segment. */
    static void recordCount(Connection c, String name, long count, Instant at) throws SQLException {
        Sql.update(c, "UPDATE sg_segment_versions SET customers = ?, counted_at = ? WHERE id = (SELECT v.id FROM"
                + " sg_segment_versions v JOIN sg_segments s ON s.id = v.segment_id WHERE s.name = ?"
                + " ORDER BY v.version DESC LIMIT 1)", count, at.toString(), name);
    }

    /** Points the {@code kind} references to {@code from} in every version of every segment at {@code to}. */
    static void renameReferences(Connection c, MembershipCondition.Kind kind, String from, String to)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, definition FROM sg_segment_versions");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Condition definition = ConditionJson.parse(rs.getString(2), "segment version " + rs.getLong(1));
                if (References.names(definition, kind).contains(from)) {
                    ids.add(rs.getLong(1));
                    texts.add(ConditionJson.toText(References.rename(definition, kind, from, to)));
                }
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            Sql.update(c, "UPDATE sg_segment_versions SET definition = ? WHERE id = ?", texts.get(i), ids.get(i));
        }
    }

    private static long segmentId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sg_segments WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new WorkspaceException("Unknown segment '" + name + "'");
                }
                return rs.getLong(1);
            }
        }
    }

    private static SegmentVersion row(ResultSet rs, boolean current) throws SQLException {
        String name = rs.getString("name");
        int version = rs.getInt("version");
        Condition definition = ConditionJson.parse(rs.getString("definition"), "version " + version + " of '" + name
                + "'");
        Map<String, String> extra = SegmentStore.extra(rs.getString("extra"), name);
        Segment segment = new Segment(name, rs.getString("description"), rs.getString("folder"),
                SegmentStatus.fromJson(rs.getString("status")).orElse(SegmentStatus.DRAFT), definition, extra);
        return new SegmentVersion(version, segment, Instant.parse(rs.getString("saved_at")), rs.getString("saved_by"),
                rs.getString("note"), Sql.longOrNull(rs, "customers"), Sql.instantOrNull(rs.getString("counted_at")),
                current);
    }
}
