package org.segmint.app.task;

/** A started task: cancel it, or ask whether it has finished (its callbacks have run). */
public interface TaskHandle {

    /** Asks the work to stop; its {@code onCancelled} callback runs instead of {@code onSuccess}/{@code onError}. */
    void cancel();

    boolean isCancelled();

    /** True once the final callbacks ran on the UI thread. */
    boolean isDone();
}
