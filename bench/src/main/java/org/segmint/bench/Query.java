package org.segmint.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB SQL text with its bound values, built left to right: {@link #value} writes a {@code ?} and remembers
 * the value in the same order, so pieces can be nested (a segment's members inside a comparison) without
 * counting placeholders by hand.
 */
final class Query {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    static Query of(String text) {
        return new Query().add(text);
    }

    Query add(String text) {
        sql.append(text);
        return this;
    }

    Query add(Query other) {
        sql.append(other.sql);
        values.addAll(other.values);
        return this;
    }

    Query value(Object value) {
        sql.append('?');
        values.add(value);
        return this;
    }

    /** {@code (?, ?, ?)} of the values. */
    Query list(List<?> list) {
        sql.append('(');
        for (int i = 0; i < list.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            values.add(list.get(i));
        }
        sql.append(')');
        return this;
    }

    String sql() {
        return sql.toString();
    }

    /** Runs the query and hands each row to {@code rows}. */
    void forEachRow(Connection c, RowHandler rows) {
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.row(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB refused a benchmark query (" + e.getMessage() + "): " + sql, e);
        }
    }

    /** One row of a result. */
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }
}
