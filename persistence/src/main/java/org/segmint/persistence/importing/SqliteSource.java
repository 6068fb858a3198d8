package org.segmint.persistence.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.WorkspaceException;
import org.sqlite.SQLiteConfig;

/**
 * Reads a table (or view) of another SQLite database, opened read-only, as text values, so that it
 * goes through the same mapping, typing and loading as a CSV file. Row numbers stand in for line
 * numbers in rejects.
 */
final class SqliteSource implements RowSource {
    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final List<String> columns;
    private final long size;
    private long position;

    private SqliteSource(Path database, String table) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath(), config.toProperties());
        try {
            String name = actualName(connection, database, table);
            statement = connection.createStatement();
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + Identifiers.quote(name))) {
                size = rs.getLong(1);
            }
            rows = statement.executeQuery("SELECT * FROM " + Identifiers.quote(name));
            ResultSetMetaData md = rows.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnName(i));
            }
            columns = List.copyOf(names);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    static RowSource.Opener opener(Path database, String table) {
        return new RowSource.Opener() {
            @Override
            public RowSource open() throws IOException {
                if (!Files.isRegularFile(database)) {
                    throw new WorkspaceException(database + ": no such database file");
                }
                try {
                    return new SqliteSource(database, table);
                } catch (SQLException e) {
                    throw new WorkspaceException(database + ": cannot read table " + table + " (" + e.getMessage()
                            + ")", e);
                }
            }

            @Override
            public String name() {
                return database.getFileName() + "#" + table;
            }
        };
    }

    /** The table's name as the database spells it; an unknown name is a one-line error. */
    private static String actualName(Connection c, Path database, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                + " AND lower(name) = lower(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new WorkspaceException(database.getFileName() + ": no table named '" + table + "'");
                }
                return rs.getString(1);
            }
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public SourceRow next() throws IOException {
        try {
            if (!rows.next()) {
                return null;
            }
            String[] values = new String[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.getString(i + 1);
            }
            position++;
            return new SourceRow(position, values);
        } catch (SQLException e) {
            throw new IOException("row " + (position + 1) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String text(SourceRow row) {
        return CSVFormat.RFC4180.format((Object[]) row.values());
    }

    @Override
    public void close() throws IOException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
