package org.segmint.persistence.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.segmint.model.catalog.Catalog;
import org.segmint.persistence.workspace.Identifiers;

/**
 * Writes orders, order items and events: many rows per customer, no natural unique key. Replace
 * empties the table first; append inserts; upsert stages the file's rows in a temporary table, then
 * deletes every row whose key the file has and inserts the staged rows, so that several file rows
 * with one key (the lines of one order) all survive.
 */
final class RowTableWriter extends TableWriter {
    static final String STAGE = "sg_import_stage";

    private final Connection connection;
    private final String table;
    private final List<String> columns;
    private final ImportMode mode;
    private final List<String> keys;
    private long rowidAfter;
    /** Rows inserted by one statement (fewer when a row has many columns). */
    private static final int ROWS_PER_INSERT = 64;
    /** Stays well under SQLite's limit on the parameters of one statement (32,766). */
    private static final int MAX_PARAMETERS = 16_000;
    private int rowsPerInsert;
    private PreparedStatement many;
    private Object[] pending;
    private int pendingRows;
    private final Set<Long> replacedKeys = new HashSet<>();

    /** @param columns the inserted columns in parameter order: {@code ck} first, then the imported ones */
    RowTableWriter(Connection connection, String table, List<String> columns, ImportMode mode, List<String> keys) {
        this.connection = connection;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.mode = mode;
        this.keys = List.copyOf(keys);
    }

    @Override
    void begin() throws SQLException {
        String into;
        try (Statement st = connection.createStatement()) {
            if (mode == ImportMode.REPLACE) {
                st.executeUpdate("DELETE FROM main." + Identifiers.quote(table));
            }
            rowidAfter = maxRowid(st);
            if (mode == ImportMode.UPSERT) {
                st.executeUpdate("DROP TABLE IF EXISTS temp." + STAGE);
                st.executeUpdate("CREATE TEMP TABLE " + STAGE + " AS SELECT " + quotedList(columns) + " FROM main."
                        + Identifiers.quote(table) + " WHERE 0");
                into = "temp." + STAGE;
            } else {
                into = "main." + Identifiers.quote(table);
            }
        }
        String insert = "INSERT INTO " + into + "(" + quotedList(columns) + ") VALUES";
        String row = "(" + placeholders(columns.size()) + ")";
        prepare(connection.prepareStatement(insert + row));
        rowsPerInsert = Math.max(1, Math.min(ROWS_PER_INSERT, MAX_PARAMETERS / columns.size()));
        many = connection.prepareStatement(insert + row + (", " + row).repeat(rowsPerInsert - 1));
        pending = new Object[rowsPerInsert * columns.size()];
    }

    /**
     * Adds a row: the customer key, then the imported values in column order. Rows are inserted
     * {@link #ROWS_PER_INSERT} at a time by one statement, which costs SQLite much less per row than a statement
     * per row; what is left at the end goes through the statement of one row.
     */
    void add(Long ck, Object[] values) throws SQLException {
        int at = pendingRows * columns.size();
        pending[at] = ck;
        System.arraycopy(values, 0, pending, at + 1, values.length);
        if (++pendingRows == rowsPerInsert) {
            for (int i = 0; i < pending.length; i++) {
                many.setObject(i + 1, pending[i]);
            }
            many.executeUpdate();
            pendingRows = 0;
        }
    }

    /** Writes every row added so far (those short of a whole statement one by one). */
    @Override
    protected void flush() throws SQLException {
        int rows = pendingRows;
        pendingRows = 0;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < columns.size(); i++) {
                setParameter(i + 1, pending[r * columns.size() + i]);
            }
            endRow();
        }
        super.flush();
    }

    /** Rows with a rowid above this are the ones this load wrote (valid after {@link #finish()}). */
    long rowidAfter() {
        return rowidAfter;
    }

    /** Customer keys of the order rows an upsert replaced (empty for other tables and modes). */
    Set<Long> replacedKeys() {
        return replacedKeys;
    }

    private long maxRowid(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT coalesce(max(rowid), 0) FROM main." + Identifiers.quote(table))) {
            return rs.getLong(1);
        }
    }

    @Override
    void finish() throws SQLException {
        flush();
        if (mode != ImportMode.UPSERT) {
            return;
        }
        List<String> match = new ArrayList<>();
        for (String k : keys) {
            match.add("s." + Identifiers.quote(k) + " = t." + Identifiers.quote(k));
        }
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("CREATE INDEX temp.sg_import_stage_key ON " + STAGE + "(" + quotedList(keys) + ")");
            String replaced = " FROM main." + Identifiers.quote(table) + " AS t WHERE EXISTS (SELECT 1 FROM temp."
                    + STAGE + " AS s WHERE " + String.join(" AND ", match) + ")";
            if (Catalog.ORDERS.equals(table)) {
                // the customers whose orders are replaced: their metrics change even when the new rows are another's
                try (ResultSet rs = st.executeQuery("SELECT DISTINCT t.ck" + replaced + " AND t.ck IS NOT NULL")) {
                    while (rs.next()) {
                        replacedKeys.add(rs.getLong(1));
                    }
                }
            }
            st.executeUpdate("DELETE" + replaced);
            rowidAfter = maxRowid(st);
            st.executeUpdate("INSERT INTO main." + Identifiers.quote(table) + "(" + quotedList(columns) + ") SELECT "
                    + quotedList(columns) + " FROM temp." + STAGE);
            st.executeUpdate("DROP TABLE temp." + STAGE);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (many != null) {
                many.close();
            }
        } finally {
            super.close();
        }
    }
}
