package org.segmint.persistence.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Small reads the engine makes on its own connection (never the workspace's, which belongs to the
 * thread that opened it): the data version, the catalog, group and list lookups.
 */
final class EngineData {
    private EngineData() {
    }

    static long dataVersion(Connection c) {
        return setting(c, "data_version").map(Long::parseLong).orElse(0L);
    }

    static Optional<String> setting(Connection c, String key) {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM sg_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read setting " + key + " (" + e.getMessage() + ")", e);
        }
    }

    /** The catalog, read the way {@code Workspace.catalog()} reads it. */
    static Catalog catalog(Connection c) {
        List<Field> fields = new ArrayList<>();
        String sql = "SELECT table_name, column_name, type, label FROM sg_columns ORDER BY table_name, position";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                FieldType type = FieldType.fromJson(rs.getString(3)).orElse(FieldType.TEXT);
                fields.add(new Field(rs.getString(1), rs.getString(2), type, rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read the catalog (" + e.getMessage() + ")", e);
        }
        return new Catalog(fields);
    }

    static boolean groupExists(Connection c, String name) {
        return lookup(c, "SELECT 1 FROM sg_groups WHERE name = ?", name).isPresent();
    }

    /** The column an uploaded list matches on ({@code customer_id} or {@code email}), by list name. */
    static Optional<String> listMatchOn(Connection c, String name) {
        return lookup(c, "SELECT match_on FROM sg_lists WHERE name = ?", name);
    }

    private static Optional<String> lookup(Connection c, String sql, String name) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read '" + name + "' (" + e.getMessage() + ")", e);
        }
    }
}
