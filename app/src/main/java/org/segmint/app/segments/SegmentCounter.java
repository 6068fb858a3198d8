package org.segmint.app.segments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.TaskContext;
import org.segmint.model.segment.Condition;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Counts saved segments that have no count yet (new, imported, or changed since) with the engine and
 * records the counts, so the list shows real numbers without opening each segment. A segment that cannot
 * be counted (an unknown attribute, a missing referenced segment) keeps its reason for the list.
 */
final class SegmentCounter {

    /** What a run did: how many were counted and why the others could not be. */
    record Result(int counted, Map<String, String> problems) {
    }

    private SegmentCounter() {
    }

    static Result count(WorkspaceSession session, List<String> names, Clock clock, TaskContext ctx) {
        LocalDate asOf = session.read(Workspace::asOf);
        Map<String, String> problems = new LinkedHashMap<>();
        int counted = 0;
        for (String name : names) {
            ctx.throwIfCancelled();
            try {
                Condition definition = session.read(ws -> new SegmentStore(ws).get(name).segment().definition());
                // the engine borrows its own connections: evaluate outside the session lock
                long n = session.engine().members(definition, asOf, ctx.cancellation()).getCardinality();
                session.read(ws -> {
                    new SegmentStore(ws).recordCount(name, n, clock.instant());
                    return null;
                });
                counted++;
            } catch (WorkspaceException e) {
                problems.put(name, e.getMessage());
            }
        }
        return new Result(counted, problems);
    }
}
