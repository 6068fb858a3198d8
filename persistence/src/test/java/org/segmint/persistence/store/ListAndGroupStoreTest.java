package org.segmint.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.persistence.group.Group;
import org.segmint.persistence.group.GroupStore;
import org.segmint.persistence.group.MembersEdit;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

class ListAndGroupStoreTest {
    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.create(dir.resolve("t.segmint"));
        ws.addColumn("customers", "email", FieldType.TEXT, null);
        Sql.inTransaction(ws, "t", c -> Sql.update(c, "INSERT INTO customers(ck, customer_id, email) VALUES"
                + " (1, 'C1', 'Ann@Example.com'), (2, 'C2', 'bob@example.com'), (3, 'C3', NULL)"));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private Path csv(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private ListStore.ListReport upload(ListStore lists, String name, Path file, String column) {
        ListFile f = ListFile.open(file);
        return lists.upload(name, f, column == null ? f.suggestedColumn() : f.column(column), null, false,
                Cancellation.none());
    }

    @Test
    void listOfEmailsMatchesTrimmedEmailsAndReportsWhatMatchedNobody() throws Exception {
        ListStore lists = new ListStore(ws);
        ListStore.ListReport report = upload(lists, "Newsletter", csv("n.csv", "\uFEFFemail\n Ann@Example.com \n"
                + "nobody@example.com\nAnn@Example.com\nann@example.com\nnobody@example.com\n"), null);
        assertEquals(new ListStore.ListReport("Newsletter", ListStore.MatchOn.EMAIL, 5, 3, 1, 3, 2,
                List.of("nobody@example.com", "ann@example.com")), report);
        assertEquals(new ListStore.ListInfo("Newsletter", ListStore.MatchOn.EMAIL, 3), lists.info("Newsletter"));
        assertEquals(List.of("C1"), lists.members("Newsletter"));
        assertEquals(2, lists.report("Newsletter").unmatchedValues());
    }

    @Test
    void listFromANamedColumnOfIdsWithSemicolonsAndSpreadsheetIds() throws Exception {
        Path file = csv("ids.csv", "name;id\n\"Smith; Ann\";C1\nBob;C3\nX;C9\nY;\n");
        ListStore lists = new ListStore(ws);
        ListFile f = ListFile.open(file);
        assertEquals(List.of("name", "id"), f.columns());
        assertEquals(1, f.suggestedColumn());
        assertEquals(ListStore.MatchOn.CUSTOMER_ID, upload(lists, "Ids", file, "ID").matchOn());
        assertEquals(List.of("C1", "C3"), lists.members("Ids"));
        assertEquals(List.of("C1", "C3", "C9"), lists.values("Ids"));
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> upload(lists, "Other", file, "cid"));
        assertTrue(e.getMessage().endsWith("no column named 'cid' (columns: name, id)"), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> upload(lists, "Ids", file, "id"));
        assertTrue(e.getMessage().startsWith("A list named 'Ids' already exists"), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> upload(lists, "Empty", csv("e.csv", "id,x\n,1\n"), "id"));
        assertTrue(e.getMessage().endsWith("column 'id' has no values"), e.getMessage());

        Files.writeString(file, "id\n2.0\nC2\n");
        ListStore.ListReport replaced = lists.upload("Ids", ListFile.open(file), 0, null, true, Cancellation.none());
        assertEquals(1, replaced.customers());
        assertEquals(List.of("2"), replaced.unmatchedExamples(), "ids written 2.0 read 2, as in imports");
        assertEquals(List.of("2", "C2"), lists.values("Ids"));
    }

    @Test
    void headerlessListOfNumbersKeepsTheFirstRow() throws Exception {
        ListStore lists = new ListStore(ws);
        upload(lists, "N", csv("n.csv", "101\n102\n"), null);
        assertEquals(List.of("101", "102"), lists.values("N"));
    }

    @Test
    void checkingAnUploadSavesNothing() throws Exception {
        ListStore lists = new ListStore(ws);
        ListFile f = ListFile.open(csv("c.csv", "customer\nC1\nC2\nC7\n"));
        ListStore.ListReport check = lists.check(f, 0, null, Cancellation.none());
        assertEquals(2, check.customers());
        assertEquals(1, check.unmatchedRows());
        assertTrue(lists.list().isEmpty());
    }

    @Test
    void listDeleteRefusedWhileUsed() throws Exception {
        ListStore lists = new ListStore(ws);
        upload(lists, "L", csv("l.csv", "id\nC1\n"), null);
        new SegmentStore(ws).save(Segment.of("S", new MembershipCondition(MembershipCondition.Kind.LIST, "L", false)));
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> lists.delete("L", false));
        assertTrue(e.getMessage().startsWith("List 'L' is used in segment 'S'"), e.getMessage());
        lists.delete("L", true);
        assertTrue(lists.list().isEmpty());
    }

    @Test
    void staticGroupMembersAddAndRemove() {
        GroupStore groups = new GroupStore(ws);
        groups.createStatic(List.of("VIP"), null);
        assertEquals(new MembersEdit("VIP", 2, 2, 0), groups.addValues("VIP", List.of("C2", "C1", "C1", " "),
                ListStore.MatchOn.CUSTOMER_ID));
        assertEquals(new MembersEdit("VIP", 2, 0, 1), groups.addValues("VIP", List.of("C1", "C9"),
                ListStore.MatchOn.CUSTOMER_ID));
        assertEquals(RoaringBitmap.bitmapOf(1, 2), groups.memberKeys("VIP"));
        assertEquals(new MembersEdit("VIP", 1, 1, 1), groups.removeValues("VIP", List.of("C2", "C7"),
                ListStore.MatchOn.CUSTOMER_ID));
        assertEquals(List.of("VIP"), groups.list().stream().map(Group::name).toList());
        assertEquals(1, groups.get("VIP").customers());
        assertThrows(WorkspaceException.class, () -> groups.createStatic(List.of("VIP"), null));
        new SegmentStore(ws).save(Segment.of("S", new MembershipCondition(MembershipCondition.Kind.GROUP, "VIP",
                true)));
        assertEquals(List.of(new Usage(Usage.Kind.SEGMENT, "S")), groups.usedIn("VIP"));
        assertThrows(WorkspaceException.class, () -> groups.delete("VIP", false));
        groups.delete("VIP", true);
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> groups.memberKeys("VIP"));
        assertEquals("Unknown group 'VIP'", e.getMessage());
    }

    @Test
    void modelsSaveReplaceListAndDelete() {
        ModelStore models = new ModelStore(ws);
        PriorityModel m = new PriorityModel("Holiday", List.of(ModelEntry.saved("A")), "Rest", Map.of("x", "1"));
        models.save(m);
        assertEquals(m, models.get("Holiday"));
        PriorityModel changed = m.withEntries(List.of(ModelEntry.saved("B")));
        models.save(changed);
        assertEquals(List.of(changed), models.list());
        models.delete("Holiday");
        assertThrows(WorkspaceException.class, () -> models.get("Holiday"));
        assertThrows(WorkspaceException.class, () -> models.delete("Holiday"));
    }
}
