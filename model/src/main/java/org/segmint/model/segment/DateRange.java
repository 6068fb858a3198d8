package org.segmint.model.segment;

import java.time.LocalDate;

/**
 * An inclusive range of calendar dates; a null end is open. Resolved windows and relative date
 * operators produce these, so every engine shares one reading of "the last 90 days".
 */
public record DateRange(LocalDate from, LocalDate to) {

    public static final DateRange ALL_TIME = new DateRange(null, null);

    public boolean contains(LocalDate date) {
        return date != null && (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    public boolean isAllTime() {
        return from == null && to == null;
    }

    /** The N units ending with {@code asOf}, both ends included: last 90 days as of 12-09 starts 09-11. */
    public static DateRange last(long amount, TimeUnit unit, LocalDate asOf) {
        return new DateRange(unit.plus(asOf, -amount).plusDays(1), asOf);
    }

    /** The N units starting with {@code asOf}, both ends included. */
    public static DateRange next(long amount, TimeUnit unit, LocalDate asOf) {
        return new DateRange(asOf, unit.plus(asOf, amount).minusDays(1));
    }
}
