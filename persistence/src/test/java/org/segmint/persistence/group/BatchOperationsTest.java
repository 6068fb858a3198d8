package org.segmint.persistence.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.segmint.persistence.group.GroupFixture.ids;
import static org.segmint.persistence.group.GroupFixture.keys;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.Operator;
import org.segmint.persistence.workspace.WorkspaceException;

class BatchOperationsTest {
    static final LocalDate AS_OF = LocalDate.parse("2025-06-18");

    @TempDir
    Path dir;
    GroupFixture f;
    BatchOperations batch;
    Undo undo;

    @BeforeEach
    void open() {
        f = new GroupFixture(dir);
        f.groups.createStatic(List.of("G"), null);
        f.groups.add("G", keys(1, 2, 3, 4, 5, 6));
        batch = new BatchOperations(f.groups);
        undo = new Undo(f.groups);
        // previous values of every kind: NULL, '', text, a number stored as text, integers, reals, dates
        f.exec("UPDATE customers SET tier = NULL, score = NULL, credit = NULL, joined_on = NULL WHERE ck = 1");
        f.exec("UPDATE customers SET tier = '', score = 7, credit = 0.1, joined_on = 20000 WHERE ck = 2");
        f.exec("UPDATE customers SET tier = 'Gold ', score = -3, credit = 12.5, joined_on = 0 WHERE ck = 3");
        f.exec("UPDATE customers SET tier = 'platinum', score = 5, credit = 5.0, joined_on = 19000 WHERE ck = 4");
        f.exec("UPDATE customers SET tier = '42', score = 5, credit = 1e15, joined_on = -1 WHERE ck = 5");
        f.exec("UPDATE customers SET tier = 'x', score = 9, credit = 5, joined_on = 19000 WHERE ck = 7");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<List<Object>> state() {
        return f.rows("SELECT ck, typeof(tier), tier, typeof(score), score, typeof(credit), credit, typeof(joined_on),"
                + " joined_on FROM customers ORDER BY ck");
    }

    @ParameterizedTest(name = "{0} = {1} changes {2}")
    @CsvSource(textBlock = """
            tier,                platinum,   5
            customers.tier,      '',         5
            score,               5,          4
            credit,              5,          5
            joined_on,           2022-01-08, 5
            """)
    void undoRestoresExactlyThePreviousValues(String column, String value, long changed) {
        List<List<Object>> before = state();
        BatchOperation op = BatchOperation.attribute(column, value);
        assertEquals(changed, batch.preview("G", op).changed());
        assertEquals(before, state(), "a preview changes nothing");
        BatchOperations.Result r = batch.apply("G", op);
        assertEquals(new BatchOperations.Result("attribute", "G", 6, changed, op.describe()), r);
        List<List<Object>> after = state();
        assertEquals(before.get(6), after.get(6), "customers outside the group keep their values");
        assertEquals(op.describe(), undo.undoLast().description());
        assertEquals(before, state());
    }

    @Test
    void valuesAreStoredInTheAttributesType() {
        batch.apply("G", BatchOperation.attribute("joined_on", "2022-01-08"));
        batch.apply("G", BatchOperation.attribute("credit", "2.50"));
        assertEquals(List.of(List.of("integer", (int) LocalDate.parse("2022-01-08").toEpochDay(), "real", 2.5)),
                f.rows("SELECT DISTINCT typeof(joined_on), joined_on, typeof(credit), credit FROM customers"
                        + " WHERE ck <= 6"));
        assertThrows(WorkspaceException.class, () -> batch.apply("G", BatchOperation.attribute("score", "1.5")));
        assertThrows(WorkspaceException.class, () -> batch.apply("G", BatchOperation.attribute("customer_id", "x")));
        assertThrows(WorkspaceException.class, () -> batch.apply("G", BatchOperation.attribute("nope", "x")));
    }

    @Test
    void tagsAreAddedRemovedUndoneAndUsableInSegments() {
        AttributeCondition vip = new AttributeCondition("tags.tag", Operator.EQ, List.of("vip"), null);
        AttributeCondition notVip = new AttributeCondition("tags.tag", Operator.NE, List.of("vip"), null);
        f.groups.createStatic(List.of("Few"), null);
        f.groups.add("Few", keys(5, 7, 8));
        assertEquals(3, batch.apply("Few", BatchOperation.tagAdd("vip")).changed());
        assertEquals(5, batch.apply("G", BatchOperation.tagAdd("vip")).changed(), "c5 had the tag already");
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"), ids(f.members(vip, AS_OF)));
        assertEquals(List.of("c9", "c10"), ids(f.members(notVip, AS_OF)));
        assertEquals(3, batch.apply("Few", BatchOperation.tagRemove("vip")).changed());
        assertEquals(List.of("c1", "c2", "c3", "c4", "c6"), ids(f.members(vip, AS_OF)));
        undo.undoLast();
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"), ids(f.members(vip, AS_OF)));
        undo.undoLast();
        assertEquals(List.of("c5", "c7", "c8"), ids(f.members(vip, AS_OF)));
        undo.undoLast();
        assertEquals(List.of(), ids(f.members(vip, AS_OF)));
        assertThrows(WorkspaceException.class, () -> undo.undoLast(), "nothing left to undo");
    }

    @Test
    void eventsAreRecordedAtTheGivenTimeOrTheAsOfDateAndUndone() {
        f.order("o1", 9, "2025-03-31");
        f.ws.bumpDataVersion();
        EventCondition called = new EventCondition(true, "called", List.of(), null, null);
        BatchOperations.Result r = batch.apply("G", BatchOperation.event("called"));
        assertEquals(6, r.changed());
        // the workspace looks at 2025-03-31, before today (2025-06-18): the event is dated at its start
        assertEquals(List.of(6L, LocalDate.parse("2025-03-31").atStartOfDay().toEpochSecond(ZoneOffset.UTC)),
                f.rows("SELECT count(*), min(event_time), max(event_time) FROM events").get(0).stream().limit(2)
                        .map(v -> ((Number) v).longValue()).toList());
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6"), ids(f.members(called, AS_OF)));
        batch.apply("G", BatchOperation.event("called"), LocalDateTime.parse("2025-01-02T03:04:05"));
        assertEquals(12, ((Number) f.value("SELECT count(*) FROM events").orElseThrow()).intValue());
        undo.undoLast();
        undo.undoLast();
        assertEquals(0, ((Number) f.value("SELECT count(*) FROM events").orElseThrow()).intValue());
    }

    @Test
    void aRecordedEventAfterTheDataMovesTheLatestDateAndItsUndoMovesItBack() {
        f.order("o1", 9, "2025-03-31");
        // a refresh keeps the latest dates, as after any import
        org.segmint.persistence.workspace.DerivedData.refresh(f.ws, org.segmint.model.task.Progress.NONE);
        assertEquals(LocalDate.parse("2025-03-31"), f.ws.latestDateInData().orElseThrow());
        batch.apply("G", BatchOperation.event("called"), LocalDateTime.parse("2025-05-02T10:00:00"));
        assertEquals(LocalDate.parse("2025-05-02"), f.ws.latestDateInData().orElseThrow());
        undo.undoLast();
        assertEquals(LocalDate.parse("2025-03-31"), f.ws.latestDateInData().orElseThrow());
    }
}
