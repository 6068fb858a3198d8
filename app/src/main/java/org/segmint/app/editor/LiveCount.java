package org.segmint.app.editor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.app.task.LatestTask;
import org.segmint.app.task.Scheduler;
import org.segmint.app.task.Tasks;
import org.segmint.model.segment.Condition;
import org.segmint.model.validation.DefinitionProblem;
import org.segmint.persistence.engine.SegmentEngine;

/**
 * The customer count of the definition being edited, kept fresh by itself: each request waits for
 * {@link #DEBOUNCE} without a newer one, cancels the run it supersedes, validates and counts on the
 * background executor, and publishes on the UI executor only if it is still the newest request.
 */
public final class LiveCount {
    /** How long the count waits after the last edit. */
    public static final Duration DEBOUNCE = Duration.ofMillis(250);

    private final DefinitionService service;
    private final BackgroundExecutor executor;
    private final LongSupplier nanoClock;
    private final LatestTask counting;

    // Properties //
    private final ObjectProperty<CountState> state = new SimpleObjectProperty<>(this, "state", CountState.IDLE);
    private final LongProperty count = new SimpleLongProperty(this, "count", -1);
    private final LongProperty millis = new SimpleLongProperty(this, "millis", 0);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectProperty<RoaringBitmap> members = new SimpleObjectProperty<>(this, "members");
    private final ObservableMap<List<Integer>, String> problems = FXCollections.observableHashMap();

    public LiveCount(DefinitionService service, Scheduler scheduler, BackgroundExecutor executor,
                     LongSupplier nanoClock) {
        this.service = service;
        this.executor = executor;
        this.nanoClock = nanoClock;
        this.counting = LatestTask.debounced(scheduler, DEBOUNCE);
    }

    /** What one count found, and how long it took. */
    private record Outcome(SegmentEngine.Evaluated evaluated, long millis) {
    }

    // Commands //

    /** Asks for the count of {@code definition}; call on the UI thread after every edit. */
    public void request(Condition definition) {
        state.set(CountState.COUNTING);
        message.set("");
        counting.run(Tasks.create(ctx -> {
            long start = nanoClock.getAsLong();
            SegmentEngine.Evaluated evaluated = service.evaluate(definition, ctx.cancellation());
            return new Outcome(evaluated, (nanoClock.getAsLong() - start) / 1_000_000);
        }).onSuccess(outcome -> {
            if (outcome.evaluated().valid()) {
                showCount(outcome.evaluated().members(), outcome.millis());
            } else {
                showProblems(outcome.evaluated().problems());
            }
        }).onError(e -> {
            problems.clear();
            message.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            state.set(CountState.ERROR);
        }), executor);
    }

    /** Stops any waiting or running count (the editor closes). */
    public void stop() {
        counting.cancel();
        if (state.get() == CountState.COUNTING) {
            state.set(CountState.IDLE);
        }
    }

    private void showProblems(List<DefinitionProblem> found) {
        Map<List<Integer>, String> byPath = new LinkedHashMap<>();
        for (DefinitionProblem p : found) {
            byPath.merge(p.path(), p.message(), (a, b) -> a + "; " + b);
        }
        problems.clear();
        problems.putAll(byPath);
        int n = byPath.size();
        message.set(n == 1 ? "1 condition needs attention" : n + " conditions need attention");
        state.set(CountState.INVALID);
    }

    private void showCount(RoaringBitmap result, long took) {
        problems.clear();
        members.set(result);
        count.set(result.getLongCardinality());
        millis.set(took);
        message.set("");
        state.set(CountState.DONE);
    }

    // Properties //

    public ReadOnlyObjectProperty<CountState> stateProperty() {
        return state;
    }

    public ReadOnlyLongProperty countProperty() {
        return count;
    }

    public ReadOnlyLongProperty millisProperty() {
        return millis;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The members of the last completed count (the insights panel reads them). */
    public ReadOnlyObjectProperty<RoaringBitmap> membersProperty() {
        return members;
    }

    /** Problem messages by condition path, as the engine reported them for the current definition. */
    public ObservableMap<List<Integer>, String> problems() {
        return problems;
    }
}
