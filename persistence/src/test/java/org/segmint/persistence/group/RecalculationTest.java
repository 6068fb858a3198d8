package org.segmint.persistence.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.segmint.persistence.group.GroupFixture.ids;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.group.Schedule;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.workspace.WorkspaceException;

class RecalculationTest {
    static final LocalDate MARCH = LocalDate.parse("2025-03-31");
    static final LocalDate JUNE = LocalDate.parse("2025-06-30");

    @TempDir
    Path dir;
    GroupFixture f;

    @BeforeEach
    void open() {
        f = new GroupFixture(dir);
        // bought in the last 30 days: as of March c1, c2, c3; as of June c3, c4
        f.order("o1", 1, "2025-03-10");
        f.order("o2", 2, "2025-03-30");
        f.order("o3", 3, "2025-03-31");
        f.order("o4", 3, "2025-06-10");
        f.order("o5", 4, "2025-06-30");
        f.order("o6", 5, "2025-05-01");
        f.ws.bumpDataVersion();
        f.segment("Recent", new PurchaseCondition(true, List.of(), null, null, Window.last(30, TimeUnit.DAYS)));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Group smart(String name, Schedule schedule) {
        MembershipCondition ref = new MembershipCondition(MembershipCondition.Kind.SEGMENT, "Recent", true);
        return f.groups.createSmart(name, ref, schedule, null, null, f.members(ref, MARCH), MARCH);
    }

    @Test
    void joinedAndLeftAreCountedAgainstThePreviousMembers() {
        Group g = smart("Buyers", Schedule.MANUAL);
        assertEquals(3, g.customers());
        Recalculation r = new Recalculation(f.groups, f.engine);
        List<Recalculation.Outcome> out = r.run(List.of("Buyers"), JUNE, Cancellation.none(), Progress.NONE);
        assertEquals(List.of(new Recalculation.Outcome("Buyers", 2, 1, 2, null)), out);
        assertEquals(List.of("c3", "c4"), ids(f.groups.memberKeys("Buyers")));
        List<HistoryEntry> history = f.groups.history("Buyers");
        assertEquals(List.of(new HistoryEntry(GroupFixture.NOW, JUNE, 2, 1, 2),
                new HistoryEntry(GroupFixture.NOW, MARCH, 3, 3, 0)), history);
        assertEquals(JUNE, f.groups.get("Buyers").recalculatedAsOf());
        // nothing changed since: nobody joins or leaves
        assertEquals(List.of(new Recalculation.Outcome("Buyers", 2, 0, 0, null)),
                r.run(List.of("Buyers"), JUNE, Cancellation.none(), Progress.NONE));
    }

    @Test
    void rememberedKeysAgreeWithTheStoredMembersAndAreDroppedWhenTheDataChanges() {
        smart("Buyers", Schedule.MANUAL);
        new Recalculation(f.groups, f.engine).run(List.of("Buyers"), JUNE, Cancellation.none(), Progress.NONE);
        Members.Stored remembered = f.groups.read("t", c -> Members.stored(c, GroupStore.require(c, "Buyers")));
        assertEquals(1, ((Number) f.value("SELECT count(*) FROM sg_groups WHERE name = 'Buyers'"
                + " AND member_keys IS NOT NULL").orElseThrow()).intValue(), "a recalculation remembers its keys");
        Members.Stored joined = f.groups.read("t", c -> {
            long id = GroupStore.require(c, "Buyers");
            Members.forget(c, id);
            return Members.stored(c, id);
        });
        assertEquals(joined, remembered);
        assertEquals(List.of("c3", "c4"), ids(joined.keys()));
        // a re-import that drops c4: the remembered keys belong to the old data and are not used
        new Recalculation(f.groups, f.engine).run(List.of("Buyers"), JUNE, Cancellation.none(), Progress.NONE);
        f.exec("DELETE FROM customers WHERE customer_id = 'c4'");
        f.ws.bumpDataVersion();
        assertEquals(new Members.Stored(GroupFixture.keys(3), 1),
                f.groups.read("t", c -> Members.stored(c, GroupStore.require(c, "Buyers"))));
    }

    @Test
    void customersGoneInAReimportLeaveAtTheNextRecalculation() {
        smart("Buyers", Schedule.MANUAL);
        f.exec("DELETE FROM customers WHERE customer_id = 'c1'");
        f.exec("UPDATE orders SET ck = NULL WHERE customer_id = 'c1'");
        f.ws.bumpDataVersion();
        assertEquals(2, f.groups.get("Buyers").customers());
        List<Recalculation.Outcome> out = new Recalculation(f.groups, f.engine).run(List.of("Buyers"), MARCH,
                Cancellation.none(), Progress.NONE);
        assertEquals(List.of(new Recalculation.Outcome("Buyers", 2, 0, 1, null)), out);
        Number left = (Number) f.value("SELECT count(*) FROM sg_group_members WHERE customer_id = 'c1'").orElseThrow();
        assertEquals(0, left.intValue());
    }

    @Test
    void aGroupThatCannotBeRecalculatedKeepsItsMembersAndSaysWhy() {
        smart("Buyers", Schedule.MANUAL);
        f.groups.createSmart("Gold", GroupFixture.tier("gold"), Schedule.MANUAL, null, null,
                f.members(GroupFixture.tier("gold"), MARCH), MARCH);
        f.segments.delete("Recent", true);
        List<Recalculation.Outcome> out = new Recalculation(f.groups, f.engine).run(List.of("Buyers", "Gold"), JUNE,
                Cancellation.none(), Progress.NONE);
        assertEquals(new Recalculation.Outcome("Buyers", 3, 0, 0, "Unknown segment 'Recent'"), out.get(0));
        assertEquals(new Recalculation.Outcome("Gold", 5, 0, 0, null), out.get(1));
        assertEquals(List.of("c1", "c2", "c3"), ids(f.groups.memberKeys("Buyers")));
        assertEquals("Unknown segment 'Recent'", f.groups.get("Buyers").error());
        assertEquals(1, f.groups.history("Buyers").size(), "a failed run adds no history row");
        assertNull(f.groups.get("Gold").error());
    }

    @Test
    void dueGroupsFollowTheirSchedules() {
        smart("Daily", Schedule.parse("daily"));
        smart("Weekly Wed", Schedule.parse("weekly:WED"));
        smart("Manual", Schedule.MANUAL);
        f.groups.createStatic(List.of("Static"), null);
        // the next morning, daily is due; the Wednesday group ran on Wednesday and waits a week
        Clock thursday = Clock.fixed(Instant.parse("2025-06-19T07:00:00Z"), ZoneId.of("UTC"));
        GroupStore later = new GroupStore(f.ws, thursday);
        Recalculation r = new Recalculation(later, f.engine);
        assertEquals(List.of("Daily"), r.due(later));
        r.run(r.due(later), JUNE, Cancellation.none(), Progress.NONE);
        assertEquals(List.of(), r.due(later));
        Clock nextWednesday = Clock.fixed(Instant.parse("2025-06-25T00:30:00Z"), ZoneId.of("UTC"));
        GroupStore week = new GroupStore(f.ws, nextWednesday);
        assertEquals(List.of("Daily", "Weekly Wed"), new Recalculation(week, f.engine).due(week));
        assertEquals(List.of("Daily", "Manual", "Weekly Wed"), r.all(later));
    }

    @Test
    void staticOrUnknownGroupsRefuseTheWholeRun() {
        smart("Buyers", Schedule.MANUAL);
        f.groups.createStatic(List.of("Static"), null);
        Recalculation r = new Recalculation(f.groups, f.engine);
        assertThrows(WorkspaceException.class, () -> r.run(List.of("Buyers", "Static"), JUNE, Cancellation.none(),
                Progress.NONE));
        assertThrows(WorkspaceException.class, () -> r.run(List.of("Nope"), JUNE, Cancellation.none(),
                Progress.NONE));
        assertEquals(1, f.groups.history("Buyers").size());
    }
}
