package org.segmint.persistence.columns;

/**
 * A stored column failed its checks (a missing part, a wrong length, a CRC that does not match): it is never
 * used; the set is dropped and the columns are read from the rows again. Handled wherever the data moving on
 * is ({@link StaleColumnsException}): the count falls back to what it would do without stored columns.
 */
public final class DamagedColumnsException extends StaleColumnsException {
    DamagedColumnsException(String what) {
        super("stored column " + what);
    }
}
