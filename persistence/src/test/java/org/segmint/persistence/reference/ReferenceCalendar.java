package org.segmint.persistence.reference;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;

/**
 * Calendar arithmetic of the reference evaluator, written from the text of the format and not shared
 * with the engine: a disagreement about "the last 90 days" then shows up as a failing test instead of
 * being hidden by one shared helper.
 */
final class ReferenceCalendar {
    private static final long SECONDS_PER_DAY = 86_400;

    private ReferenceCalendar() {
    }

    /** An inclusive range of dates; a null end is open. */
    record Span(LocalDate from, LocalDate to) {
        static final Span ALL = new Span(null, null);

        boolean contains(LocalDate day) {
            if (from == null && to == null) {
                return true;
            }
            return day != null && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }
    }

    /** Adds calendar units; months and years clamp to the month end like {@link LocalDate#plusMonths}. */
    static LocalDate plus(LocalDate date, long amount, TimeUnit unit) {
        if (unit == TimeUnit.DAYS) {
            return date.plusDays(amount);
        }
        if (unit == TimeUnit.WEEKS) {
            return date.plusDays(7 * amount);
        }
        if (unit == TimeUnit.MONTHS) {
            return date.plusMonths(amount);
        }
        return date.plusYears(amount);
    }

    static LocalDateTime plus(LocalDateTime time, long amount, TimeUnit unit) {
        return plus(time.toLocalDate(), amount, unit).atTime(time.toLocalTime());
    }

    /** The N units ending with the as-of date, both ends included. */
    static Span last(long amount, TimeUnit unit, LocalDate asOf) {
        return new Span(plus(asOf, -amount, unit).plusDays(1), asOf);
    }

    /** The N units starting with the as-of date, both ends included. */
    static Span next(long amount, TimeUnit unit, LocalDate asOf) {
        return new Span(asOf, plus(asOf, amount, unit).minusDays(1));
    }

    /** A behaviour window: all time, the last N units, or fixed dates with optional ends. */
    static Span window(Window window, LocalDate asOf) {
        if (window == null) {
            return Span.ALL;
        }
        if (window.last() != null) {
            return last(window.last(), window.unit() == null ? TimeUnit.DAYS : window.unit(), asOf);
        }
        return new Span(window.from(), window.to());
    }

    /**
     * Whether the month-day of {@code date} falls on one of the N days starting with the as-of date: its
     * anniversary in each year the range touches is tested against the range. Feb 29 counts on Feb 28 in
     * years without a Feb 29.
     */
    static boolean anniversaryInNext(LocalDate date, long days, LocalDate asOf) {
        if (days <= 0) {
            return false;
        }
        Span range = new Span(asOf, asOf.plusDays(days - 1));
        for (int year = asOf.getYear(); year <= range.to().getYear(); year++) {
            boolean leapDay = date.getMonth() == Month.FEBRUARY && date.getDayOfMonth() == 29;
            LocalDate anniversary = leapDay && !java.time.Year.isLeap(year) ? LocalDate.of(year, 2, 28)
                    : LocalDate.of(year, date.getMonth(), date.getDayOfMonth());
            if (range.contains(anniversary)) {
                return true;
            }
        }
        return false;
    }

    /** The calendar date of a stored datetime (seconds since 1970-01-01T00:00, no zone). */
    static LocalDate dayOfSeconds(long seconds) {
        return LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    }

    static LocalDateTime timeOfSeconds(long seconds) {
        return LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC);
    }
}
