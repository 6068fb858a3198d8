package org.segmint.persistence.importing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The date and date-time layouts an import recognises. Each has a cheap shape check (so that text
 * values are turned down without an exception) and a strict java.time formatter that does the real
 * parsing and validation (no 31 February). Date-time layouts accept a value without a time, which
 * means midnight; the time is {@code H:mm}, optionally with seconds (and, in ISO values, a fraction);
 * ISO date-times may separate date and time with a space or a {@code T}.
 */
public enum TemporalFormat {
    ISO_DATE("yyyy-MM-dd", false, "\\d{4}-\\d{2}-\\d{2}", "uuuu-MM-dd"),
    DAY_MONTH_YEAR("dd/MM/yyyy", false, "\\d{1,2}/\\d{1,2}/\\d{4}", "d/M/uuuu"),
    MONTH_DAY_YEAR("MM/dd/yyyy", false, "\\d{1,2}/\\d{1,2}/\\d{4}", "M/d/uuuu"),
    ISO_DATETIME("yyyy-MM-dd HH:mm:ss", true, "\\d{4}-\\d{2}-\\d{2}([ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?",
            "uuuu-MM-dd"),
    DAY_MONTH_YEAR_TIME("dd/MM/yyyy HH:mm:ss", true, "\\d{1,2}/\\d{1,2}/\\d{4}( \\d{1,2}:\\d{2}(:\\d{2})?)?",
            "d/M/uuuu"),
    MONTH_DAY_YEAR_TIME("MM/dd/yyyy HH:mm:ss", true, "\\d{1,2}/\\d{1,2}/\\d{4}( \\d{1,2}:\\d{2}(:\\d{2})?)?",
            "M/d/uuuu");

    private final String label;
    private final boolean withTime;
    private final Pattern shape;
    private final DateTimeFormatter formatter;

    TemporalFormat(String label, boolean withTime, String shape, String datePattern) {
        this.label = label;
        this.withTime = withTime;
        this.shape = Pattern.compile(shape);
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().appendPattern(datePattern);
        if (withTime) {
            // ISO values may separate the time with 'T' or a space; the shape check allows only one of them
            for (String separator : List.of(" ", "T")) {
                b.optionalStart().appendLiteral(separator).appendPattern("H:mm")
                        .optionalStart().appendPattern(":ss")
                        .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
                        .optionalEnd().optionalEnd().optionalEnd();
            }
        }
        this.formatter = b.toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /** The layout as users write it, e.g. {@code dd/MM/yyyy}; also accepted by {@link #fromLabel}. */
    public String label() {
        return label;
    }

    /** Whether values may carry a time of day (date-time layouts). */
    public boolean withTime() {
        return withTime;
    }

    /** Whether {@code text} is a valid value in this layout. */
    public boolean accepts(String text) {
        if (!shape.matcher(text).matches()) {
            return false;
        }
        try {
            formatter.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Parses a value; a value without a time is midnight. */
    public LocalDateTime parse(String text) {
        if (!shape.matcher(text).matches()) {
            throw new DateTimeParseException("not in the layout " + label, text, 0);
        }
        TemporalAccessor t = formatter.parse(text);
        LocalDate date = LocalDate.from(t);
        LocalTime time = t.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(t) : LocalTime.MIDNIGHT;
        return date.atTime(time);
    }

    /**
     * The layout named {@code label} as printed by {@link #label()}, ignoring case; a {@code T} between
     * date and time and a missing {@code :ss} are accepted too ({@code yyyy-MM-ddTHH:mm}).
     */
    public static Optional<TemporalFormat> fromLabel(String label) {
        String wanted = simplify(label);
        for (TemporalFormat f : values()) {
            if (simplify(f.label).equals(wanted)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static String simplify(String label) {
        return label == null ? "" : label.trim().toLowerCase(Locale.ROOT).replace("dt", "d ").replace(":ss", "");
    }
}
