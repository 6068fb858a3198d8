package org.segmint.persistence.columns;

/**
 * The columns cannot serve: the workspace's data changed while columns of an older data version were being
 * read, or a stored column is damaged ({@link DamagedColumnsException}). Callers answer without the columns.
 */
public class StaleColumnsException extends RuntimeException {
    StaleColumnsException(long expected, long found) {
        super("the data changed (version " + expected + " -> " + found + ")");
    }

    StaleColumnsException(String message) {
        super(message);
    }
}
