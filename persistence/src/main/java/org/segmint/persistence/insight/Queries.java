package org.segmint.persistence.insight;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.segmint.model.task.CancelledException;
import org.segmint.persistence.workspace.WorkspaceException;

/** Small JDBC pieces shared by the loaders of this package. */
final class Queries {
    private Queries() {
    }

    static void cancelQuietly(Statement st) {
        try {
            st.cancel();
        } catch (SQLException ignored) {
            // The statement finished or closed meanwhile: nothing left to stop.
        }
    }

    static RuntimeException rethrow(Exception e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        return new WorkspaceException("Cannot read the workspace (" + e.getMessage() + ")", e);
    }

    /** The largest customer key, or -1 when there are no customers. */
    static int maxCustomerKey(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(ck) FROM customers")) {
            long max = rs.getLong(1);
            if (rs.wasNull()) {
                return -1;
            }
            if (max >= Integer.MAX_VALUE) {
                throw new WorkspaceException("customers: customer keys beyond " + Integer.MAX_VALUE);
            }
            return (int) max;
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read the customers (" + e.getMessage() + ")", e);
        }
    }

    static void checkCancelled(org.segmint.model.task.Cancellation cancel) {
        if (cancel.isCancelled()) {
            throw new CancelledException();
        }
    }
}
