package org.segmint.persistence.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.segmint.persistence.workspace.Identifiers;

/**
 * A prepared INSERT into one table, sent in batches; counts the rows it wrote. The generating thread fills rows;
 * each full batch is bound and executed on the {@link InsertThread}.
 */
final class BatchInsert implements AutoCloseable {
    private static final int BATCH = 4096;

    private final PreparedStatement statement;
    private final InsertThread inserts;
    private final int width;
    private Object[][] batch;
    private int pending;
    private long rows;

    BatchInsert(Connection connection, String table, List<String> columns, InsertThread inserts)
            throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(Identifiers.quote(table)).append('(');
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(Identifiers.quote(columns.get(i)));
            marks.append(i == 0 ? "?" : ", ?");
        }
        sql.append(") VALUES (").append(marks).append(')');
        statement = connection.prepareStatement(sql.toString());
        this.inserts = inserts;
        this.width = columns.size();
        this.batch = new Object[BATCH][width];
    }

    void text(int index, String value) {
        batch[pending][index - 1] = value;
    }

    void integer(int index, long value) {
        batch[pending][index - 1] = value;
    }

    void nullableInteger(int index, Long value) {
        batch[pending][index - 1] = value;
    }

    void decimal(int index, double value) {
        batch[pending][index - 1] = value;
    }

    void bool(int index, boolean value) {
        batch[pending][index - 1] = value ? 1L : 0L;
    }

    /** Ends the current row. */
    void add() throws SQLException {
        rows++;
        if (++pending == BATCH) {
            flush();
        }
    }

    /** Hands the rows so far to the insert thread. */
    void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        Object[][] full = batch;
        int count = pending;
        batch = new Object[BATCH][width];
        pending = 0;
        inserts.submit(() -> execute(full, count));
    }

    /** Binds and executes one batch: runs on the insert thread. */
    private void execute(Object[][] values, int count) throws SQLException {
        for (int r = 0; r < count; r++) {
            Object[] row = values[r];
            for (int i = 0; i < width; i++) {
                Object v = row[i];
                if (v == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else if (v instanceof String s) {
                    statement.setString(i + 1, s);
                } else if (v instanceof Long l) {
                    statement.setLong(i + 1, l);
                } else {
                    statement.setDouble(i + 1, (Double) v);
                }
            }
            statement.addBatch();
        }
        statement.executeBatch();
    }

    long rows() {
        return rows;
    }

    /** Hands over the last rows; the statement is closed on the insert thread after them. */
    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            inserts.submit(statement::close);
        }
    }
}
