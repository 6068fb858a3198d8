package org.segmint.app.shell;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers and times read on screen: "12,345", "3 min ago", "2026-11-23 14:05". */
public final class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    public static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    /** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", else the date. */
    public static String ago(Instant time, Instant now) {
        if (time == null) {
            return "";
        }
        Duration d = Duration.between(time, now);
        if (d.isNegative() || d.toSeconds() < 60) {
            return "just now";
        }
        if (d.toMinutes() < 60) {
            return d.toMinutes() + " min ago";
        }
        if (d.toHours() < 24) {
            return d.toHours() + " h ago";
        }
        if (d.toDays() < 2) {
            return "yesterday";
        }
        if (d.toDays() < 14) {
            return d.toDays() + " days ago";
        }
        return DATE_TIME.format(time).substring(0, 10);
    }

    public static String dateTime(Instant time) {
        return time == null ? "" : DATE_TIME.format(time);
    }
}
