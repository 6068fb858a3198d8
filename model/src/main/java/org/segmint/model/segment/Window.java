package org.segmint.model.segment;

import java.time.LocalDate;

/**
 * The time window of a behaviour condition: all time, the last N units up to the as-of date, or a
 * fixed range of dates (either end may be open).
 */
public record Window(Integer last, TimeUnit unit, LocalDate from, LocalDate to) {

    public static final Window ALL_TIME = new Window(null, null, null, null);

    public Window {
        if (last != null && unit == null) {
            unit = TimeUnit.DAYS;
        }
    }

    public static Window last(int amount, TimeUnit unit) {
        return new Window(amount, unit, null, null);
    }

    public static Window between(LocalDate from, LocalDate to) {
        return new Window(null, null, from, to);
    }

    public boolean isRelative() {
        return last != null;
    }

    public boolean isAllTime() {
        return last == null && from == null && to == null;
    }

    public DateRange resolve(LocalDate asOf) {
        if (last != null) {
            return DateRange.last(last, unit, asOf);
        }
        return new DateRange(from, to);
    }
}
