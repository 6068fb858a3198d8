package org.segmint.persistence.importing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.segmint.persistence.workspace.Identifiers;

/**
 * Writes imported rows into the target table through one batched prepared statement, inside the
 * import's transaction. Subclasses decide what the mode means for their kind of table.
 */
abstract class TableWriter implements AutoCloseable {
    static final int BATCH = 4096;

    private PreparedStatement insert;
    private int pending;

    /** Prepares the table (e.g. deletes its rows for a replace); called once before the first row. */
    abstract void begin() throws SQLException;

    /** Completes the load (flushes, merges staged rows); called once after the last row. */
    abstract void finish() throws SQLException;

    protected void prepare(PreparedStatement statement) {
        this.insert = statement;
    }

    /** Adds one row of parameters (in the statement's order) to the batch. */
    protected void addRow(Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            insert.setObject(i + 1, parameters[i]);
        }
        endRow();
    }

    protected void setParameter(int index, Object value) throws SQLException {
        insert.setObject(index, value);
    }

    protected void endRow() throws SQLException {
        insert.addBatch();
        if (++pending >= BATCH) {
            flush();
        }
    }

    protected void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        if (insert != null) {
            insert.close();
        }
    }

    static String quotedList(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(sb.length() == 0 ? "" : ", ").append(Identifiers.quote(n));
        }
        return sb.toString();
    }

    static String placeholders(int n) {
        return "?" + ", ?".repeat(Math.max(0, n - 1));
    }
}
