package org.segmint.persistence.columns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.CancelledException;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Reads columns from the workspace on a connection of its own, inside one read transaction (a consistent
 * snapshot) that is checked to be at the expected data version: columns read at another version are never
 * mixed with these.
 */
final class ColumnReader implements AutoCloseable {
    private static final int CHECK_EVERY = 1 << 16;

    private final Connection connection;
    private final Cancellation cancel;

    /** Receives one row of a scan. */
    interface RowHandler {
        void row(ResultSet rs, int index) throws SQLException;
    }

    ColumnReader(Workspace workspace, long version, Cancellation cancel) {
        this.cancel = cancel == null ? Cancellation.none() : cancel;
        this.connection = workspace.openConnection();
        try (Statement st = connection.createStatement()) {
            // A deferred transaction: a snapshot for reading that takes no lock from writers.
            st.execute("BEGIN");
            long current = 0;
            try (ResultSet rs = st.executeQuery("SELECT value FROM sg_meta WHERE key = 'data_version'")) {
                if (rs.next()) {
                    current = Long.parseLong(rs.getString(1));
                }
            }
            if (current != version) {
                throw new StaleColumnsException(version, current);
            }
        } catch (SQLException e) {
            closeQuietly();
            throw new WorkspaceException("Cannot read the workspace (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    /** Runs {@code sql} and hands every row to {@code handler}; returns the number of rows. */
    int scan(String sql, RowHandler handler) {
        return scan(sql, handler, new Object[0]);
    }

    /** Runs {@code sql} with the bound {@code parameters} and hands every row to {@code handler}. */
    int scan(String sql, RowHandler handler, Object... parameters) {
        cancel.throwIfCancelled();
        try (PreparedStatement ps = prepared(sql, parameters);
             AutoCloseable hook = cancel.onCancel(() -> cancelQuietly(ps));
             ResultSet rs = ps.executeQuery()) {
            int i = 0;
            while (rs.next()) {
                handler.row(rs, i++);
                if ((i & (CHECK_EVERY - 1)) == 0) {
                    cancel.throwIfCancelled();
                }
            }
            cancel.throwIfCancelled();
            return i;
        } catch (SQLException e) {
            if (cancel.isCancelled()) {
                throw new CancelledException();
            }
            throw new WorkspaceException("Cannot read the workspace (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WorkspaceException("Cannot read the workspace (" + e.getMessage() + ")", e);
        }
    }

    private PreparedStatement prepared(String sql, Object... parameters) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            ps.setObject(i + 1, parameters[i]);
        }
        return ps;
    }

    /** A single number (the first column of the first row; {@code otherwise} when NULL or no row). */
    long number(String sql, long otherwise) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return otherwise;
            }
            long v = rs.getLong(1);
            return rs.wasNull() ? otherwise : v;
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read the workspace (" + e.getMessage() + ")", e);
        }
    }

    private static void cancelQuietly(Statement st) {
        try {
            st.cancel();
        } catch (SQLException e) {
            // Finished or closed meanwhile.
        }
    }

    @Override
    public void close() {
        try (Statement st = connection.createStatement()) {
            st.execute("COMMIT");
        } catch (SQLException e) {
            // A read transaction: nothing to keep.
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Read-only work: nothing is lost.
        }
    }
}
