package org.segmint.model.segment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The month-days of {@code anniversary_in_next N}: every engine matches a date whose month-day ({@code MM-dd}) is in
 * this set, so they share one reading of "a birthday in the next 14 days".
 */
public final class Anniversaries {
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private Anniversaries() {
    }

    /**
     * Month-days of the {@code days} days starting with {@code asOf}. A February 29 anniversary falls on February 28
     * in other years ({@link LocalDate#withYear}), so a window holding February 28 of a non-leap year also takes
     * 02-29. More than 366 days hold every month-day.
     */
    public static Set<String> monthDays(long days, LocalDate asOf) {
        Set<String> monthDays = new LinkedHashSet<>();
        for (long i = 0; i < Math.min(days, 366); i++) {
            LocalDate d = asOf.plusDays(i);
            monthDays.add(d.format(MONTH_DAY));
            if (d.getMonthValue() == 2 && d.getDayOfMonth() == 28 && !d.isLeapYear()) {
                monthDays.add("02-29");
            }
        }
        return monthDays;
    }
}
