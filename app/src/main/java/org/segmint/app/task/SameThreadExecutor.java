package org.segmint.app.task;

/** Runs work and its callbacks at once on the calling thread: for view-model tests and the command line. */
public final class SameThreadExecutor implements BackgroundExecutor {

    @Override
    public void runInBackground(Runnable work) {
        work.run();
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }
}
