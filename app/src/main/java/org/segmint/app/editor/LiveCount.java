package org.segmint.app.editor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
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
import org.segmint.model.segment.Condition;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.CancelledException;
import org.segmint.model.validation.DefinitionProblem;

/**
 * The customer count of the definition being edited, kept fresh by itself: each request waits for
 * {@link #DEBOUNCE} without a newer one, cancels the run it supersedes, validates and counts on the
 * background executor, and publishes on the UI executor only if it is still the newest request.
 */
public final class LiveCount {
    /** How long the count waits after the last edit. */
    public static final Duration DEBOUNCE = Duration.ofMillis(250);

    private final DefinitionService service;
    private final Scheduler scheduler;
    private final Executor background;
    private final Executor ui;
    private final LongSupplier nanoClock;
    private final AtomicLong generation = new AtomicLong();

    private Scheduler.Scheduled pending;
    private Cancellation running;

    // Properties //
    private final ObjectProperty<CountState> state = new SimpleObjectProperty<>(this, "state", CountState.IDLE);
    private final LongProperty count = new SimpleLongProperty(this, "count", -1);
    private final LongProperty millis = new SimpleLongProperty(this, "millis", 0);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectProperty<RoaringBitmap> members = new SimpleObjectProperty<>(this, "members");
    private final ObservableMap<List<Integer>, String> problems = FXCollections.observableHashMap();

    public LiveCount(DefinitionService service, Scheduler scheduler, Executor background, Executor ui,
                     LongSupplier nanoClock) {
        this.service = service;
        this.scheduler = scheduler;
        this.background = background;
        this.ui = ui;
        this.nanoClock = nanoClock;
    }

    // Commands //

    /** Asks for the count of {@code definition}; call on the UI thread after every edit. */
    public void request(Condition definition) {
        long gen = generation.incrementAndGet();
        if (pending != null) {
            pending.cancel();
        }
        if (running != null) {
            running.cancel();
        }
        Cancellation cancel = new Cancellation();
        running = cancel;
        state.set(CountState.COUNTING);
        message.set("");
        pending = scheduler.schedule(DEBOUNCE, () -> background.execute(() -> run(gen, definition, cancel)));
    }

    /** Stops any waiting or running count (the editor closes). */
    public void stop() {
        generation.incrementAndGet();
        if (pending != null) {
            pending.cancel();
        }
        if (running != null) {
            running.cancel();
        }
        if (state.get() == CountState.COUNTING) {
            state.set(CountState.IDLE);
        }
    }

    private void run(long gen, Condition definition, Cancellation cancel) {
        if (cancel.isCancelled() || gen != generation.get()) {
            return;
        }
        long start = nanoClock.getAsLong();
        try {
            var evaluated = service.evaluate(definition, cancel);
            if (!evaluated.valid()) {
                publish(gen, () -> showProblems(evaluated.problems()));
                return;
            }
            RoaringBitmap result = evaluated.members();
            long took = (nanoClock.getAsLong() - start) / 1_000_000;
            publish(gen, () -> showCount(result, took));
        } catch (CancelledException e) {
            // A newer edit took over; it publishes its own result.
        } catch (RuntimeException e) {
            String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            publish(gen, () -> {
                problems.clear();
                message.set(text);
                state.set(CountState.ERROR);
            });
        }
    }

    private void publish(long gen, Runnable update) {
        ui.execute(() -> {
            if (gen == generation.get()) {
                update.run();
            }
        });
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
