package org.segmint.model.group;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * When a smart group is recalculated by itself: {@code manual} (never), {@code daily}, {@code weekly:MON} ..
 * {@code weekly:SUN}, {@code monthly:N} (day 1..28) or {@code yearly:MM-DD}.
 *
 * <p>A scheduled group is due when its last recalculation happened before the start (midnight, local time) of
 * the latest scheduled day on or before today. A group that was never recalculated is due as soon as it has a
 * schedule. On {@code yearly:02-29}, years without that day use 28 February.
 */
public record Schedule(Kind kind, DayOfWeek weekday, int dayOfMonth, MonthDay yearDay) {

    /** The kinds of schedule. */
    public enum Kind {
        MANUAL, DAILY, WEEKLY, MONTHLY, YEARLY
    }

    public static final Schedule MANUAL = new Schedule(Kind.MANUAL, null, 0, null);

    private static final String[] DAYS = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

    /**
     * Reads a schedule as typed by a user ({@code weekly:mon} and {@code Weekly:Mon} are accepted too).
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static Schedule parse(String text) {
        if (text == null || text.isBlank()) {
            return MANUAL;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String head = colon < 0 ? t : t.substring(0, colon);
        String arg = colon < 0 ? null : t.substring(colon + 1).strip();
        switch (head) {
            case "manual":
            case "daily":
                if (arg != null) {
                    break;
                }
                return head.equals("manual") ? MANUAL : new Schedule(Kind.DAILY, null, 0, null);
            case "weekly":
                for (int i = 0; i < DAYS.length; i++) {
                    if (DAYS[i].equalsIgnoreCase(arg)) {
                        return new Schedule(Kind.WEEKLY, DayOfWeek.of(i + 1), 0, null);
                    }
                }
                throw new IllegalArgumentException("schedule '" + text.strip() + "': the day of weekly must be one of"
                        + " MON, TUE, WED, THU, FRI, SAT, SUN (e.g. weekly:MON)");
            case "monthly":
                if (arg != null && arg.matches("\\d{1,2}")) {
                    int day = Integer.parseInt(arg);
                    if (day >= 1 && day <= 28) {
                        return new Schedule(Kind.MONTHLY, null, day, null);
                    }
                }
                throw new IllegalArgumentException("schedule '" + text.strip() + "': the day of monthly must be 1 to"
                        + " 28 (e.g. monthly:1)");
            case "yearly":
                if (arg != null && arg.matches("\\d{2}-\\d{2}")) {
                    try {
                        return new Schedule(Kind.YEARLY, null, 0, MonthDay.parse("--" + arg));
                    } catch (DateTimeParseException e) {
                        // falls through to the message below
                    }
                }
                throw new IllegalArgumentException("schedule '" + text.strip() + "': yearly needs a month and day"
                        + " as MM-DD (e.g. yearly:01-15)");
            default:
                break;
        }
        throw new IllegalArgumentException("unknown schedule '" + text.strip() + "' (use manual, daily, weekly:MON"
                + " .. weekly:SUN, monthly:N with N from 1 to 28, or yearly:MM-DD)");
    }

    /** The schedule as stored and shown: {@code manual}, {@code daily}, {@code weekly:MON}, ... */
    public String text() {
        switch (kind) {
            case DAILY:
                return "daily";
            case WEEKLY:
                return "weekly:" + DAYS[weekday.getValue() - 1];
            case MONTHLY:
                return "monthly:" + dayOfMonth;
            case YEARLY:
                return String.format("yearly:%02d-%02d", yearDay.getMonthValue(), yearDay.getDayOfMonth());
            default:
                return "manual";
        }
    }

    public boolean isManual() {
        return kind == Kind.MANUAL;
    }

    /** The latest scheduled day on or before {@code today}; empty for manual. */
    public Optional<LocalDate> latestOnOrBefore(LocalDate today) {
        switch (kind) {
            case DAILY:
                return Optional.of(today);
            case WEEKLY:
                int back = (today.getDayOfWeek().getValue() - weekday.getValue() + 7) % 7;
                return Optional.of(today.minusDays(back));
            case MONTHLY:
                LocalDate thisMonth = today.withDayOfMonth(dayOfMonth);
                return Optional.of(thisMonth.isAfter(today) ? thisMonth.minusMonths(1) : thisMonth);
            case YEARLY:
                LocalDate thisYear = yearDay.atYear(today.getYear());
                return Optional.of(thisYear.isAfter(today) ? yearDay.atYear(today.getYear() - 1) : thisYear);
            default:
                return Optional.empty();
        }
    }

    /** The first scheduled day after {@code today}; empty for manual. */
    public Optional<LocalDate> nextAfter(LocalDate today) {
        switch (kind) {
            case DAILY:
                return Optional.of(today.plusDays(1));
            case WEEKLY:
                int ahead = (weekday.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
                return Optional.of(today.plusDays(ahead == 0 ? 7 : ahead));
            case MONTHLY:
                LocalDate thisMonth = today.withDayOfMonth(dayOfMonth);
                return Optional.of(thisMonth.isAfter(today) ? thisMonth : thisMonth.plusMonths(1));
            case YEARLY:
                LocalDate thisYear = yearDay.atYear(today.getYear());
                return Optional.of(thisYear.isAfter(today) ? thisYear : yearDay.atYear(today.getYear() + 1));
            default:
                return Optional.empty();
        }
    }

    /**
     * Whether a group last recalculated at {@code last} (local time; null = never) is due at {@code now}.
     */
    public boolean isDue(LocalDateTime last, LocalDateTime now) {
        Optional<LocalDate> day = latestOnOrBefore(now.toLocalDate());
        if (day.isEmpty()) {
            return false;
        }
        return last == null || last.isBefore(day.get().atStartOfDay());
    }
}
