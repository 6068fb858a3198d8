package org.segmint.persistence.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Condition;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.Workspace;

/**
 * The one engine behind every count Segmint shows. Members are sets of dense customer keys
 * ({@code customers.ck}).
 *
 * <p>API skeleton; the implementation is being written.
 */
public final class SegmentEngine implements AutoCloseable {

    /**
     * @param workspace the open workspace
     * @param segments  resolves a saved segment's name to its definition (for {@code segment} references)
     */
    public SegmentEngine(Workspace workspace, Function<String, Optional<Condition>> segments) {
        throw new UnsupportedOperationException("engine not written yet");
    }

    /** The customers matching {@code definition} as of {@code asOf}. Throws CancelledException when cancelled. */
    public RoaringBitmap members(Condition definition, LocalDate asOf, Cancellation cancel) {
        throw new UnsupportedOperationException();
    }

    /** Every customer of the workspace. */
    public RoaringBitmap allCustomers() {
        throw new UnsupportedOperationException();
    }

    /** One readable SQL statement (values inlined) selecting {@code ck, customer_id} of the members. */
    public String viewSql(Condition definition, LocalDate asOf) {
        throw new UnsupportedOperationException();
    }

    /** Problems of the definition against the workspace's catalog and saved objects; empty when valid. */
    public List<DefinitionProblem> validate(Condition definition) {
        throw new UnsupportedOperationException();
    }

    /** Drops every cached membership (call after the data changed). */
    public void invalidate() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
