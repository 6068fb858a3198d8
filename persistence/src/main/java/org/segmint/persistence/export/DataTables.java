package org.segmint.persistence.export;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The data tables of a workspace as another system needs them: each table with its columns and their types, and its
 * rows with typed values. Internal keys ({@code ck}) and derived data (the {@code metrics} table) are left out; what
 * reads the rows recomputes them.
 *
 * <p>Values arrive as Java values of the column's type: text as {@link String}, integers as {@link Long}, decimals as
 * {@link Double}, dates as {@link Long} days since 1970-01-01, datetimes as {@link Long} seconds since
 * 1970-01-01T00:00 in the workspace's time, booleans as {@link Boolean}; empty as null (an empty text stays "").
 * A value SQLite holds with another storage class than its column's type (text in a number column) is empty.
 */
public final class DataTables {
    /** One column of a data table. */
    public record Column(String name, FieldType type) {
    }

    /** One data table and its columns, in catalog order. */
    public record Table(String name, List<Column> columns) {
        public Table {
            columns = List.copyOf(columns);
        }
    }

    /** Receives the rows of a table, one array of values per row (reused: copy what you keep). */
    @FunctionalInterface
    public interface RowConsumer {
        void row(Object[] values) throws Exception;
    }

    private DataTables() {
    }

    /** The standard tables first (customers, orders, order items, events), then the other imported tables. */
    public static List<Table> tables(Workspace ws) {
        Map<String, List<Column>> byTable = new LinkedHashMap<>();
        for (String standard : List.of(Catalog.CUSTOMERS, Catalog.ORDERS, Catalog.ORDER_ITEMS, Catalog.EVENTS)) {
            byTable.put(standard, new ArrayList<>());
        }
        for (Field f : ws.catalog().fields()) {
            if (f.table().equals(Catalog.METRICS)) {
                continue;
            }
            byTable.computeIfAbsent(f.table(), t -> new ArrayList<>()).add(new Column(f.column(), f.type()));
        }
        List<Table> tables = new ArrayList<>();
        byTable.forEach((name, columns) -> tables.add(new Table(name, columns)));
        return tables;
    }

    /** Hands every row of {@code table} to {@code consumer}; returns the number of rows. */
    public static long rows(Workspace ws, Table table, Cancellation cancel, RowConsumer consumer) {
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            String c = Identifiers.quote(columns.get(i).name());
            sql.append(i == 0 ? "" : ", ");
            if (columns.get(i).type() == FieldType.TEXT) {
                sql.append("CASE WHEN typeof(").append(c).append(") = 'blob' THEN NULL ELSE CAST(").append(c)
                        .append(" AS TEXT) END");
            } else {
                // Only numbers are values of the other types (dates, times and yes/no are stored as numbers).
                sql.append("CASE WHEN typeof(").append(c).append(") IN ('integer', 'real') THEN ").append(c)
                        .append(" END");
            }
        }
        sql.append(" FROM ").append(Identifiers.quote(table.name()));
        Object[] values = new Object[columns.size()];
        long rows = 0;
        try (PreparedStatement ps = ws.connection().prepareStatement(sql.toString());
             AutoCloseable hook = cancel.onCancel(() -> cancelQuietly(ps));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                cancel.throwIfCancelled();
                for (int i = 0; i < values.length; i++) {
                    values[i] = value(rs, i + 1, columns.get(i).type());
                }
                consumer.row(values);
                rows++;
            }
        } catch (SQLException e) {
            cancel.throwIfCancelled();
            throw new WorkspaceException("Cannot read table " + table.name() + " (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WorkspaceException("Cannot copy table " + table.name() + " (" + e.getMessage() + ")", e);
        }
        return rows;
    }

    private static Object value(ResultSet rs, int index, FieldType type) throws SQLException {
        switch (type) {
            case TEXT:
                return rs.getString(index);
            case DECIMAL: {
                double d = rs.getDouble(index);
                return rs.wasNull() ? null : d;
            }
            case BOOLEAN: {
                double d = rs.getDouble(index);
                return rs.wasNull() ? null : d != 0;
            }
            default: {
                // Integers, dates (days) and datetimes (seconds); a REAL in such a column is cut to its whole part.
                long v = rs.getLong(index);
                return rs.wasNull() ? null : v;
            }
        }
    }

    private static void cancelQuietly(java.sql.Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            // finished meanwhile
        }
    }
}
