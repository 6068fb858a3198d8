package org.segmint.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SegmentIcon;
import org.segmint.model.segment.SegmentStatus;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

class SegmentStoreTest {
    @TempDir
    Path dir;
    Workspace ws;
    SegmentStore store;
    MutableClock clock = new MutableClock();

    static final Condition MEN = AttributeCondition.of("customers.gender", Operator.EQ, "M");

    @BeforeEach
    void open() {
        ws = Workspace.create(dir.resolve("t.segmint"));
        store = new SegmentStore(ws, clock);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    static Condition ref(String name) {
        return new MembershipCondition(MembershipCondition.Kind.SEGMENT, name, true);
    }

    @Test
    void saveInsertsThenUpdatesByName() {
        Segment s = new Segment("Men", "all men", "Basics", SegmentStatus.ACTIVE, MEN, Map.of("owner", "\"crm\""));
        SavedSegment first = store.save(s);
        assertEquals(s, first.segment());
        clock.advance();
        store.recordCount("Men", 42, clock.instant());
        assertEquals(42L, store.get("Men").lastCount());
        SavedSegment second = store.save(s.withDefinition(Condition.everyone()));
        assertEquals(first.createdAt(), second.createdAt());
        assertTrue(second.updatedAt().isAfter(first.updatedAt()));
        assertNull(second.lastCount(), "a changed definition drops the stale count");
        assertEquals(1, store.list().size());
        assertEquals(Map.of("owner", "\"crm\""), store.get("Men").segment().extra());
    }

    @Test
    void recordCountKeepsTheUpdatedTime() {
        SavedSegment s = store.save(Segment.of("Men", MEN));
        clock.advance();
        store.recordCount("Men", 7, clock.instant());
        SavedSegment after = store.get("Men");
        assertEquals(s.updatedAt(), after.updatedAt());
        assertEquals(clock.instant(), after.lastCountedAt());
    }

    @Test
    void unknownSegmentIsNamed() {
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> store.get("Nope"));
        assertEquals("Unknown segment 'Nope'", e.getMessage());
        assertTrue(store.definition("Nope").isEmpty());
    }

    @Test
    void deleteIsRefusedWhereUsedAtAnyDepthUnlessForced() {
        store.save(Segment.of("Men", MEN));
        store.save(Segment.of("Deep", GroupCondition.all(List.of(GroupCondition.any(List.of(
                new NotCondition(ref("Men")), new PurchaseCondition(true, List.of(ref("Men")), null, null, null)))))));
        new ModelStore(ws).save(new PriorityModel("Holiday", List.of(ModelEntry.saved("Men")), null, Map.of()));
        Sql.inTransaction(ws, "t", c -> Sql.update(c, "INSERT INTO sg_groups(name, kind, definition, created_at,"
                + " updated_at) VALUES('Smart men', 'smart', ?, 'x', 'x')", "{\"type\":\"segment\",\"segment\":\"Men\"}"));
        List<Usage> used = store.usedIn("Men");
        assertEquals(List.of(new Usage(Usage.Kind.SEGMENT, "Deep"), new Usage(Usage.Kind.MODEL, "Holiday"),
                new Usage(Usage.Kind.SMART_GROUP, "Smart men")), used);
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> store.delete("Men", false));
        assertEquals("Segment 'Men' is used in segment 'Deep', model 'Holiday', smart group 'Smart men';"
                + " remove those references first or force the delete", e.getMessage());
        assertTrue(store.find("Men").isPresent());
        store.delete("Men", true);
        assertFalse(store.find("Men").isPresent());
        store.delete("Deep", false);
        assertTrue(store.list().isEmpty());
    }

    @Test
    void renameRewritesReferencesInSegmentsAndModels() {
        store.save(Segment.of("Men", MEN));
        store.save(Segment.of("Uses", GroupCondition.all(List.of(ref("Men"), ref("Other")))));
        ModelStore models = new ModelStore(ws);
        models.save(new PriorityModel("M", List.of(ModelEntry.saved("Men"), ModelEntry.inline("Inline",
                new NotCondition(ref("Men")))), "rest", Map.of()));
        store.rename("Men", "Gentlemen");
        assertTrue(store.find("Men").isEmpty());
        assertEquals(MEN, store.get("Gentlemen").segment().definition());
        assertEquals(GroupCondition.all(List.of(ref("Gentlemen"), ref("Other"))),
                store.get("Uses").segment().definition());
        assertEquals(List.of(ModelEntry.saved("Gentlemen"), ModelEntry.inline("Inline",
                new NotCondition(ref("Gentlemen")))), models.get("M").entries());
        store.save(Segment.of("Taken", MEN));
        assertThrows(WorkspaceException.class, () -> store.rename("Gentlemen", "Taken"));
    }

    @Test
    void copyMoveStatusAndPins() {
        store.save(new Segment("A", "d", "F1", SegmentStatus.ACTIVE, MEN, Map.of()));
        SavedSegment copy = store.copy("A", "B");
        assertEquals("d", copy.segment().description());
        assertEquals(MEN, copy.segment().definition());
        assertThrows(WorkspaceException.class, () -> store.copy("A", "B"));
        assertEquals("F2", store.move("B", "F2").segment().folder());
        assertEquals(SegmentStatus.ARCHIVED, store.setStatus("B", SegmentStatus.ARCHIVED).segment().status());
        for (int i = 0; i < 5; i++) {
            store.save(Segment.of("P" + i, MEN));
            store.pin("P" + i, true);
        }
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> store.pin("A", true));
        assertEquals("At most 5 segments can be pinned; unpin one first", e.getMessage());
        store.pin("P0", false);
        store.pin("A", true);
        assertEquals("A", store.list().get(0).name(), "pinned first");
    }

    @Test
    void aSegmentKeepsItsChosenIconThroughPinsAndSaves() {
        store.save(Segment.of("A", MEN));
        assertEquals(SegmentIcon.STAR, store.get("A").icon(), "the default");
        store.pin("A", true);
        Instant updated = store.get("A").updatedAt();
        clock.advance();
        assertEquals(SegmentIcon.GIFT, store.setIcon("A", SegmentIcon.GIFT).icon());
        assertEquals(updated, store.get("A").updatedAt(), "choosing an icon is not an edit");
        store.pin("A", false);
        store.pin("A", true);
        store.save(Segment.of("A", AttributeCondition.of("customers.gender", Operator.EQ, "F")));
        assertEquals(SegmentIcon.GIFT, store.get("A").icon());
        assertEquals(SegmentIcon.GIFT, store.rename("A", "B").icon());
        assertThrows(WorkspaceException.class, () -> store.setIcon("nobody", SegmentIcon.HEART));
    }

    @Test
    void selfReferenceThroughOthersIsRefused() {
        store.save(Segment.of("A", ref("B")));
        store.save(Segment.of("B", ref("C")));
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> store.save(Segment.of("C", ref("A"))));
        assertEquals("Segment 'C' would refer to itself: C -> A -> B -> C", e.getMessage());
        assertTrue(store.find("C").isEmpty(), "nothing saved");
        assertThrows(WorkspaceException.class, () -> store.save(Segment.of("D", ref("D"))));
    }

    @Test
    void failedSaveLeavesNothingBehind() {
        store.save(Segment.of("A", MEN));
        assertThrows(WorkspaceException.class, () -> store.save(Segment.of("  ", MEN)));
        assertEquals(1, store.list().size());
        assertNotNull(store.get("A"));
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T10:00:00Z");

        void advance() {
            now = now.plus(Duration.ofMinutes(1));
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
