package org.segmint.app.editor;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay; the live count debounces edits with it. Tests use a hand-driven clock. */
public interface Scheduler {

    /** Something scheduled that can still be called off. */
    interface Scheduled {
        void cancel();
    }

    Scheduled schedule(Duration delay, Runnable task);

    /** A scheduler on one daemon thread (the task should hand real work to a background executor). */
    static Scheduler daemon() {
        ScheduledExecutorService service = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "segmint-debounce");
            t.setDaemon(true);
            return t;
        });
        return (delay, task) -> {
            ScheduledFuture<?> future = service.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }
}
