package org.segmint.persistence.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer that cannot get the lock says the workspace is busy, and its change is not half made. */
class BusyWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void aWriteBehindAnotherWriterFailsAsBusyAndChangesNothing() throws Exception {
        Path file = dir.resolve("w.segmint");
        Workspace.create(file).close();
        try (Workspace holder = Workspace.open(file); Workspace writer = Workspace.open(file)) {
            Connection c = holder.connection();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO sg_meta(key, value) VALUES('held', 'yes')");
                WorkspaceBusyException e = assertThrows(WorkspaceBusyException.class, () -> writer.withBusyTimeout(
                        100, () -> writer.inTransaction(() -> {
                            writer.setSetting("mine", "1");
                            return null;
                        })));
                assertTrue(e.getMessage().contains("the workspace is busy"), e.getMessage());
            }
            c.rollback();
            c.setAutoCommit(true);
            assertEquals(java.util.Optional.empty(), writer.setting("mine"));
            writer.inTransaction(() -> {
                writer.setSetting("mine", "2");
                return null;
            });
            assertEquals("2", holder.setting("mine").orElseThrow(), "once free, the write goes through");
        }
    }
}
