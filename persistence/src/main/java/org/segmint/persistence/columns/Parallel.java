package org.segmint.persistence.columns;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntFunction;

/**
 * Loops over customer keys split into consecutive ranges, one per core, the calling thread taking the first:
 * the loops of the column engine are independent per customer, so two cores halve them. Small loops stay on
 * the calling thread.
 */
public final class Parallel {
    /** Below this many rows of work a loop is not split. */
    public static final int MIN_ROWS = 200_000;
    private static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /**
     * The helpers that run the other ranges. Not the common pool: on two cores it has one thread, and then
     * {@code CompletableFuture} does not use it but starts a new thread for every task (a tenth of a millisecond
     * each, several times per count). A fork-join pool, so that a loop split inside a task of {@link #each} (which
     * waits on its own pool) gets a spare thread instead of waiting for itself.
     */
    private static final ForkJoinPool HELPERS = new ForkJoinPool(Math.max(1, THREADS - 1), pool -> {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setName("segmint-columns-" + t.getPoolIndex());
        t.setDaemon(true);
        return t;
    }, null, false);

    private Parallel() {
    }

    /**
     * Runs independent tasks: the first on the calling thread, the others on the helper threads (on two cores: the
     * first alongside the rest). Returns when all are done; the first failure is thrown.
     */
    public static void each(List<Runnable> tasks) {
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int i = 1; i < tasks.size(); i++) {
            others.add(THREADS == 1 ? null : CompletableFuture.runAsync(tasks.get(i), HELPERS));
        }
        RuntimeException failure = null;
        try {
            if (!tasks.isEmpty()) {
                tasks.get(0).run();
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int i = 0; i < others.size(); i++) {
            try {
                if (others.get(i) == null) {
                    tasks.get(i + 1).run();
                } else {
                    others.get(i).join();
                }
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : e;
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Work on the keys {@code from .. to - 1}, returning its part of the result. */
    @FunctionalInterface
    public interface Part<T> {
        T run(int from, int to);
    }

    /**
     * Runs {@code part} over {@code 0 .. keys - 1} split into ranges (one when {@code rows} is small) and returns
     * the parts in key order.
     */
    public static <T> List<T> split(int keys, long rows, Part<T> part) {
        int n = rows < MIN_ROWS || keys < 2 * THREADS ? 1 : THREADS;
        List<T> results = new ArrayList<>(n);
        if (n == 1) {
            results.add(part.run(0, keys));
            return results;
        }
        IntFunction<Integer> bound = i -> (int) ((long) keys * i / n);
        List<CompletableFuture<T>> others = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            int from = bound.apply(i);
            int to = bound.apply(i + 1);
            others.add(CompletableFuture.supplyAsync(() -> part.run(from, to), HELPERS));
        }
        T first;
        try {
            first = part.run(0, bound.apply(1));
        } catch (RuntimeException | Error e) {
            others.forEach(f -> f.cancel(false));
            throw e;
        }
        results.add(first);
        for (CompletableFuture<T> f : others) {
            try {
                results.add(f.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
        return results;
    }
}
