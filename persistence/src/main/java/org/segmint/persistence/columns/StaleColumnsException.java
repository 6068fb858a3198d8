package org.segmint.persistence.columns;

/** The workspace's data changed while columns of an older data version were being read. */
public final class StaleColumnsException extends RuntimeException {
    StaleColumnsException(long expected, long found) {
        super("the data changed (version " + expected + " -> " + found + ")");
    }
}
