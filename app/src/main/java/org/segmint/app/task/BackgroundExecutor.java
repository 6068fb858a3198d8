package org.segmint.app.task;

import java.util.concurrent.Executor;

/**
 * Where background work runs and where its results are delivered. The desktop app runs work on a pool of
 * daemon threads and delivers on the JavaFX thread ({@link FxBackgroundExecutor}); view-model tests run
 * both on the calling thread ({@link SameThreadExecutor}) so that they need no toolkit and no waiting.
 */
public interface BackgroundExecutor {

    /** Runs {@code work} off the UI thread. */
    void runInBackground(Runnable work);

    /** Runs {@code action} on the UI thread (the only thread that may touch nodes and bound properties). */
    void runOnUi(Runnable action);

    /** Background work through {@code background}, results through {@code ui} (tests queue one or both). */
    static BackgroundExecutor of(Executor background, Executor ui) {
        return new BackgroundExecutor() {
            @Override
            public void runInBackground(Runnable work) {
                background.execute(work);
            }

            @Override
            public void runOnUi(Runnable action) {
                ui.execute(action);
            }
        };
    }
}
