package org.segmint.persistence.columns;

import java.util.Map;
import java.util.IdentityHashMap;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.Workspace;

/**
 * The columns of one open workspace, shared by everything that counts on it (the engine, insights,
 * breakdowns): one {@link Columns} for the current data version, replaced when the data version moves on.
 */
public final class ColumnStore {
    private static final Map<Workspace, ColumnStore> STORES = new IdentityHashMap<>();

    private final Workspace workspace;
    private Columns current;
    private boolean memoryOnly;

    private ColumnStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Drops the store of a workspace being closed, with every column it holds. */
    public static void forget(Workspace workspace) {
        synchronized (STORES) {
            STORES.remove(workspace);
        }
    }

    /** The store of an open workspace (one per {@link Workspace} object). */
    public static ColumnStore of(Workspace workspace) {
        synchronized (STORES) {
            return STORES.computeIfAbsent(workspace, ColumnStore::new);
        }
    }

    /** The columns at data version {@code version} (older versions' columns are dropped). */
    public synchronized Columns at(long version) {
        if (current == null || current.version() < version) {
            current = new Columns(workspace, version, current, memoryOnly);
        } else if (current.version() > version) {
            // A caller still at an older version: its reads find the data moved on and fall back.
            return new Columns(workspace, version, null, true);
        }
        return current;
    }

    /**
     * After a load has been committed: reads from the rows and stores the columns that are not stored yet, so that
     * the first count does not wait for them. Best effort: a failure here leaves the data as it is (the columns
     * are then read when first needed), so it never undoes the load.
     */
    public static void prepare(Workspace workspace, Cancellation cancel) {
        try {
            of(workspace).at(workspace.dataVersion()).prepare(workspace.catalog(), cancel);
        } catch (RuntimeException e) {
            // Counting reads the columns from the rows later, or falls back to SQL.
        }
    }

    /**
     * After a load that replaced every order has been committed at data version {@code version}: takes the order
     * columns collected while writing ({@link PurchaseCapture}) instead of reading them back. Best effort, like
     * {@link #prepare}; nothing is kept when the data has moved on since.
     */
    public static void adopt(Workspace workspace, long version, PurchaseCapture capture, Cancellation cancel) {
        try {
            Columns columns = of(workspace).at(version);
            if (columns.version() == version && workspace.dataVersion() == version) {
                columns.adopt(capture, cancel);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            // The columns are read from the rows when first needed (sorting the captured rows needs room too).
        }
    }

    /**
     * Before an append of orders: the order columns as they are, if they are held or stored with their rows'
     * positions (see {@link #adoptAppended}); null otherwise or on any failure.
     */
    public static Columns.OrdersBefore ordersBefore(Workspace workspace, Cancellation cancel) {
        try {
            return of(workspace).at(workspace.dataVersion()).ordersBefore(cancel);
        } catch (RuntimeException | OutOfMemoryError e) {
            return null;
        }
    }

    /**
     * After an append of orders has been committed at data version {@code version}: makes the order columns from
     * {@code before} and the appended rows collected while writing ({@code capture}; the rows above
     * {@code rowidAfter} are the appended ones) instead of reading every order back. Best effort, like
     * {@link #prepare}.
     */
    public static void adoptAppended(Workspace workspace, long version, Columns.OrdersBefore before,
                                     PurchaseCapture capture, long rowidAfter, Cancellation cancel) {
        try {
            Columns columns = of(workspace).at(version);
            if (columns.version() == version && workspace.dataVersion() == version) {
                columns.adoptAppended(before, capture, rowidAfter, cancel);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            // The columns are read from the rows when first needed.
        }
    }

    /**
     * Columns read from the rows from now on are kept in memory only, never stored in the workspace (for tools
     * that promise to leave the file as it was, such as the benchmark); stored columns are still read.
     */
    public synchronized void keepInMemoryOnly() {
        memoryOnly = true;
        current = null;
    }

    /** Drops every column held (the next use reads them again). */
    public synchronized void clear() {
        current = null;
    }
}
