package org.segmint.app.task;

import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;

/**
 * What running work sees: its cancel flag (pass it on to the engine and importers) and a progress sink
 * whose updates reach the UI thread, coalesced so that a tight loop cannot flood it.
 */
public interface TaskContext {

    Cancellation cancellation();

    Progress progress();

    /** Throws {@link org.segmint.model.task.CancelledException} when the task was cancelled. */
    default void throwIfCancelled() {
        cancellation().throwIfCancelled();
    }
}
