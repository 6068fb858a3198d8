package org.segmint.persistence.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace of version 1 (groups without history) is backed up, then migrated with its groups kept. */
class GroupMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aVersionOneWorkspaceIsCopiedThenMigratedKeepingItsGroups() throws Exception {
        Path file = dir.resolve("old.segmint");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String sql : Schema.VERSION_1) {
                st.execute(sql);
            }
            st.execute("INSERT INTO customers(ck, customer_id) VALUES (1, 'c1')");
            st.execute("INSERT INTO sg_groups(id, name, kind, created_at, updated_at) VALUES (1, 'VIP', 'static',"
                    + " '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')");
            st.execute("INSERT INTO sg_group_members(group_id, customer_id) VALUES (1, 'c1')");
            st.execute("PRAGMA application_id=" + Schema.APPLICATION_ID);
            st.execute("PRAGMA user_version=1");
        }
        byte[] before = Files.readAllBytes(file);
        try (Workspace ws = Workspace.open(file); Statement st = ws.connection().createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT g.name, g.folder, g.error, count(m.customer_id),"
                    + " (SELECT count(*) FROM sg_group_history) FROM sg_groups g JOIN sg_group_members m"
                    + " ON m.group_id = g.id")) {
                assertEquals("VIP", rs.getString(1));
                assertEquals("", rs.getString(2));
                assertEquals(null, rs.getString(3));
                assertEquals(1, rs.getInt(4));
                assertEquals(0, rs.getInt(5));
            }
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                assertEquals(Workspace.SCHEMA_VERSION, rs.getInt(1));
            }
        }
        Path backup = dir.resolve("old.segmint.v1.bak");
        assertTrue(Files.isRegularFile(backup));
        assertEquals(before.length, Files.readAllBytes(backup).length);
    }
}
