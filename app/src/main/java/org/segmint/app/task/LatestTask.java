package org.segmint.app.task;

import java.time.Duration;
import java.util.Objects;

/**
 * Keeps at most one task of a kind: starting a new one cancels the one before (a count that an edit made
 * obsolete, a preview for settings the user already changed again), so only the newest ever delivers its result.
 * A debounced one also waits a moment without a newer request before it starts, so a burst of edits runs once.
 * Call every method on the UI thread.
 */
public final class LatestTask {
    private final Scheduler scheduler;
    private final Duration delay;
    private Scheduler.Scheduled pending;
    private TaskHandle current;
    private long requests;

    /** Starts each task at once. */
    public LatestTask() {
        this(null, Duration.ZERO);
    }

    private LatestTask(Scheduler scheduler, Duration delay) {
        this.scheduler = scheduler;
        this.delay = delay;
    }

    /** Starts each task once {@code delay} has passed without a newer one. */
    public static LatestTask debounced(Scheduler scheduler, Duration delay) {
        return new LatestTask(Objects.requireNonNull(scheduler), Objects.requireNonNull(delay));
    }

    /**
     * Cancels the previous task, waiting or running, and starts this one (after the delay, if debounced).
     * The task's callbacks run only if no newer task was started meanwhile.
     */
    public <T> void run(Tasks<T> task, BackgroundExecutor executor) {
        cancel();
        if (scheduler == null) {
            current = task.runOnce(executor);
            return;
        }
        long request = requests;
        pending = scheduler.schedule(delay, () -> executor.runOnUi(() -> {
            if (request == requests) {
                pending = null;
                current = task.runOnce(executor);
            }
        }));
    }

    /** Calls off the waiting task and cancels the running one; neither delivers a result. */
    public void cancel() {
        requests++;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        if (current != null && !current.isDone()) {
            current.cancel();
        }
        current = null;
    }

    /** Whether a task waits for its start or runs. */
    public boolean isRunning() {
        return pending != null || current != null && !current.isDone();
    }
}
