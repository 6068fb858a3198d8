package org.segmint.persistence.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.segmint.persistence.workspace.Identifiers;

/** A prepared INSERT into one table, sent in batches; counts the rows it wrote. */
final class BatchInsert implements AutoCloseable {
    private static final int BATCH = 4096;

    private final PreparedStatement statement;
    private int pending;
    private long rows;

    BatchInsert(Connection connection, String table, List<String> columns) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(Identifiers.quote(table)).append('(');
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(Identifiers.quote(columns.get(i)));
            marks.append(i == 0 ? "?" : ", ?");
        }
        sql.append(") VALUES (").append(marks).append(')');
        statement = connection.prepareStatement(sql.toString());
    }

    void text(int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    void integer(int index, long value) throws SQLException {
        statement.setLong(index, value);
    }

    void nullableInteger(int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    void decimal(int index, double value) throws SQLException {
        statement.setDouble(index, value);
    }

    void bool(int index, boolean value) throws SQLException {
        statement.setInt(index, value ? 1 : 0);
    }

    /** Ends the current row. */
    void add() throws SQLException {
        statement.addBatch();
        rows++;
        if (++pending == BATCH) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            statement.close();
        }
    }
}
