package org.segmint.persistence.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segmint.persistence.group.GroupFixture.ids;
import static org.segmint.persistence.group.GroupFixture.inGroup;
import static org.segmint.persistence.group.GroupFixture.keys;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.group.Schedule;
import org.segmint.persistence.json.ClusterFiles;
import org.segmint.persistence.store.ListStore.MatchOn;
import org.segmint.persistence.store.Usage;
import org.segmint.persistence.workspace.WorkspaceException;

class GroupStoreTest {
    @TempDir
    Path dir;
    GroupFixture f;

    @BeforeEach
    void open() {
        f = new GroupFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void severalStaticGroupsAtOnceOrNone() {
        List<Group> made = f.groups.createStatic(List.of("A", " B "), "Spring");
        assertEquals(List.of("A", "B"), made.stream().map(Group::name).toList());
        assertEquals("Spring", made.get(1).folder());
        assertThrows(WorkspaceException.class, () -> f.groups.createStatic(List.of("C", "A"), null));
        assertThrows(WorkspaceException.class, () -> f.groups.createStatic(List.of("D", "D"), null));
        assertEquals(List.of("A", "B"), f.groups.list().stream().map(Group::name).toList());
    }

    @Test
    void addingIdsOrEmailsCountsUnknownValuesAndAddsOnlyCustomers() {
        f.groups.createStatic(List.of("G"), null);
        assertEquals(new MembersEdit("G", 3, 3, 2), f.groups.addValues("G", List.of("c1", "c2", " c3 ", "x", "c2",
                "y"), MatchOn.CUSTOMER_ID));
        assertEquals(new MembersEdit("G", 4, 1, 1), f.groups.addValues("G", List.of("c1@example.com",
                "c4@example.com", "nobody@example.com"), MatchOn.EMAIL));
        assertEquals(List.of("c1", "c2", "c3", "c4"), ids(f.groups.memberKeys("G")));
        assertEquals(new MembersEdit("G", 2, 2, 0), f.groups.remove("G", keys(1, 4, 9)));
        assertEquals(new MembersEdit("G", 1, 1, 1), f.groups.removeValues("G", List.of("c3@example.com",
                "zz@example.com"), MatchOn.EMAIL));
        assertEquals(List.of("c2"), ids(f.members(inGroup("G"), GroupFixture.NOW.atZone(java.time.ZoneOffset.UTC)
                .toLocalDate())));
    }

    @Test
    void membersSurviveAReimportByCustomerId() {
        f.groups.createStatic(List.of("G"), null);
        f.groups.add("G", keys(2, 3));
        // a re-import drops c3 and gives c2 another key
        f.exec("DELETE FROM customers WHERE customer_id IN ('c2', 'c3')");
        f.exec("INSERT INTO customers(ck, customer_id, tier) VALUES (42, 'c2', 'gold')");
        f.ws.bumpDataVersion();
        assertEquals(keys(42), f.groups.memberKeys("G"));
        assertEquals(1, f.groups.get("G").customers());
        f.exec("INSERT INTO customers(ck, customer_id, tier) VALUES (43, 'c3', 'gold')");
        assertEquals(keys(42, 43), f.groups.memberKeys("G"), "c3 is a member again once re-imported");
    }

    @Test
    void smartGroupsRefuseHandEdits() {
        f.groups.createSmart("S", GroupFixture.tier("gold"), Schedule.MANUAL, null, null, keys(1, 2),
                java.time.LocalDate.parse("2025-06-18"));
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> f.groups.add("S", keys(3)));
        assertTrue(e.getMessage().contains("smart group"), e.getMessage());
        assertThrows(WorkspaceException.class, () -> f.groups.removeValues("S", List.of("c1"), MatchOn.CUSTOMER_ID));
    }

    @Test
    void deleteIsRefusedWhileASegmentOrAClusterUsesTheGroup() {
        f.groups.createStatic(List.of("G", "H"), null);
        f.segment("Uses G", inGroup("G"));
        new ClusterStore(f.groups).save(new ClusterFiles.Cluster("Send", List.of("H", "G"), java.util.Map.of()));
        assertEquals(List.of(new Usage(Usage.Kind.SEGMENT, "Uses G"), new Usage(Usage.Kind.CLUSTER, "Send")),
                f.groups.usedIn("G"));
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> f.groups.delete("G", false));
        assertEquals("Group 'G' is used in segment 'Uses G', cluster 'Send'; remove those references first or delete"
                + " with --force", e.getMessage());
        f.groups.delete("G", true);
        assertFalse(f.groups.find("G").isPresent());
        assertThrows(WorkspaceException.class, () -> f.groups.delete("G", true));
    }

    @Test
    void renameFollowsIntoSegmentsAndClusters() {
        f.groups.createStatic(List.of("G", "H"), null);
        f.segment("Uses G", inGroup("G"));
        ClusterStore clusters = new ClusterStore(f.groups);
        clusters.save(new ClusterFiles.Cluster("Send", List.of("H", "G"), java.util.Map.of()));
        f.groups.rename("G", "Gold list");
        assertEquals(inGroup("Gold list"), f.segments.definition("Uses G").orElseThrow());
        assertEquals(List.of("H", "Gold list"), clusters.get("Send").groups());
        assertThrows(WorkspaceException.class, () -> f.groups.rename("H", "Gold list"));
    }
}
