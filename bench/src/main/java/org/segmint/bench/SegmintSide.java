package org.segmint.bench;

import java.time.LocalDate;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Condition;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.insight.Memberships;
import org.segmint.persistence.workspace.Workspace;

/** Segmint as the app runs it: one engine and one insights cache over the workspace. */
final class SegmintSide implements AutoCloseable {
    private final Workspace workspace;
    private final SegmentEngine engine;
    private final LocalDate asOf;
    private Insights insights;

    SegmintSide(Workspace workspace, LocalDate asOf) {
        this.workspace = workspace;
        this.engine = new SegmentEngine(workspace, name -> java.util.Optional.empty());
        this.asOf = asOf;
        this.insights = new Insights(workspace);
    }

    /** Forgets every cached membership and per-customer array: the next run starts cold. */
    void dropCaches() {
        engine.invalidate();
        insights = new Insights(workspace);
    }

    RoaringBitmap members(Condition definition) {
        return engine.members(definition, asOf, Cancellation.none());
    }

    Memberships memberships() {
        return Memberships.of(engine);
    }

    Insights insights() {
        return insights;
    }

    /** Leaf queries the engine has run so far (an edit with the other conditions cached runs at most one). */
    long queriesRun() {
        return engine.queriesRun();
    }

    LocalDate asOf() {
        return asOf;
    }

    @Override
    public void close() {
        engine.close();
    }
}
