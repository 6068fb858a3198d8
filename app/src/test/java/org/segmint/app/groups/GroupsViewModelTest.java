package org.segmint.app.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.SameThreadExecutor;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.group.Schedule;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.persistence.group.BatchOperation;
import org.segmint.persistence.json.ClusterFiles;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;

/** The Groups page's view models over a real workspace, without a toolkit (work runs on the calling thread). */
class GroupsViewModelTest {
    @TempDir
    Path dir;
    WorkspaceSession session;
    GroupsViewModel groups;
    ClusterViewModel clusters;

    @BeforeEach
    void open() {
        Workspace ws = Workspace.create(dir.resolve("vm.segmint"));
        ws.addColumn("customers", "tier", FieldType.TEXT, null);
        ws.inTransaction(() -> {
            try (var st = ws.connection().createStatement()) {
                st.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)"
                        + " INSERT INTO customers(ck, customer_id, tier) SELECT i, 'c' || i, CASE WHEN i <= 4"
                        + " THEN 'gold' WHEN i <= 8 THEN 'silver' ELSE 'bronze' END FROM n");
            }
            return null;
        });
        ws.bumpDataVersion();
        new SegmentStore(ws).save(Segment.of("Gold", new AttributeCondition("customers.tier", Operator.EQ,
                List.of("gold"), null)));
        session = new WorkspaceSession(ws);
        GroupService service = new WorkspaceGroups(session);
        groups = new GroupsViewModel(service, new SameThreadExecutor(), Clock.systemDefaultZone());
        clusters = new ClusterViewModel(service, new SameThreadExecutor());
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void smartGroupFromASegmentIsListedRecalculatedAndShowsItsHistory() {
        groups.createSmart("Gold members", "Gold", Schedule.parse("weekly:MON"));
        assertEquals("", groups.errorProperty().get());
        GroupRow row = groups.selectedProperty().get();
        assertEquals("Gold members", row.name());
        assertEquals(4, row.customers());
        assertEquals("weekly:MON", row.schedule());
        assertEquals(1, groups.history().size());
        groups.recalculateSelected();
        assertEquals(2, groups.history().size());
        assertEquals(List.of(4L, 0L, 0L), List.of(groups.history().get(0).total(), groups.history().get(0).joined(),
                groups.history().get(0).left()));
        assertTrue(groups.messageProperty().get().startsWith("Gold members: 4 customers"),
                groups.messageProperty().get());
        groups.setSchedule(Schedule.parse("daily"));
        assertEquals("daily", groups.selectedProperty().get().schedule());
    }

    @Test
    void staticGroupMembersAddedFromASegmentAndRemovedFromACsv() throws Exception {
        groups.createStatic(List.of("Picked", "Other"));
        groups.select("Picked");
        groups.editMembers("Picked", true, "Gold", null);
        assertEquals("'Picked': 4 added, 0 unknown; 4 customers now", groups.messageProperty().get());
        java.nio.file.Path csv = dir.resolve("drop.csv");
        java.nio.file.Files.writeString(csv, "c1\nc2\nnobody\n");
        groups.editMembers("Picked", false, null, csv);
        assertEquals("'Picked': 2 removed, 1 unknown; 2 customers now", groups.messageProperty().get());
        assertEquals(2, groups.selectedProperty().get().customers());
    }

    @Test
    void batchOperationThenUndo() {
        groups.createStatic(List.of("All"));
        RoaringBitmap all = new RoaringBitmap();
        all.add(1L, 13L);
        session.read(ws -> new org.segmint.persistence.group.GroupStore(ws).add("All", all));
        groups.change(() -> groups.service().apply("All", BatchOperation.tagAdd("spring")), r -> r.changed()
                + " changed", "All");
        assertEquals("12 changed", groups.messageProperty().get());
        assertEquals("Undo: add tag 'spring' on 'All'", groups.undoTextProperty().get());
        groups.undo();
        assertEquals("Undone: add tag 'spring'", groups.messageProperty().get());
        assertEquals("", groups.undoTextProperty().get());
    }

    @Test
    void clusterReorderRecomputesCountsAtOnce() {
        groups.createStatic(List.of("Low", "Even"));
        session.read(ws -> {
            var store = new org.segmint.persistence.group.GroupStore(ws);
            store.add("Low", RoaringBitmap.bitmapOf(1, 2, 3, 4));
            return store.add("Even", RoaringBitmap.bitmapOf(2, 4, 6, 8, 10));
        });
        session.read(ws -> {
            new org.segmint.persistence.group.ClusterStore(new org.segmint.persistence.group.GroupStore(ws))
                    .save(new ClusterFiles.Cluster("Send", List.of("Low", "Even"), Map.of()));
            return null;
        });
        clusters.refresh();
        assertEquals(List.of("Send"), clusters.clusterNames());
        clusters.select("Send");
        assertEquals(List.of(new ClusterRow("Low", 4, 4), new ClusterRow("Even", 5, 3)), clusters.rows());
        assertEquals(9, clusters.beforeProperty().get());
        assertEquals(7, clusters.afterProperty().get());
        clusters.move(1, 0);
        assertEquals(List.of(new ClusterRow("Even", 5, 5), new ClusterRow("Low", 4, 2)), clusters.rows());
        assertTrue(clusters.dirtyProperty().get());
        clusters.save();
        assertEquals(List.of("Even", "Low"), session.read(ws -> new org.segmint.persistence.group.ClusterStore(
                new org.segmint.persistence.group.GroupStore(ws)).get("Send").groups()));
    }
}
