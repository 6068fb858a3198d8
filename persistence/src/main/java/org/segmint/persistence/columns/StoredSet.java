package org.segmint.persistence.columns;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The stored columns of one table for one data version ({@link ColumnBlobs}): reads arrays when the stored set
 * is valid at that version, and stores what was read from the rows (best effort: a workspace that cannot be
 * written, or is busy, simply keeps the columns in memory only).
 */
final class StoredSet {
    /** How long a store waits for another writer before giving up (the columns stay in memory only). */
    private static final int WRITE_WAIT_MS = 2_000;

    private final Workspace workspace;
    private final String table;
    private final long version;
    private ColumnBlobs.SetVersion stored;
    private boolean looked;

    StoredSet(Workspace workspace, String table, long version) {
        this.workspace = workspace;
        this.table = table;
        this.version = version;
    }

    /** Reads stored arrays. */
    interface Read<T> {
        T read(Connection c) throws SQLException;
    }

    /** Writes arrays into the set. */
    interface Write {
        void write(Connection c) throws SQLException;
    }

    /** The build of the stored set valid at this version, or -1 when there is none. */
    synchronized long built(Cancellation cancel) {
        look(cancel);
        return stored == null || stored.dataVersion() != version ? -1 : stored.builtVersion();
    }

    private void look(Cancellation cancel) {
        if (!looked) {
            try (ColumnReader reader = new ColumnReader(workspace, version, cancel)) {
                stored = ColumnBlobs.version(reader.connection(), table);
            } catch (SQLException e) {
                throw new WorkspaceException("Cannot read the stored columns (" + e.getMessage() + ")", e);
            }
            looked = true;
        }
    }

    /** Whether the valid stored set holds array {@code name}. */
    boolean has(String name, Cancellation cancel) {
        if (built(cancel) < 0) {
            return false;
        }
        return read(c -> ColumnBlobs.has(c, table, name), cancel);
    }

    /** Reads from the stored set (the data version is checked first). */
    <T> T read(Read<T> read, Cancellation cancel) {
        try (ColumnReader reader = new ColumnReader(workspace, version, cancel)) {
            return read.read(reader.connection());
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read the stored columns of " + table + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Stores arrays read from the rows at this version: into a new set when {@code fresh} (or when no valid set
     * exists), else added to the valid one. Returns whether they were stored.
     */
    boolean write(boolean fresh, Write write) {
        // Writers of this process take turns here, so they never wait on each other's SQLite lock.
        synchronized (StoredSet.class) {
            return writeNow(fresh, write);
        }
    }

    private synchronized boolean writeNow(boolean fresh, Write write) {
        Connection c;
        try {
            c = workspace.openConnection();
        } catch (RuntimeException e) {
            return false;
        }
        try (c) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout=" + WRITE_WAIT_MS);
            }
            c.setAutoCommit(false);
            try {
                if (currentVersion(c) != version) {
                    c.rollback();
                    return false;
                }
                ColumnBlobs.SetVersion now = ColumnBlobs.version(c, table);
                if (fresh || now == null || now.dataVersion() != version) {
                    ColumnBlobs.startSet(c, table, version);
                    now = new ColumnBlobs.SetVersion(version, version);
                }
                write.write(c);
                c.commit();
                stored = now;
                looked = true;
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                return false;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static long currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT value FROM sg_meta WHERE key = 'data_version'")) {
            return rs.next() ? Long.parseLong(rs.getString(1)) : 0;
        }
    }
}
