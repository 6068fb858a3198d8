package org.segmint.app.editor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.segmint.model.catalog.Field;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Values the editors offer in pick lists: distinct values of a catalog field (most frequent first,
 * filtered by a search text), event types, and the names of saved groups and lists. Call off the FX
 * thread. Identifiers come from the catalog and are quoted; the search text is a bound parameter.
 */
public final class PickLists implements EditorChoices {
    private final Workspace workspace;
    private final SegmentRepository segments;

    public PickLists(Workspace workspace, SegmentRepository segments) {
        this.workspace = workspace;
        this.segments = segments;
    }

    @Override
    public List<String> segmentNames() {
        return segments.names();
    }

    /** Up to {@code limit} distinct non-empty values of {@code fieldId} containing {@code search}. */
    @Override
    public List<String> distinctValues(String fieldId, String search, int limit) {
        Field field = workspace.catalog().field(fieldId)
                .orElseThrow(() -> new WorkspaceException("Unknown field " + fieldId));
        String column = Identifiers.quote(field.column());
        String sql = "SELECT " + column + " AS v, count(*) AS n FROM " + Identifiers.quote(field.table())
                + " WHERE " + column + " IS NOT NULL AND CAST(" + column + " AS TEXT) <> ''"
                + " AND instr(lower(CAST(" + column + " AS TEXT)), lower(?)) > 0"
                + " GROUP BY v ORDER BY n DESC, v LIMIT ?";
        return strings(sql, search == null ? "" : search, limit);
    }

    /** The event types of the workspace, most frequent first. */
    @Override
    public List<String> eventTypes() {
        if (!workspace.catalog().field("events.event_type").isPresent()) {
            return List.of();
        }
        return strings("SELECT event_type, count(*) AS n FROM events WHERE event_type IS NOT NULL"
                + " AND event_type <> '' GROUP BY event_type ORDER BY n DESC, event_type LIMIT ?", null, 500);
    }

    @Override
    public List<String> groupNames() {
        return strings("SELECT name FROM sg_groups ORDER BY name COLLATE NOCASE LIMIT ?", null, 10_000);
    }

    @Override
    public List<String> listNames() {
        return strings("SELECT name FROM sg_lists ORDER BY name COLLATE NOCASE LIMIT ?", null, 10_000);
    }

    private List<String> strings(String sql, String search, int limit) {
        Connection connection = workspace.openConnection();
        try (connection; PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            if (search != null) {
                statement.setString(i++, search);
            }
            statement.setInt(i, limit);
            List<String> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(rows.getString(1));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new WorkspaceException("Could not read values: " + e.getMessage());
        }
    }
}
