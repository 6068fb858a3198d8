package org.segmint.persistence.columns;

/**
 * The rows of {@code events} that belong to a customer, sorted by customer key and time (events without a time
 * first): what event and sequence conditions look at.
 *
 * @param layout       where each customer's events are
 * @param type         the event type as a code into {@code types}; {@link TextColumn#NULL} when empty
 * @param types        the distinct event types
 * @param time         seconds since 1970-01-01T00:00, {@link #NO_TIME} when empty
 * @param regularTimes whether every time is a whole number of seconds or empty; when not, time windows are
 *                     left to the SQL engine
 */
public record EventRows(RowLayout layout, int[] type, String[] types, long[] time, boolean regularTimes) {
    public static final long NO_TIME = Long.MIN_VALUE;

    /** The code of an event type, or {@link TextColumn#NULL} when no event has it. */
    public int code(String eventType) {
        for (int i = 0; i < types.length; i++) {
            if (types[i].equals(eventType)) {
                return i;
            }
        }
        return TextColumn.NULL;
    }

    public long bytes() {
        return 4L * layout.keys() + 12L * type.length;
    }

    /** Empty events (no customer keys). */
    static EventRows none() {
        return new EventRows(new RowLayout(new int[1]), new int[0], new String[0], new long[0], true);
    }
}
