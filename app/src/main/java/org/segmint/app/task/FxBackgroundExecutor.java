package org.segmint.app.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * Background work on a small pool of daemon threads, results on the JavaFX application thread. Daemon
 * threads so that a long import never keeps the process alive after the window closed.
 */
public final class FxBackgroundExecutor implements BackgroundExecutor, AutoCloseable {
    private final ExecutorService pool;

    public FxBackgroundExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "segmint-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public void runInBackground(Runnable work) {
        pool.execute(work);
    }

    @Override
    public void runOnUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
