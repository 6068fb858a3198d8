package org.segmint.persistence.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.segmint.persistence.group.GroupFixture.ids;
import static org.segmint.persistence.group.GroupFixture.keys;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.group.PriorityCluster;
import org.segmint.model.group.SetOperation;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.json.ClusterFiles;
import org.segmint.persistence.workspace.WorkspaceException;

class SplitCombineClusterTest {
    @TempDir
    Path dir;
    GroupFixture f;
    SplitAndCombine derive;

    @BeforeEach
    void open() {
        f = new GroupFixture(dir);
        f.groups.createStatic(List.of("All", "Odd", "Low"), null);
        f.groups.add("All", keys(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        f.groups.add("Odd", keys(1, 3, 5, 7, 9));
        f.groups.add("Low", keys(1, 2, 3));
        derive = new SplitAndCombine(f.groups);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void splitByPercentagesIsReproducibleAndUndoable() {
        List<Group> parts = derive.split("All", List.of("A", "B", "C"), List.of(new BigDecimal("50"),
                new BigDecimal("30"), new BigDecimal("20")), 42, null);
        assertEquals(List.of(5L, 3L, 2L), parts.stream().map(Group::customers).toList());
        List<List<String>> first = new ArrayList<>();
        for (String g : List.of("A", "B", "C")) {
            first.add(ids(f.groups.memberKeys(g)));
        }
        new Undo(f.groups).undoLast();
        assertFalse(f.groups.find("A").isPresent());
        derive.split("All", List.of("A", "B", "C"), List.of(new BigDecimal("50"), new BigDecimal("30"),
                new BigDecimal("20")), 42, null);
        for (int k = 0; k < 3; k++) {
            assertEquals(first.get(k), ids(f.groups.memberKeys(List.of("A", "B", "C").get(k))));
        }
        assertThrows(WorkspaceException.class, () -> derive.split("All", List.of("A", "Z"), null, 1, null),
                "A exists");
        assertThrows(WorkspaceException.class, () -> derive.split("All", List.of("Y", "Z"), List.of(
                BigDecimal.TEN, BigDecimal.TEN), 1, null), "percentages must add up to 100");
    }

    @Test
    void stratifiedEvenSplitGivesEachHalfTheSameMix() {
        derive.split("All", List.of("H1", "H2"), null, 7, "tier");
        for (String g : List.of("H1", "H2")) {
            List<String> members = ids(f.groups.memberKeys(g));
            assertEquals(5, members.size());
            long gold = members.stream().filter(id -> Integer.parseInt(id.substring(1)) <= 5).count();
            assertTrue(gold == 2 || gold == 3, g + " " + members);
        }
    }

    @Test
    void setOperationsOfTwoGroupsAndOfAGroupAndASet() {
        assertEquals(6, derive.combine(SetOperation.UNION, "Odd", "Low", "U").customers());
        assertEquals(List.of("c1", "c3"), ids(f.groups.memberKeys(derive.combine(SetOperation.INTERSECTION, "Odd",
                "Low", "I").name())));
        assertEquals(List.of("c5", "c7", "c9"), ids(f.groups.memberKeys(derive.combine(SetOperation.DIFFERENCE,
                "Odd", "Low", "D").name())));
        assertEquals(List.of("c1", "c3", "c5"), ids(f.groups.memberKeys(derive.combine(SetOperation.INTERSECTION,
                "Odd", f.members(GroupFixture.tier("gold"), GroupFixture.NOW.atZone(java.time.ZoneOffset.UTC)
                        .toLocalDate()), "Gold", "Odd gold").name())));
        assertThrows(WorkspaceException.class, () -> derive.combine(SetOperation.UNION, "Odd", "Low", "U"));
        new Undo(f.groups).undoLast();
        assertFalse(f.groups.find("Odd gold").isPresent());
    }

    @Test
    void clusterCountsEachCustomerInItsFirstGroupAndExportsThem() throws Exception {
        ClusterStore clusters = new ClusterStore(f.groups);
        ClusterFiles.Cluster cluster = new ClusterFiles.Cluster("Send", List.of("Low", "Odd", "All"), Map.of());
        PriorityCluster.Result r = clusters.run(cluster);
        assertEquals(List.of(3L, 5L, 10L), r.groups().stream().map(PriorityCluster.Placed::customers).toList());
        assertEquals(List.of(3L, 3L, 4L), r.groups().stream().map(PriorityCluster.Placed::assigned).toList());
        assertEquals(10, r.total());
        PriorityCluster.Result reordered = clusters.run(cluster.withGroups(List.of("Odd", "All", "Low")));
        assertEquals(List.of(5L, 5L, 0L), reordered.groups().stream().map(PriorityCluster.Placed::assigned).toList());
        Path csv = dir.resolve("send.csv");
        assertEquals(10, clusters.export(r, csv, Cancellation.none()));
        assertEquals(List.of("customer_id,group", "c1,Low", "c2,Low", "c3,Low", "c4,All", "c5,Odd", "c6,All",
                "c7,Odd", "c8,All", "c9,Odd", "c10,All"), Files.readAllLines(csv));
        assertThrows(WorkspaceException.class, () -> clusters.run(cluster.withGroups(List.of("Low", "Nope"))));
    }
}
