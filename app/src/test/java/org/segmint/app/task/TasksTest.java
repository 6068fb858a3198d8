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
        latest.run(Tasks.create(ctx -> {
            started.countDown();
            while (!ctx.cancellation().isCancelled()) {
                Thread.sleep(5);
            }
            throw new CancelledException();
        }).onSuccess(v -> calls.add("first")).onCancelled(() -> calls.add("first cancelled")), queue);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        latest.run(Tasks.create(ctx -> "two").onSuccess(v -> calls.add("second " + v)), queue);
        queue.drainUntil(() -> calls.size() == 2);
        assertFalse(latest.isRunning());
        assertEquals(List.of("first cancelled", "second two"), calls.stream().sorted().toList());
    }

    @Test
    void aDebouncedTaskStartsOnceAfterTheLastRequestAndOnlyTheNewestDelivers() {
        ManualScheduler clock = new ManualScheduler();
        java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();
        BackgroundExecutor executor = BackgroundExecutor.of(background::add, Runnable::run);
        LatestTask latest = LatestTask.debounced(clock, java.time.Duration.ofMillis(250));
        List<String> delivered = new ArrayList<>();
        for (String edit : List.of("a", "ab", "abc")) {
            latest.run(Tasks.create(ctx -> edit).onSuccess(delivered::add), executor);
            clock.advance(100);
        }
        assertTrue(background.isEmpty(), "nothing starts while requests keep coming");
        clock.advance(150);
        assertEquals(1, background.size(), "one run, for the last request");
        assertTrue(latest.isRunning());
        latest.run(Tasks.create(ctx -> "abcd").onSuccess(delivered::add), executor);
        background.poll().run();
        assertEquals(List.of(), delivered, "a run superseded while it ran delivers nothing");
        clock.advance(250);
        background.poll().run();
        assertEquals(List.of("abcd"), delivered);
        latest.run(Tasks.create(ctx -> "gone").onSuccess(delivered::add), executor);
        latest.cancel();
        clock.advance(1_000);
        assertTrue(background.isEmpty(), "a cancelled wait never starts");
        assertFalse(latest.isRunning());
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

        void drainUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Runnable r = ui.poll(50, TimeUnit.MILLISECONDS);
                if (r != null) {
                    r.run();
                }
                if (done.getAsBoolean()) {
                    return;
                }
            }
            throw new AssertionError("tasks did not finish");
        }
    }
}
