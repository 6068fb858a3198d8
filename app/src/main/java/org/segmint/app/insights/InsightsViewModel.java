package org.segmint.app.insights;

import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.CancelledException;
import org.segmint.persistence.insight.InsightSummary;

/**
 * The insights beside the editor: the summary of the segment's members and of all customers (the
 * baseline), computed in the background after each count; a newer count cancels an older computation.
 */
public final class InsightsViewModel {
    /** Where the panel stands. */
    public enum State { EMPTY, COMPUTING, DONE, ERROR }

    private final InsightsSource source;
    private final Executor background;
    private final Executor ui;
    private Cancellation running = new Cancellation();
    private long generation;
    private volatile InsightSummary cachedBaseline;

    // Properties //
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.EMPTY);
    private final ObjectProperty<InsightSummary> summary = new SimpleObjectProperty<>(this, "summary");
    private final ObjectProperty<InsightSummary> baseline = new SimpleObjectProperty<>(this, "baseline");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    public InsightsViewModel(InsightsSource source, Executor background, Executor ui) {
        this.source = source;
        this.background = background;
        this.ui = ui;
    }

    // Commands //

    /**
     * Computes the insights of {@code members}; {@code membersSql} is asked for in the background (it
     * names the SQL the statistics show).
     */
    public void update(RoaringBitmap members, Supplier<String> membersSql) {
        running.cancel();
        Cancellation cancel = new Cancellation();
        running = cancel;
        long gen = ++generation;
        state.set(State.COMPUTING);
        background.execute(() -> {
            try {
                InsightSummary base = cachedBaseline != null ? cachedBaseline : source.baseline(cancel);
                cachedBaseline = base;
                cancel.throwIfCancelled();
                InsightSummary result = source.summary(members, sqlOrNull(membersSql), cancel);
                ui.execute(() -> {
                    if (gen == generation) {
                        baseline.set(base);
                        summary.set(result);
                        state.set(State.DONE);
                    }
                });
            } catch (CancelledException e) {
                // A newer count is being summarised instead.
            } catch (RuntimeException e) {
                String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                ui.execute(() -> {
                    if (gen == generation) {
                        message.set(text);
                        state.set(State.ERROR);
                    }
                });
            }
        });
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
