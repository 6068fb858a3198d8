package org.segmint.persistence.workspace;

import java.sql.SQLException;

/** Another program (or another Segmint) held the workspace's write lock for longer than Segmint waits. */
public final class WorkspaceBusyException extends WorkspaceException {
    public WorkspaceBusyException(String what, Throwable cause) {
        super(what + ": the workspace is busy (another Segmint is writing to it); try again in a moment", cause);
    }

    /** Whether SQLite gave up because the database was locked. */
    public static boolean isBusy(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        String m = String.valueOf(e.getMessage());
        return code == 5 || code == 6 || m.contains("SQLITE_BUSY") || m.contains("database is locked");
    }

    /** The exception for a failed statement: busy when it was the lock, else the plain one-line reason. */
    public static WorkspaceException of(String what, SQLException e) {
        return isBusy(e) ? new WorkspaceBusyException(what, e) : new WorkspaceException(what + " (" + e.getMessage()
                + ")", e);
    }
}
