package org.segmint.app.task;

/** Receives progress on the UI thread: {@code fraction} in 0..1, or -1 when the total is unknown. */
@FunctionalInterface
public interface ProgressListener {
    void progress(double fraction, String message);
}
