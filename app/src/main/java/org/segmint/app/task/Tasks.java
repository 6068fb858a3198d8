package org.segmint.app.task;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.CancelledException;
import org.segmint.model.task.Progress;

/**
 * Fluent background tasks:
 * <pre>{@code
 * Tasks.create(ctx -> engine.members(definition, asOf, ctx.cancellation()))
 *      .onSuccess(members -> count.set(members.getCardinality()))
 *      .onError(dialogs::showError)
 *      .andFinally(() -> counting.set(false))
 *      .runOnce(executor);
 * }</pre>
 * The work runs through {@link BackgroundExecutor#runInBackground}; every callback runs through
 * {@link BackgroundExecutor#runOnUi}. Exactly one of success, error or cancelled runs, then finally.
 */
public final class Tasks<T> {
    private final Work<T> work;
    private Consumer<? super T> onSuccess = v -> { };
    private Consumer<? super Throwable> onError = e -> { };
    private Runnable onCancelled = () -> { };
    private Runnable andFinally = () -> { };
    private ProgressListener onProgress = (f, m) -> { };

    private Tasks(Work<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> Tasks<T> create(Work<T> work) {
        return new Tasks<>(work);
    }

    /** Work without a result. */
    public static Tasks<Void> createVoid(VoidWork work) {
        return new Tasks<>(ctx -> {
            work.run(ctx);
            return null;
        });
    }

    /** Work that returns nothing. */
    @FunctionalInterface
    public interface VoidWork {
        void run(TaskContext context) throws Exception;
    }

    public Tasks<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    public Tasks<T> onError(Consumer<? super Throwable> action) {
        this.onError = Objects.requireNonNull(action);
        return this;
    }

    public Tasks<T> onCancelled(Runnable action) {
        this.onCancelled = Objects.requireNonNull(action);
        return this;
    }

    public Tasks<T> onProgress(ProgressListener listener) {
        this.onProgress = Objects.requireNonNull(listener);
        return this;
    }

    public Tasks<T> andFinally(Runnable action) {
        this.andFinally = Objects.requireNonNull(action);
        return this;
    }

    /** Starts the work once and returns a handle to cancel it. */
    public TaskHandle runOnce(BackgroundExecutor executor) {
        Running running = new Running(executor);
        executor.runInBackground(running::execute);
        return running;
    }

    private final class Running implements TaskHandle, TaskContext {
        private final BackgroundExecutor executor;
        private final Cancellation cancellation = new Cancellation();
        private final AtomicBoolean done = new AtomicBoolean();
        private final AtomicReference<double[]> pendingFraction = new AtomicReference<>();
        private volatile String pendingMessage = "";
        private final Progress progress = this::report;

        Running(BackgroundExecutor executor) {
            this.executor = executor;
        }

        void execute() {
            T result;
            try {
                cancellation.throwIfCancelled();
                result = work.run(this);
                if (cancellation.isCancelled()) {
                    throw new CancelledException();
                }
            } catch (CancelledException e) {
                finish(onCancelled);
                return;
            } catch (Throwable e) {
                if (cancellation.isCancelled()) {
                    // a cancelled statement often fails with a driver error ("interrupted"): that is a cancel
                    finish(onCancelled);
                } else {
                    finish(() -> onError.accept(e));
                }
                return;
            }
            T value = result;
            finish(() -> {
                if (cancellation.isCancelled()) {
                    onCancelled.run();
                } else {
                    onSuccess.accept(value);
                }
            });
        }

        private void finish(Runnable outcome) {
            executor.runOnUi(() -> {
                try {
                    outcome.run();
                } finally {
                    done.set(true);
                    andFinally.run();
                }
            });
        }

        private void report(long doneUnits, long total, String message) {
            double fraction = total > 0 ? Math.min(1.0, (double) doneUnits / total) : -1;
            pendingMessage = message == null ? "" : message;
            // post only when no update is waiting: the UI thread always shows the latest value
            if (pendingFraction.getAndSet(new double[] {fraction}) == null) {
                executor.runOnUi(() -> {
                    double[] latest = pendingFraction.getAndSet(null);
                    if (latest != null && !done.get()) {
                        onProgress.progress(latest[0], pendingMessage);
                    }
                });
            }
        }

        @Override
        public Cancellation cancellation() {
            return cancellation;
        }

        @Override
        public Progress progress() {
            return progress;
        }

        @Override
        public void cancel() {
            cancellation.cancel();
        }

        @Override
        public boolean isCancelled() {
            return cancellation.isCancelled();
        }

        @Override
        public boolean isDone() {
            return done.get();
        }
    }
}
