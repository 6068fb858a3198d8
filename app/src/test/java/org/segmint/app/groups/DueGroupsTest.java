package org.segmint.app.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.MainViewModel;
import org.segmint.app.shell.ScriptedDialogs;
import org.segmint.app.shell.SettingsStore;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.SameThreadExecutor;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.group.Schedule;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.persistence.group.GroupStore;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;

/**
 * Opening a workspace recalculates its due smart groups (and only those) and leaves the outcome in the status bar;
 * a group that cannot be recalculated keeps its members and the note says why.
 */
class DueGroupsTest {
    @TempDir
    Path dir;
    private Path file;
    private AppContext context;
    private MainViewModel model;

    @BeforeEach
    void workspaceWithTwoSmartGroups() {
        file = dir.resolve("due.segmint");
        try (Workspace ws = Workspace.create(file)) {
            ws.addColumn("customers", "tier", FieldType.TEXT, null);
            ws.inTransaction(() -> {
                try (var st = ws.connection().createStatement()) {
                    st.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)"
                            + " INSERT INTO customers(ck, customer_id, tier) SELECT i, 'c' || i,"
                            + " CASE WHEN i <= 3 THEN 'gold' ELSE 'silver' END FROM n");
                }
                return null;
            });
            ws.bumpDataVersion();
            new SegmentStore(ws).save(Segment.of("Gold", new AttributeCondition("customers.tier", Operator.EQ,
                    List.of("gold"), null)));
        }
        try (WorkspaceSession session = new WorkspaceSession(Workspace.open(file))) {
            WorkspaceGroups groups = new WorkspaceGroups(session);
            groups.createSmart("Gold daily", "Gold", Schedule.parse("daily"));
            groups.createSmart("Gold yearly", "Gold", Schedule.parse("yearly:01-01"));
        }
        context = new AppContext(new SameThreadExecutor(), new ScriptedDialogs(),
                new SettingsStore(dir.resolve("settings.json")));
        model = new MainViewModel(context, (f, c) -> {
            throw new AssertionError("no demo expected");
        });
        DueGroups.onEveryOpen(context, model);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aGroupLastRecalculatedThreeDaysAgoOnADailyScheduleIsRecalculatedOnOpen() {
        lastRecalculated("Gold daily", Instant.now().minus(Duration.ofDays(3)));
        moreGold();
        context.setSession(new WorkspaceSession(Workspace.open(file)));

        assertFalse(model.backgroundProperty().get(), "the background work has finished");
        assertTrue(model.noteProperty().get().startsWith("Recalculated due groups: "), model.noteProperty().get());
        assertTrue(model.noteProperty().get().contains("Gold daily"), model.noteProperty().get());
        try (Workspace ws = Workspace.open(file)) {
            GroupStore store = new GroupStore(ws);
            assertEquals(2, store.history("Gold daily").size(), "a second recalculation was recorded");
            assertEquals(List.of(5L, 2L, 0L), List.of(store.history("Gold daily").get(0).total(),
                    store.history("Gold daily").get(0).joined(), store.history("Gold daily").get(0).left()));
            assertEquals(1, store.history("Gold yearly").size(), "the group that is not due was left alone");
        }
    }

    @Test
    void nothingDueLeavesNoNoteAndNoHistory() {
        context.setSession(new WorkspaceSession(Workspace.open(file)));

        assertEquals("", model.noteProperty().get());
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(1, new GroupStore(ws).history("Gold daily").size());
        }
    }

    @Test
    void aDueGroupWhoseSegmentWasDeletedKeepsItsMembersAndTheNoteSaysSo() {
        lastRecalculated("Gold daily", Instant.now().minus(Duration.ofDays(3)));
        try (Workspace ws = Workspace.open(file)) {
            new GroupStore(ws).delete("Gold yearly", true);
            new SegmentStore(ws).delete("Gold", true);
        }
        context.setSession(new WorkspaceSession(Workspace.open(file)));

        assertTrue(model.noteProperty().get().contains("Gold daily"), model.noteProperty().get());
        try (Workspace ws = Workspace.open(file)) {
            GroupStore store = new GroupStore(ws);
            assertEquals(1, store.history("Gold daily").size(), "no recalculation was recorded");
            assertEquals(3, store.memberKeys("Gold daily").getCardinality(), "the old members are kept");
            assertFalse(store.get("Gold daily").error() == null, "the group says why it was not recalculated");
        }
    }

    private void lastRecalculated(String group, Instant at) {
        try (Workspace ws = Workspace.open(file)) {
            ws.inTransaction(() -> {
                try (var st = ws.connection().prepareStatement(
                        "UPDATE sg_groups SET recalculated_at = ? WHERE name = ?")) {
                    st.setString(1, at.toString());
                    st.setString(2, group);
                    assertEquals(1, st.executeUpdate());
                }
                return null;
            });
        }
    }

    private void moreGold() {
        try (Workspace ws = Workspace.open(file)) {
            ws.inTransaction(() -> {
                try (var st = ws.connection().createStatement()) {
                    st.executeUpdate("UPDATE customers SET tier = 'gold' WHERE ck IN (4, 5)");
                }
                return null;
            });
            ws.bumpDataVersion();
        }
    }
}
