package org.segmint.persistence.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceBusyException;
import org.segmint.persistence.workspace.WorkspaceException;

/** JDBC plumbing shared by the stores: transactions and SQL errors turned into one-line messages. */
final class Sql {
    private Sql() {
    }

    /** Work on a connection that may throw SQLException. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on the workspace connection: all of it is saved or none. A
     * call inside a running transaction joins it.
     */
    static <T> T inTransaction(Workspace ws, String what, Work<T> work) {
        Connection c = ws.connection();
        try {
            if (!c.getAutoCommit()) {
                return work.run(c);
            }
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw WorkspaceBusyException.of(what, e);
        }
    }

    static <T> T read(Workspace ws, String what, Work<T> work) {
        try {
            return work.run(ws.connection());
        } catch (SQLException e) {
            throw new WorkspaceException(what + ": " + e.getMessage(), e);
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instantOrNull(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** A trimmed, non-empty name of at most 200 characters. */
    static String checkName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new WorkspaceException(what + " name must not be empty");
        }
        String trimmed = name.strip();
        if (trimmed.length() > 200) {
            throw new WorkspaceException(what + " name is longer than 200 characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new WorkspaceException(what + " name '" + printable(trimmed) + "' contains a line break, tab or"
                    + " other invisible character; names are one line of visible text");
        }
        return trimmed;
    }

    /** The text with control characters shown as \\n, \\t, \\0 or \\uXXXX, for messages. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder();
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 0 -> b.append("\\0");
                default -> {
                    if (Character.isISOControl(c)) {
                        b.append(String.format("\\u%04x", c));
                    } else {
                        b.append((char) c);
                    }
                }
            }
        });
        return b.toString();
    }
}
