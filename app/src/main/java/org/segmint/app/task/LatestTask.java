package org.segmint.app.task;

/**
 * Keeps at most one task of a kind running: starting a new one cancels the one before (a count that an
 * edit made obsolete, a preview for settings the user already changed again).
 */
public final class LatestTask {
    private TaskHandle current;

    /** Cancels the previous task, if any, and starts this one. Call on the UI thread. */
    public <T> TaskHandle run(Tasks<T> task, BackgroundExecutor executor) {
        cancel();
        current = task.runOnce(executor);
        return current;
    }

    public void cancel() {
        if (current != null && !current.isDone()) {
            current.cancel();
        }
        current = null;
    }

    public boolean isRunning() {
        return current != null && !current.isDone();
    }
}
