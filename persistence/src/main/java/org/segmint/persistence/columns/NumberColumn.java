package org.segmint.persistence.columns;

/**
 * Numbers, yes/no values (0/1), dates (days since 1970-01-01) and datetimes (seconds) as doubles, exactly as
 * stored (every value Segmint stores is within 10^15, so a double holds it exactly). {@code NaN} is empty (NULL
 * or {@code ''}); a value that is neither a number nor empty (text in a number column) is {@code +Infinity},
 * because SQLite sorts text after every number: it passes lower bounds and fails upper bounds and equality, as
 * in the SQL engine.
 */
public record NumberColumn(double[] values) implements Column {
    /** The value of text that is not a number. */
    public static final double NOT_A_NUMBER = Double.POSITIVE_INFINITY;

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public long bytes() {
        return 8L * values.length;
    }

    /** The stored value as this column holds it. */
    static double of(Object stored) {
        if (stored == null) {
            return Double.NaN;
        }
        if (stored instanceof Number n) {
            return n.doubleValue();
        }
        if (stored instanceof String s && s.isEmpty()) {
            return Double.NaN;
        }
        return NOT_A_NUMBER;
    }
}
