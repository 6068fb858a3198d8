package org.segmint.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.workspace.Workspace;

/**
 * A private in-memory DuckDB database holding a copy of the workspace's tables, read once through SQLite (the
 * workspace is only read). The one-row-per-customer tables are copied whole; of the three big tables only the
 * columns the cases read are copied (DuckDB reads only the columns a query names, so more columns would only
 * lengthen the copy). Empty values ({@code ''}) of number columns become NULL, as the engine treats them.
 *
 * <p>The tables of many rows per customer are stored in date order, DuckDB's best layout for the cases'
 * windows: its per-block minimum and maximum then skip every block outside a window, as an index would.
 */
final class DuckDbCopy {
    /** The tables copied, with their columns; null = every column. */
    static final Map<String, List<String>> TABLES = tables();

    /** The column each multi-row table is stored in order of. */
    static final Map<String, String> ORDER = Map.of(Catalog.ORDERS, "order_date", Catalog.ORDER_ITEMS, "order_date",
            Catalog.EVENTS, "event_time");

    private DuckDbCopy() {
    }

    private static Map<String, List<String>> tables() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put(Catalog.CUSTOMERS, null);
        t.put(Catalog.METRICS, null);
        t.put(Catalog.ORDERS, List.of("ck", "order_id", "order_date", "revenue", "units"));
        t.put(Catalog.ORDER_ITEMS, List.of("ck", "order_id", "order_date", "category"));
        t.put(Catalog.EVENTS, List.of("ck", "event_type", "event_time"));
        return t;
    }

    /** Opens DuckDB with {@code threads} threads and copies the tables into it. */
    static Connection open(Workspace ws, int threads) throws SQLException {
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            st.execute("SET threads = " + threads);
        }
        try (Connection sqlite = ws.openConnection()) {
            for (Map.Entry<String, List<String>> e : TABLES.entrySet()) {
                List<String> columns = existing(sqlite, e.getKey(), e.getValue());
                String order = ORDER.get(e.getKey());
                if (order == null || !columns.contains(order)) {
                    copy(sqlite, duck, ws.catalog(), e.getKey(), e.getKey(), columns);
                } else {
                    copy(sqlite, duck, ws.catalog(), "unsorted_" + e.getKey(), e.getKey(), columns);
                    try (Statement st = duck.createStatement()) {
                        st.execute("CREATE TABLE " + quote(e.getKey()) + " AS SELECT * FROM "
                                + quote("unsorted_" + e.getKey()) + " ORDER BY " + quote(order));
                        st.execute("DROP TABLE " + quote("unsorted_" + e.getKey()));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            duck.close();
            throw e;
        }
        return duck;
    }

    /** The wanted columns that the table has (a workspace without order items lacks {@code category}). */
    private static List<String> existing(Connection sqlite, String table, List<String> wanted) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = sqlite.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM pragma_table_info('" + table + "')")) {
            while (rs.next()) {
                if (wanted == null || wanted.contains(rs.getString(1))) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private enum Kind { INTEGER, BIGINT, DOUBLE, VARCHAR }

    private static void copy(Connection sqlite, Connection duck, Catalog catalog, String into, String table,
                             List<String> columns) throws SQLException {
        List<Kind> kinds = new ArrayList<>();
        StringBuilder create = new StringBuilder("CREATE TABLE " + quote(into) + " (");
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            Kind kind = kind(catalog, table, column);
            kinds.add(kind);
            create.append(i == 0 ? "" : ", ").append(quote(column)).append(' ').append(kind.name());
            select.append(i == 0 ? "" : ", ").append(quote(column));
        }
        try (Statement st = duck.createStatement()) {
            st.execute(create.append(')').toString());
        }
        select.append(" FROM ").append(quote(table));
        try (Statement st = sqlite.createStatement();
             ResultSet rs = st.executeQuery(select.toString());
             DuckDBAppender appender = duck.unwrap(DuckDBConnection.class).createAppender(
                     DuckDBConnection.DEFAULT_SCHEMA, into)) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            while (rs.next()) {
                appender.beginRow();
                for (int i = 0; i < n; i++) {
                    append(appender, kinds.get(i), rs.getObject(i + 1), table, columns.get(i));
                }
                appender.endRow();
            }
        }
    }

    private static void append(DuckDBAppender a, Kind kind, Object v, String table, String column)
            throws SQLException {
        if (v == null || (kind != Kind.VARCHAR && v instanceof String s && s.isEmpty())) {
            a.appendNull();
            return;
        }
        switch (kind) {
            case INTEGER -> a.append((int) number(v, table, column).longValue());
            case BIGINT -> a.append(number(v, table, column).longValue());
            case DOUBLE -> a.append(number(v, table, column).doubleValue());
            default -> a.append(v instanceof String s ? s : v.toString());
        }
    }

    private static Number number(Object v, String table, String column) {
        if (v instanceof Number n) {
            return n;
        }
        throw new IllegalStateException(table + "." + column + ": cannot copy the value '" + v + "' as a number");
    }

    /** Keys and days fit in 32 bits; seconds, integers and yes/no stay 64-bit; decimals are doubles. */
    private static Kind kind(Catalog catalog, String table, String column) {
        if (column.equals("ck")) {
            return Kind.INTEGER;
        }
        FieldType type = catalog.field(table, column).map(Field::type).orElse(FieldType.TEXT);
        if (type == FieldType.DATE) {
            return Kind.INTEGER;
        }
        if (type == FieldType.DECIMAL) {
            return Kind.DOUBLE;
        }
        if (type == FieldType.TEXT) {
            return Kind.VARCHAR;
        }
        return Kind.BIGINT;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
