package org.segmint.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.segmint.model.task.CancelledException;

class TasksTest {
    private final SameThreadExecutor executor = new SameThreadExecutor();

    @Test
    void successRunsBeforeFinally() {
        List<String> calls = new ArrayList<>();
        TaskHandle handle = Tasks.create(ctx -> 41 + 1)
                .onSuccess(v -> calls.add("success " + v))
                .onError(e -> calls.add("error"))
                .andFinally(() -> calls.add("finally"))
                .runOnce(executor);
        assertEquals(List.of("success 42", "finally"), calls);
        assertTrue(handle.isDone());
    }

    @Test
    void failureGoesToOnErrorOnly() {
        List<String> calls = new ArrayList<>();
        Tasks.create(ctx -> {
            throw new IllegalStateException("boom");
        }).onSuccess(v -> calls.add("success")).onError(e -> calls.add("error " + e.getMessage()))
                .andFinally(() -> calls.add("finally")).runOnce(executor);
        assertEquals(List.of("error boom", "finally"), calls);
    }

    @Test
    void workThatNoticesCancellationEndsInOnCancelled() {
        List<String> calls = new ArrayList<>();
        Tasks.create(ctx -> {
            ctx.cancellation().cancel();
            ctx.throwIfCancelled();
            return 1;
        }).onSuccess(v -> calls.add("success")).onError(e -> calls.add("error"))
                .onCancelled(() -> calls.add("cancelled")).andFinally(() -> calls.add("finally")).runOnce(executor);
        assertEquals(List.of("cancelled", "finally"), calls);
    }

    @Test
    void driverErrorAfterCancelIsReportedAsCancelNotError() {
        List<String> calls = new ArrayList<>();
        Tasks.create(ctx -> {
            ctx.cancellation().cancel();
            throw new java.sql.SQLException("interrupted");
        }).onError(e -> calls.add("error")).onCancelled(() -> calls.add("cancelled")).runOnce(executor);
        assertEquals(List.of("cancelled"), calls);
    }

    @Test
    void progressReachesListenerAsFraction() {
        List<String> seen = new ArrayList<>();
        Tasks.createVoid(ctx -> {
            ctx.progress().update(1, 4, "reading");
            ctx.progress().update(5, -1, "counting");
        }).onProgress((f, m) -> seen.add(f + " " + m)).runOnce(executor);
        assertEquals(List.of("0.25 reading", "-1.0 counting"), seen);
    }

    @Test
    void latestTaskCancelsTheRunningOneWhenANewOneStarts() throws Exception {
        // a real pool: the first task blocks until cancelled, the second completes
        QueueExecutor queue = new QueueExecutor();
        LatestTask latest = new LatestTask();
        List<String> calls = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        TaskHandle first = latest.run(Tasks.create(ctx -> {
            started.countDown();
            while (!ctx.cancellation().isCancelled()) {
                Thread.sleep(5);
            }
            throw new CancelledException();
        }).onSuccess(v -> calls.add("first")).onCancelled(() -> calls.add("first cancelled")), queue);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        TaskHandle second = latest.run(Tasks.create(ctx -> "two").onSuccess(v -> calls.add("second " + v)), queue);
        queue.drainUntilDone(first, second);
        assertTrue(first.isCancelled());
        assertFalse(second.isCancelled());
        assertEquals(List.of("first cancelled", "second two"), calls.stream().sorted().toList());
    }

    /** Work on fresh threads, UI callbacks queued and run by the test thread. */
    private static final class QueueExecutor implements BackgroundExecutor {
        private final java.util.concurrent.LinkedBlockingQueue<Runnable> ui =
                new java.util.concurrent.LinkedBlockingQueue<>();

        @Override
        public void runInBackground(Runnable work) {
            Thread t = new Thread(work);
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void runOnUi(Runnable action) {
            ui.add(action);
        }

        void drainUntilDone(TaskHandle... handles) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Runnable r = ui.poll(50, TimeUnit.MILLISECONDS);
                if (r != null) {
                    r.run();
                }
                boolean all = true;
                for (TaskHandle h : handles) {
                    all &= h.isDone();
                }
                if (all) {
                    return;
                }
            }
            throw new AssertionError("tasks did not finish");
        }
    }
}
