package org.segmint.model.segment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;

/** Calendar units of relative windows. Months and years follow the calendar (month ends clamp). */
public enum TimeUnit {
    DAYS("days"),
    WEEKS("weeks"),
    MONTHS("months"),
    YEARS("years");

    private final String jsonName;

    TimeUnit(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public LocalDate plus(LocalDate date, long amount) {
        switch (this) {
            case DAYS:
                return date.plusDays(amount);
            case WEEKS:
                return date.plusWeeks(amount);
            case MONTHS:
                return date.plusMonths(amount);
            default:
                return date.plusYears(amount);
        }
    }

    public LocalDateTime plus(LocalDateTime time, long amount) {
        switch (this) {
            case DAYS:
                return time.plusDays(amount);
            case WEEKS:
                return time.plusWeeks(amount);
            case MONTHS:
                return time.plusMonths(amount);
            default:
                return time.plusYears(amount);
        }
    }

    public static Optional<TimeUnit> fromJson(String name) {
        return Arrays.stream(values()).filter(u -> u.jsonName.equals(name)).findFirst();
    }
}
