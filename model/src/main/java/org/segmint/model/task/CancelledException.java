package org.segmint.model.task;

/** Thrown by long work that noticed its {@link Cancellation} was cancelled. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("Cancelled");
    }
}
