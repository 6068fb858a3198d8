package org.segmint.persistence.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a workspace of an older version: a consistent backup first, then the migration, once. */
class MigrationTest {
    @TempDir
    Path dir;

    /** A workspace as version 1 wrote it: the first schema only (no segment icons, history or group history). */
    private Path versionOne() throws Exception {
        Path file = dir.resolve("old.segmint");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String sql : Schema.VERSION_1) {
                st.execute(sql);
            }
            st.execute("PRAGMA application_id=" + Schema.APPLICATION_ID);
            st.execute("INSERT INTO sg_segments(name, definition, created_at, updated_at, last_count, last_counted_at)"
                    + " VALUES('Men', '{\"type\":\"all\",\"conditions\":[]}', '2025-01-02T03:04:05Z',"
                    + " '2025-02-03T04:05:06Z', 42, '2025-02-03T05:00:00Z')");
            st.execute("PRAGMA user_version=1");
        }
        return file;
    }

    private static long scalar(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }

    @Test
    void versionOneIsBackedUpThenMigratedWithEachSegmentAsVersionOneOfItsHistory() throws Exception {
        Path file = versionOne();
        try (Workspace ws = Workspace.open(file)) {
            Connection c = ws.connection();
            assertEquals(Workspace.SCHEMA_VERSION, scalar(c, "PRAGMA user_version"));
            assertEquals(1, scalar(c, "SELECT count(*) FROM sg_segment_versions WHERE version = 1 AND name = 'Men'"
                    + " AND customers = 42 AND saved_at = '2025-02-03T04:05:06Z'"));
        }
        Path backup = dir.resolve("old.segmint.v1.bak");
        assertTrue(Files.isRegularFile(backup));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup)) {
            assertEquals(1, scalar(c, "PRAGMA user_version"));
            assertEquals(1, scalar(c, "SELECT count(*) FROM sg_segments"));
            assertEquals(0, scalar(c, "SELECT count(*) FROM sqlite_master WHERE name = 'sg_segment_versions'"));
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(1, scalar(ws.connection(), "SELECT count(*) FROM sg_segment_versions"), "migrated once");
        }
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary copy left");
        }
    }

    @Test
    void theBackupHoldsChangesThatAreStillInTheWriteAheadLog() throws Exception {
        Path file = versionOne();
        try (Connection pending = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = pending.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute("INSERT INTO sg_segments(name, definition, created_at, updated_at) VALUES('Women',"
                    + " '{\"type\":\"all\",\"conditions\":[]}', '2025-03-01T00:00:00Z', '2025-03-01T00:00:00Z')");
            assertTrue(Files.size(file.resolveSibling(file.getFileName() + "-wal")) > 0, "the insert waits in the log");
            Workspace.open(file).close();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("old.segmint.v1.bak"))) {
            assertEquals(2, scalar(c, "SELECT count(*) FROM sg_segments"));
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(2, scalar(ws.connection(), "SELECT count(*) FROM sg_segment_versions"));
        }
    }
}
