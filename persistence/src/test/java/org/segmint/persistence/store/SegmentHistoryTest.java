package org.segmint.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SegmentStatus;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

class SegmentHistoryTest {
    static final Condition MEN = AttributeCondition.of("customers.gender", Operator.EQ, "M");
    static final Condition WOMEN = AttributeCondition.of("customers.gender", Operator.EQ, "F");

    @TempDir
    Path dir;
    Workspace ws;
    Instant now = Instant.parse("2026-01-01T09:00:00Z");
    SegmentStore alice;
    SegmentStore bob;
    SegmentHistory history;

    @BeforeEach
    void open() {
        ws = Workspace.create(dir.resolve("h.segmint"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                now = now.plus(Duration.ofMinutes(1));
                return now;
            }
        };
        alice = new SegmentStore(ws, clock, "alice");
        bob = new SegmentStore(ws, clock, "bob");
        history = new SegmentHistory(ws);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private static Segment segment(String name, Condition definition) {
        return Segment.of(name, GroupCondition.all(List.of(definition)));
    }

    @Test
    void everySaveThatChangesSomethingIsAVersionWithWhoWhenAndItsCount() {
        alice.save(segment("S", MEN));
        alice.recordCount("S", 40, Instant.parse("2026-01-01T10:00:00Z"));
        bob.save(segment("S", WOMEN));
        bob.save(segment("S", WOMEN)); // nothing changed: no version
        bob.recordCount("S", 60, Instant.parse("2026-01-01T11:00:00Z"));
        alice.move("S", "Gender");
        List<SegmentVersion> versions = history.versions("S");
        assertEquals(List.of(3, 2, 1), versions.stream().map(SegmentVersion::version).toList());
        SegmentVersion first = versions.get(2);
        assertEquals("alice", first.savedBy());
        assertEquals(40L, first.customers());
        assertEquals(GroupCondition.all(List.of(MEN)), first.segment().definition());
        assertEquals("bob", versions.get(1).savedBy());
        assertEquals(60L, versions.get(1).customers());
        assertTrue(versions.get(0).current());
        assertEquals("Gender", versions.get(0).segment().folder());
        assertEquals(60L, versions.get(0).customers(), "a move keeps the count: the definition is the same");
        assertTrue(versions.get(0).savedAt().isAfter(versions.get(1).savedAt()));
    }

    @Test
    void restoreSavesTheOldVersionAgainAsTheNewestWithItsNameKept() {
        alice.save(new Segment("S", "first", "F1", SegmentStatus.DRAFT, MEN, null));
        alice.save(new Segment("S", "second", "F2", SegmentStatus.ACTIVE, WOMEN, null));
        alice.recordCount("S", 7, Instant.parse("2026-01-02T00:00:00Z"));
        alice.rename("S", "T");
        SavedSegment restored = bob.restore("T", 1);
        assertEquals("T", restored.name());
        assertEquals("first", restored.segment().description());
        assertEquals(MEN, restored.segment().definition());
        assertNull(restored.lastCount(), "the definition changed, so the count is gone");
        List<SegmentVersion> versions = history.versions("T");
        assertEquals(4, versions.size());
        assertEquals("restored version 1", versions.get(0).note());
        assertEquals("renamed from S", versions.get(1).note());
        assertEquals("bob", versions.get(0).savedBy());
        bob.restore("T", 4);
        assertEquals(4, history.versions("T").size(), "restoring the current version changes nothing");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> bob.restore("T", 9));
        assertEquals("Segment 'T' has no version 9 (see: segment history T)", e.getMessage());
        assertThrows(WorkspaceException.class, () -> history.versions("Nope"));
    }

    @Test
    void referencesInOldVersionsFollowARenameAndDeletingASegmentDropsItsHistory() {
        alice.save(segment("Base", MEN));
        alice.save(segment("User", new MembershipCondition(MembershipCondition.Kind.SEGMENT, "Base", true)));
        alice.save(segment("User", GroupCondition.any(List.of(WOMEN,
                new MembershipCondition(MembershipCondition.Kind.SEGMENT, "Base", true)))));
        alice.rename("Base", "Men");
        for (SegmentVersion v : history.versions("User")) {
            assertEquals(java.util.Set.of("Men"), References.names(v.segment().definition(),
                    MembershipCondition.Kind.SEGMENT), "version " + v.version());
        }
        alice.delete("User", false);
        alice.save(segment("User", WOMEN));
        assertEquals(1, history.versions("User").size(), "a new segment of an old name starts a new history");
    }

    @Test
    void aFailedSaveLeavesNoVersion() {
        alice.save(segment("A", MEN));
        alice.save(segment("B", new MembershipCondition(MembershipCondition.Kind.SEGMENT, "A", true)));
        assertThrows(WorkspaceException.class, () -> alice.save(segment("A",
                new MembershipCondition(MembershipCondition.Kind.SEGMENT, "B", true))));
        assertEquals(1, history.versions("A").size());
    }
}
