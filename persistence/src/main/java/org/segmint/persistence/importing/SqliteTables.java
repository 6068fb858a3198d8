package org.segmint.persistence.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.segmint.persistence.workspace.WorkspaceException;
import org.sqlite.SQLiteConfig;

/**
 * Another SQLite database as an import source, for the import dialog: whether a file is one, its tables and views,
 * and a preview of one of them (read-only, like the import itself).
 */
public final class SqliteTables {
    private SqliteTables() {
    }

    /** Whether {@code file} starts like an SQLite database ("SQLite format 3"). */
    public static boolean isDatabase(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(16);
            return new String(head, StandardCharsets.US_ASCII).startsWith("SQLite format 3");
        } catch (IOException e) {
            return false;
        }
    }

    /** The tables and views of the database, by name; its internal tables left out. */
    public static List<String> list(Path database) {
        if (!Files.isRegularFile(database)) {
            throw new WorkspaceException(database + ": no such database file");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath(),
                config.toProperties()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                     + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name COLLATE NOCASE")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new WorkspaceException(database.getFileName() + ": cannot read the database (" + e.getMessage()
                    + ")", e);
        }
    }

    /** The first {@code rows} rows of {@code table} as text, each column's type inferred from {@code sampleRows}. */
    public static CsvPreview preview(Path database, String table, int rows, int sampleRows) {
        return Previews.of(SqliteSource.opener(database, table), null, rows, sampleRows);
    }
}
