package org.segmint.persistence.columns;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.Workspace;

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
                // An unreadable record of stored sets counts as none: the columns are read from the rows.
                stored = null;
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
            // Unreadable (an older layout, a busy file): never trusted, read from the rows instead.
            discard();
            throw new DamagedColumnsException(table + " cannot be read (" + e.getMessage() + ")");
        } catch (DamagedColumnsException e) {
            discard();
            throw e;
        }
    }

    /**
     * Forgets a damaged set: it is deleted from the workspace (best effort: when it cannot be, it stays unused
     * in this process and is checked again on the next opening) and what is read from the rows is stored anew.
     */
    synchronized void discard() {
        stored = null;
        looked = true;
        synchronized (StoredSet.class) {
            try (Connection c = workspace.openConnection()) {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA busy_timeout=" + WRITE_WAIT_MS);
                }
                c.setAutoCommit(false);
                try (var ps = c.prepareStatement("DELETE FROM sg_column_sets WHERE table_name = ?");
                     var blobs = c.prepareStatement("DELETE FROM sg_column_blobs WHERE table_name = ?")) {
                    ps.setString(1, table);
                    ps.executeUpdate();
                    blobs.setString(1, table);
                    blobs.executeUpdate();
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                }
            } catch (SQLException | RuntimeException e) {
                // Read-only or busy: the set stays unused by this process.
            }
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
