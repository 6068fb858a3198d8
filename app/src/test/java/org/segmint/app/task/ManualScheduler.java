package org.segmint.app.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A scheduler driven by the test: time moves only when {@link #advance} is called. */
public final class ManualScheduler implements Scheduler {
    private final class Task implements Scheduled {
        final long due;
        final Runnable work;
        boolean cancelled;

        Task(long due, Runnable work) {
            this.due = due;
            this.work = work;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now;

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        Task t = new Task(now + delay.toMillis(), task);
        tasks.add(t);
        return t;
    }

    public void advance(long millis) {
        now += millis;
        List<Task> due = tasks.stream().filter(t -> t.due <= now).toList();
        tasks.removeAll(due);
        for (Task t : due) {
            if (!t.cancelled) {
                t.work.run();
            }
        }
    }

    public long waiting() {
        return tasks.stream().filter(t -> !t.cancelled).count();
    }
}
