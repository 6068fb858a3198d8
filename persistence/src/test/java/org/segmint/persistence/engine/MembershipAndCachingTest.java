package org.segmint.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.MembershipCondition.Kind;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.CancelledException;
import org.segmint.persistence.workspace.WorkspaceException;

/** Segment, group and list membership; the leaf cache; cancellation; counts by household. */
class MembershipAndCachingTest {
    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void setUp() {
        f = new EngineFixture(dir);
        f.column("customers", "email", FieldType.TEXT);
        f.column("customers", "tier", FieldType.TEXT);
        f.column("customers", "household_id", FieldType.TEXT);
        f.customers(5);
        for (int ck = 1; ck <= 5; ck++) {
            f.set(ck, "email", "user" + ck + "@example.com");
            f.set(ck, "tier", ck <= 2 ? "gold" : "silver");
        }
        f.set(1, "household_id", "h1");
        f.set(2, "household_id", "h1");
        f.set(3, "household_id", "");
        f.order("o1", 1, "2025-06-01", 10, 1);
        f.order("o2", 3, "2025-06-01", 10, 1);
        f.event(2, "view", "2025-06-01T00:00:00");
        f.exec("INSERT INTO sg_groups(id, name, kind, created_at, updated_at) VALUES (1, 'VIPs', 'static', 'x', 'x')");
        f.exec("INSERT INTO sg_group_members(group_id, customer_id) VALUES (1, 'c2'), (1, 'c4'), (1, 'gone')");
        f.exec("INSERT INTO sg_lists(id, name, match_on, created_at) VALUES (1, 'Ids', 'customer_id', 'x'),"
                + " (2, 'Mails', 'email', 'x')");
        f.exec("INSERT INTO sg_list_members(list_id, value) VALUES (1, 'c1'), (1, 'c5'), (2, 'user3@example.com'),"
                + " (2, 'USER4@example.com')");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static Condition gold() {
        return AttributeCondition.of("customers.tier", Operator.EQ, "gold");
    }

    @Test
    void groupsAndListsMatchExactly() {
        f.check(new MembershipCondition(Kind.GROUP, "VIPs", true), "c2", "c4");
        f.check(new MembershipCondition(Kind.GROUP, "VIPs", false), "c1", "c3", "c5");
        f.check(new MembershipCondition(Kind.LIST, "Ids", true), "c1", "c5");
        f.check(new MembershipCondition(Kind.LIST, "Mails", true), "c3");
        f.check(new MembershipCondition(Kind.LIST, "Mails", false), "c1", "c2", "c4", "c5");
        f.exec("INSERT INTO sg_group_members(group_id, customer_id) VALUES (1, 'c5')");
        f.check(new MembershipCondition(Kind.GROUP, "VIPs", true), "c2", "c4", "c5");
    }

    @Test
    void segmentsAreEvaluatedThroughTheirDefinitions() {
        f.saved.put("Gold", gold());
        f.saved.put("Gold buyers", GroupCondition.all(List.of(new MembershipCondition(Kind.SEGMENT, "Gold", true),
                PurchaseCondition.any())));
        f.check(new MembershipCondition(Kind.SEGMENT, "Gold buyers", true), "c1");
        f.check(new MembershipCondition(Kind.SEGMENT, "Gold buyers", false), "c2", "c3", "c4", "c5");
        f.check(GroupCondition.any(List.of(new MembershipCondition(Kind.SEGMENT, "Gold", false),
                EventCondition.did("view", null))), "c2", "c3", "c4", "c5");
    }

    @Test
    void cyclesAreRefused() {
        f.saved.put("A", new NotCondition(new MembershipCondition(Kind.SEGMENT, "B", true)));
        f.saved.put("B", GroupCondition.any(List.of(gold(), new MembershipCondition(Kind.SEGMENT, "A", true))));
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> f.ids(new MembershipCondition(Kind.SEGMENT, "A", true)));
        assertEquals("Segment 'A' refers to itself: A -> B -> A", e.getMessage());
    }

    @Test
    void unchangedLeavesComeFromTheCache() {
        Condition buyers = PurchaseCondition.any();
        Condition viewers = EventCondition.did("view", null);
        Condition definition = GroupCondition.any(List.of(GroupCondition.all(List.of(gold(), buyers)), viewers));
        f.check(definition, "c1", "c2");
        long afterFirst = f.engine.queriesRun();
        assertEquals(List.of("c1", "c2"), f.ids(definition));
        assertEquals(afterFirst, f.engine.queriesRun());
        // Editing one condition re-runs only that condition; an equal but new record is a cache hit.
        Condition edited = GroupCondition.any(List.of(GroupCondition.all(List.of(
                AttributeCondition.of("customers.tier", Operator.EQ, "silver"), PurchaseCondition.any())),
                EventCondition.did("view", null)));
        assertEquals(List.of("c2", "c3"), f.ids(edited));
        assertEquals(afterFirst + 1, f.engine.queriesRun());
        // Another as-of date or new data computes again.
        f.ids(definition, LocalDate.parse("2025-01-01"));
        assertEquals(afterFirst + 4, f.engine.queriesRun());
        f.order("o3", 2, "2025-06-02", 5, 1);
        f.bump();
        assertEquals(List.of("c1", "c2"), f.ids(definition));
        assertEquals(afterFirst + 7, f.engine.queriesRun());
        f.engine.invalidate();
        f.ids(definition);
        assertEquals(afterFirst + 10, f.engine.queriesRun());
    }

    @Test
    void changingOnlyTheThresholdComparesTheCachedMeasures() {
        f.order("o3", 1, "2025-06-02", 25, 1);
        Condition moreThan20 = new PurchaseCondition(true, null, Measure.REVENUE,
                Comparison.of(Operator.GT, 20), null);
        f.check(moreThan20, "c1");
        long queries = f.engine.queriesRun();
        f.check(new PurchaseCondition(true, null, Measure.REVENUE, Comparison.of(Operator.GT, 5), null), "c1", "c3");
        f.check(new PurchaseCondition(false, null, Measure.REVENUE, Comparison.of(Operator.LT, 11), null),
                "c1");
        f.check(new PurchaseCondition(true, null, Measure.REVENUE, new Comparison(Operator.EQ,
                List.of(new BigDecimal("35.0"))), null), "c1");
        assertEquals(queries, f.engine.queriesRun());
        f.check(new PurchaseCondition(true, null, Measure.UNITS, Comparison.of(Operator.GT, 1), null), "c1");
        assertEquals(queries + 1, f.engine.queriesRun());
    }

    @Test
    void cancellingStopsTheCountAndLeavesTheCacheConsistent() {
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        assertThrows(CancelledException.class, () -> f.engine.members(gold(), EngineFixture.AS_OF, cancelled));
        // Cancel in the middle: the saved segment's resolver cancels before its definition is evaluated.
        Cancellation midway = new Cancellation();
        SegmentEngine engine = new SegmentEngine(f.ws, name -> {
            midway.cancel();
            return Optional.of(PurchaseCondition.any());
        });
        Condition definition = GroupCondition.all(List.of(gold(),
                new MembershipCondition(Kind.SEGMENT, "Buyers", true)));
        try (engine) {
            assertThrows(CancelledException.class, () -> engine.members(definition, EngineFixture.AS_OF, midway));
            RoaringBitmap again = engine.members(definition, EngineFixture.AS_OF, Cancellation.none());
            assertEquals(List.of("c1"), f.names(again));
        }
    }

    @Test
    void aRunningCountIsStoppedByCancel() throws Exception {
        f.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000)"
                + " INSERT INTO events(ck, customer_id, event_type, event_time) SELECT i % 5 + 1, 'x', 'tick', i FROM n");
        // A last step whose events all come first: every choice of the three ticks is tried before giving up.
        f.exec("INSERT INTO events(ck, customer_id, event_type, event_time) SELECT ck, customer_id, 'tock', 0"
                + " FROM customers");
        f.bump();
        Condition slow = new org.segmint.model.segment.SequenceCondition(List.of(
                org.segmint.model.segment.SequenceCondition.Step.of("tick"),
                org.segmint.model.segment.SequenceCondition.Step.of("tick"),
                org.segmint.model.segment.SequenceCondition.Step.of("tick"),
                org.segmint.model.segment.SequenceCondition.Step.of("tock")), null, "nothing", null);
        try (SegmentEngine sql = SegmentEngine.sqlOnly(f.ws, name -> Optional.empty())) {
            for (SegmentEngine engine : List.of(f.engine, sql)) {
                Cancellation cancel = new Cancellation();
                Thread canceller = new Thread(() -> {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    cancel.cancel();
                });
                long start = System.nanoTime();
                canceller.start();
                assertThrows(CancelledException.class, () -> engine.members(slow, EngineFixture.AS_OF, cancel));
                canceller.join();
                assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "cancel took too long");
            }
        }
    }
}
