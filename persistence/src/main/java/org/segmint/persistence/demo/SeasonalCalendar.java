package org.segmint.persistence.demo;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Draws order days with retail seasonality: November and December sell about twice as much per day as
 * the quiet first months of the year.
 */
final class SeasonalCalendar {
    /** Relative sales per day, January to December (the largest is the acceptance bound). */
    private static final int[] MONTH_WEIGHTS = {80, 75, 85, 90, 95, 90, 95, 95, 90, 100, 160, 190};
    private static final int MAX_WEIGHT = 190;

    private final int firstDay;
    private final byte[] weightIndex;

    SeasonalCalendar(int firstDay, int lastDay) {
        this.firstDay = firstDay;
        this.weightIndex = new byte[lastDay - firstDay + 1];
        for (int d = firstDay; d <= lastDay; d++) {
            weightIndex[d - firstDay] = (byte) (LocalDate.ofEpochDay(d).getMonthValue() - 1);
        }
    }

    /** A day in {@code from..to} (epoch days, inclusive, inside the calendar), weighted by season. */
    int randomDay(SplittableRandom rng, int from, int to) {
        int day = from;
        for (int attempt = 0; attempt < 32; attempt++) {
            day = from + rng.nextInt(to - from + 1);
            if (rng.nextInt(MAX_WEIGHT) < MONTH_WEIGHTS[weightIndex[day - firstDay]]) {
                return day;
            }
        }
        return day;
    }
}
