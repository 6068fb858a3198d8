package org.segmint.persistence.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.SegmentIcon;
import org.segmint.persistence.store.SegmentStore;

class WorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void newWorkspaceHasStandardTablesInItsCatalogAndReopens() {
        Path file = dir.resolve("a.segmint");
        try (Workspace ws = Workspace.create(file)) {
            assertTrue(ws.catalog().field("orders.order_date").isPresent());
            assertEquals(FieldType.DATE, ws.catalog().field("orders.order_date").get().type());
            ws.addColumn("customers", "loyalty_tier", FieldType.TEXT, null);
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals("Loyalty tier", ws.catalog().field("customers.loyalty_tier").get().label());
            assertEquals(0, ws.rowCount("customers"));
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedWithOneLine() throws Exception {
        Path file = dir.resolve("notes.segmint");
        Files.writeString(file, "hello, this is not a database at all".repeat(10));
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertTrue(e.getMessage().contains("not a Segmint workspace"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void anSqliteFileOfAnotherProgramIsRefused() throws Exception {
        Path file = dir.resolve("other.segmint");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(x)");
        }
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertTrue(e.getMessage().contains("another program"), e.getMessage());
    }

    @Test
    void aWorkspaceFromANewerVersionIsRefused() throws Exception {
        Path file = dir.resolve("future.segmint");
        Workspace.create(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version=" + (Workspace.SCHEMA_VERSION + 1));
        }
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertTrue(e.getMessage().contains("newer Segmint"), e.getMessage());
    }

    @Test
    void aVersionOneWorkspaceIsBackedUpAndMigrated() throws Exception {
        Path file = dir.resolve("old.segmint");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            // what a version-1 workspace looked like: the first schema only (no icon column, no group history)
            for (String sql : Schema.VERSION_1) {
                st.execute(sql);
            }
            st.execute("PRAGMA application_id=" + Schema.APPLICATION_ID);
            st.execute("INSERT INTO sg_segments(name, definition, pinned, created_at, updated_at)"
                    + " VALUES('Old', '{\"type\":\"all\",\"conditions\":[]}', 1, '2024-01-01T00:00:00Z',"
                    + " '2024-01-01T00:00:00Z')");
            st.execute("PRAGMA user_version=1");
        }
        try (Workspace ws = Workspace.open(file)) {
            SegmentStore store = new SegmentStore(ws);
            assertEquals(SegmentIcon.STAR, store.get("Old").icon());
            assertEquals(SegmentIcon.HEART,
                    store.setIcon("Old", SegmentIcon.HEART).icon());
        }
        assertTrue(Files.isRegularFile(dir.resolve("old.segmint.v1.bak")), "backup kept");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            assertEquals(Workspace.SCHEMA_VERSION, rs.getInt(1));
        }
    }

    @Test
    void asOfSettingIsStoredAndResolved() {
        try (Workspace ws = Workspace.create(dir.resolve("b.segmint"))) {
            assertEquals(AsOfSetting.Mode.LATEST, ws.asOfSetting().mode());
            ws.setAsOfSetting(AsOfSetting.parse("2024-02-29"));
            assertEquals(java.time.LocalDate.of(2024, 2, 29), ws.asOf());
            assertThrows(WorkspaceException.class, () -> AsOfSetting.parse("yesterday"));
        }
    }

    @Test
    void identifiersFromHeadersAreNormalisedAndValidated() {
        assertEquals("invoice_date", Identifiers.normalise("Invoice Date"));
        assertEquals("customer_id", Identifiers.normalise("CustomerID").replace("i_d", "id"));
        assertEquals("c_1st", Identifiers.normalise("1st"));
        assertTrue(!Identifiers.isValid("x\"; DROP TABLE customers; --"));
        assertThrows(WorkspaceException.class, () -> Identifiers.requireValid("sg_meta"));
    }
}
