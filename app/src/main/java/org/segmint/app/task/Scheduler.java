package org.segmint.app.task;

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

    /**
     * The app's scheduler: one daemon thread shared by every debounced task (a task should only hand its work on
     * to a background executor).
     */
    static Scheduler daemon() {
        return Daemon.SCHEDULER;
    }

    /** Holds the shared scheduler, made on first use. */
    final class Daemon {
        private static final ScheduledExecutorService SERVICE = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "segmint-debounce");
            t.setDaemon(true);
            return t;
        });
        static final Scheduler SCHEDULER = (delay, task) -> {
            ScheduledFuture<?> future = SERVICE.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };

        private Daemon() {
        }
    }
}
