package org.segmint.persistence.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Values read from the data for choosing, not for counting: the distinct values of a field (most frequent first,
 * optionally containing a search text), the event types, the names of groups and lists, a quantile of a numeric
 * field. Each call reads on its own connection, so it may run in the background while the workspace's connection
 * is busy. Identifiers come from the catalog and are quoted; the search text and limits are bound parameters.
 */
public final class ValueLists {
    private final Workspace ws;

    public ValueLists(Workspace ws) {
        this.ws = ws;
    }

    /** Up to {@code limit} distinct non-empty values of {@code fieldId} containing {@code search} (any case). */
    public List<String> distinctValues(String fieldId, String search, int limit) {
        Field field = ws.catalog().field(fieldId)
                .orElseThrow(() -> new WorkspaceException("Unknown field " + fieldId));
        String column = Identifiers.quote(field.column());
        String sql = "SELECT " + column + " AS v, count(*) AS n FROM " + Identifiers.quote(field.table())
                + " WHERE " + column + " IS NOT NULL AND CAST(" + column + " AS TEXT) <> ''"
                + " AND instr(lower(CAST(" + column + " AS TEXT)), lower(?)) > 0"
                + " GROUP BY v ORDER BY n DESC, v LIMIT ?";
        return strings(sql, search == null ? "" : search, limit);
    }

    /** The most frequent values of {@code table.column}; empty when the workspace has no such column. */
    public List<String> mostFrequent(String table, String column, int limit) {
        if (ws.catalog().field(table, column).isEmpty()) {
            return List.of();
        }
        return distinctValues(table + "." + column, "", limit);
    }

    /** The event types of the workspace, most frequent first. */
    public List<String> eventTypes() {
        return mostFrequent(Catalog.EVENTS, "event_type", 500);
    }

    public List<String> groupNames() {
        return strings("SELECT name FROM sg_groups ORDER BY name COLLATE NOCASE LIMIT ?", null, 10_000);
    }

    public List<String> listNames() {
        return strings("SELECT name FROM sg_lists ORDER BY name COLLATE NOCASE LIMIT ?", null, 10_000);
    }

    /** The value of a numeric field below which {@code quantile} of the customers lie (empty without values). */
    public OptionalDouble customerQuantile(String fieldId, double quantile) {
        Field field = ws.catalog().field(fieldId)
                .orElseThrow(() -> new WorkspaceException("Unknown field " + fieldId));
        String column = Identifiers.quote(field.column());
        String sql = "SELECT " + column + " FROM " + Identifiers.quote(field.table()) + " WHERE " + column
                + " IS NOT NULL ORDER BY " + column + " LIMIT 1 OFFSET (SELECT CAST(count(*) * ? AS INTEGER) FROM"
                + " customers)";
        try (Connection c = ws.openConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, quantile);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalDouble.of(rs.getDouble(1)) : OptionalDouble.empty();
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read " + fieldId + " (" + e.getMessage() + ")", e);
        }
    }

    private List<String> strings(String sql, String search, int limit) {
        try (Connection c = ws.openConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
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
            throw new WorkspaceException("Could not read values: " + e.getMessage(), e);
        }
    }
}
