package org.segmint.app.insights;

import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.app.task.LatestTask;
import org.segmint.app.task.Tasks;
import org.segmint.persistence.insight.InsightSummary;

/**
 * The insights beside the editor: the summary of the segment's members and of all customers (the
 * baseline), computed in the background after each count; a newer count cancels an older computation.
 */
public final class InsightsViewModel {
    /** Where the panel stands. */
    public enum State { EMPTY, COMPUTING, DONE, ERROR }

    private final InsightsSource source;
    private final BackgroundExecutor executor;
    private final LatestTask computing = new LatestTask();
    private volatile InsightSummary cachedBaseline;

    // Properties //
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.EMPTY);
    private final ObjectProperty<InsightSummary> summary = new SimpleObjectProperty<>(this, "summary");
    private final ObjectProperty<InsightSummary> baseline = new SimpleObjectProperty<>(this, "baseline");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    public InsightsViewModel(InsightsSource source, BackgroundExecutor executor) {
        this.source = source;
        this.executor = executor;
    }

    /** The members' summary beside the baseline it is compared with. */
    private record Computed(InsightSummary baseline, InsightSummary summary) {
    }

    // Commands //

    /**
     * Computes the insights of {@code members}; {@code membersSql} is asked for in the background (it
     * names the SQL the statistics show).
     */
    public void update(RoaringBitmap members, Supplier<String> membersSql) {
        state.set(State.COMPUTING);
        computing.run(Tasks.create(ctx -> {
            InsightSummary base = cachedBaseline != null ? cachedBaseline : source.baseline(ctx.cancellation());
            cachedBaseline = base;
            ctx.throwIfCancelled();
            return new Computed(base, source.summary(members, sqlOrNull(membersSql), ctx.cancellation()));
        }).onSuccess(computed -> {
            baseline.set(computed.baseline());
            summary.set(computed.summary());
            state.set(State.DONE);
        }).onError(e -> {
            message.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            state.set(State.ERROR);
        }), executor);
    }

    /** Forgets the baseline (after the data or the as-of date changed). */
    public void invalidate() {
        cachedBaseline = null;
    }

    private static String sqlOrNull(Supplier<String> sql) {
        try {
            return sql.get();
        } catch (RuntimeException e) {
            // The statistics still show; only their View SQL lacks the members' query.
            return null;
        }
    }

    // Properties //

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public ReadOnlyObjectProperty<InsightSummary> summaryProperty() {
        return summary;
    }

    public ReadOnlyObjectProperty<InsightSummary> baselineProperty() {
        return baseline;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
