package org.segmint.persistence.group;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.model.validation.DefinitionProblem;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Recalculates smart groups: each definition is evaluated by the engine as of one date, then every group's new
 * members, history row and last recalculation are written in one transaction (all or nothing: a killed run
 * changes nothing). Every group is evaluated against the members the other groups had when the run started.
 *
 * <p>A group whose definition cannot be evaluated (its segment was deleted, a field it uses is gone) keeps its
 * members; the run records why ({@link Group#error()}) and goes on with the others.
 */
public final class Recalculation {
    private final Workspace ws;
    private final SegmentEngine engine;
    private final Clock clock;

    /** One group's outcome: what changed, or why it could not be recalculated (then {@code total} is unchanged). */
    public record Outcome(String name, long total, long joined, long left, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    public Recalculation(GroupStore store, SegmentEngine engine) {
        this.ws = store.workspace();
        this.engine = engine;
        this.clock = store.clock();
    }

    /** The smart groups whose schedule says they are due now, by name. */
    public List<String> due(GroupStore store) {
        return store.list().stream().filter(g -> g.isDue(clock)).map(Group::name).toList();
    }

    /** Every smart group, by name. */
    public List<String> all(GroupStore store) {
        return store.list().stream().filter(Group::isSmart).map(Group::name).toList();
    }

    /**
     * Recalculates the named smart groups as of {@code asOf}. An unknown or static group refuses the whole run
     * before anything is evaluated.
     */
    public List<Outcome> run(List<String> names, LocalDate asOf, Cancellation cancel, Progress progress) {
        GroupStore store = new GroupStore(ws, clock);
        List<Group> groups = new ArrayList<>();
        for (String name : names) {
            Group g = store.get(name);
            if (!g.isSmart()) {
                throw new WorkspaceException("Group '" + name + "' is static: only smart groups are recalculated");
            }
            groups.add(g);
        }
        Map<String, RoaringBitmap> members = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        int done = 0;
        RoaringBitmap customers = engine.allCustomers();
        for (Group g : groups) {
            cancel.throwIfCancelled();
            progress.update(done++, groups.size(), "Recalculating '" + g.name() + "'");
            try {
                SegmentEngine.Evaluated e = engine.evaluate(g.definition(), asOf, cancel);
                if (e.valid()) {
                    // only customers of today can be members (a key of an orphaned order row is none)
                    members.put(g.name(), RoaringBitmap.and(e.members(), customers));
                } else {
                    errors.put(g.name(), describe(e.problems()));
                }
            } catch (WorkspaceException e) {
                errors.put(g.name(), e.getMessage());
            }
        }
        cancel.throwIfCancelled();
        progress.update(groups.size(), groups.size(), "Saving the new members");
        Instant at = clock.instant();
        return ws.inTransaction(() -> {
            Connection c = ws.connection();
            List<Outcome> outcomes = new ArrayList<>();
            for (Group g : groups) {
                long id = GroupStore.require(c, g.name());
                RoaringBitmap next = members.get(g.name());
                if (next == null) {
                    String why = errors.get(g.name());
                    Jdbc.update(c, "UPDATE sg_groups SET error = ? WHERE id = ?", why, id);
                    outcomes.add(new Outcome(g.name(), Members.keys(c, id).getLongCardinality(), 0, 0, why));
                } else {
                    MemberChange change = Members.replace(c, id, next);
                    GroupStore.recordRun(c, id, change, asOf, at);
                    outcomes.add(new Outcome(g.name(), change.total(), change.joined(), change.left(), null));
                }
            }
            return outcomes;
        });
    }

    /** "condition 2.1: Unknown field customers.tier; ..." with 1-based positions from the root. */
    static String describe(List<DefinitionProblem> problems) {
        String text = problems.stream().limit(3).map(p -> p.path().isEmpty() ? p.message()
                : "condition " + p.path().stream().map(i -> Integer.toString(i + 1)).collect(Collectors.joining("."))
                + ": " + p.message()).collect(Collectors.joining("; "));
        return problems.size() > 3 ? text + " (and " + (problems.size() - 3) + " more)" : text;
    }
}
