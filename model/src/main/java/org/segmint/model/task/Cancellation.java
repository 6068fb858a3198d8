package org.segmint.model.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancel flag shared between the code that asks for work and the code doing it. Work checks
 * {@link #throwIfCancelled()} between steps and may register a hook (for instance
 * {@code Statement::cancel}) to stop a step that is already running.
 */
public final class Cancellation {
    private volatile boolean cancelled;
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    /** A token that is never cancelled, for work nobody will stop. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled = true;
        for (Runnable hook : hooks) {
            hook.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /** Runs {@code hook} on cancel (at once if already cancelled); close the result to unregister. */
    public AutoCloseable onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }
}
