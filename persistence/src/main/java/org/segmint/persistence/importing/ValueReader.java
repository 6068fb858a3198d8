package org.segmint.persistence.importing;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.segmint.model.catalog.FieldType;

/**
 * Turns the text of one field into the value stored for a column type (see docs/architecture.md):
 * text as given, integers as long, decimals as double, booleans as 0/1, dates as epoch days and
 * date-times as epoch seconds of the local date-time. An empty field is NULL. Numbers, booleans and
 * dates may be surrounded by spaces. A value that does not convert throws {@link BadValueException}
 * with the reason, which becomes a reject.
 */
final class ValueReader {
    /** Plain decimal notation; {@link Double#parseDouble} alone would also take "NaN", "0x1p3" or "1d". */
    static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");
    static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    /**
     * The largest decimal kept: beyond it doubles lose whole units, and sums over millions of rows must stay
     * finite, so 1e309 (Infinity) or 1e300 are rejects, not values.
     */
    static final double MAX_DECIMAL = 1e15;
    private static final int CACHE_LIMIT = 20_000;

    private final ColumnType type;
    // one matcher per reader, reset for each value: matching allocates nothing per row
    private final Matcher integer = INTEGER.matcher("");
    private final Matcher decimal = DECIMAL.matcher("");
    // Dates repeat a lot in transaction files; parsing each distinct text once makes date columns cheap.
    private final Map<String, Long> temporalCache = new HashMap<>();

    ValueReader(ColumnType type) {
        if (type.needsFormat()) {
            throw new IllegalArgumentException("date layout missing for " + type);
        }
        this.type = type;
    }

    ColumnType type() {
        return type;
    }

    /** The stored value for {@code text}: String, Long, Double or null. */
    Object read(String text) throws BadValueException {
        if (text == null || text.isEmpty()) {
            return null;
        }
        FieldType t = type.type();
        if (t == FieldType.TEXT) {
            if (text.indexOf('\0') >= 0) {
                // SQLite's text functions stop at a NUL, so such a value would match eq but not starts_with.
                throw new BadValueException("contains an invisible NUL character");
            }
            return text;
        }
        String v = text.strip();
        if (v.isEmpty()) {
            return null;
        }
        switch (t) {
            case INTEGER:
                return readInteger(v);
            case DECIMAL:
                if (!decimal.reset(v).matches()) {
                    throw new BadValueException("'" + v + "' is not a number");
                }
                double d = Double.parseDouble(v);
                if (!(Math.abs(d) <= MAX_DECIMAL)) {
                    throw new BadValueException("'" + v + "' is too large (numbers go up to 1,000,000,000,000,000)");
                }
                return d;
            case BOOLEAN:
                Boolean b = booleanValue(v);
                if (b == null) {
                    throw new BadValueException("'" + v + "' is not a yes/no value (true/false, yes/no, y/n, 1/0)");
                }
                return b ? 1L : 0L;
            default:
                return readTemporal(v);
        }
    }

    private Long readInteger(String v) throws BadValueException {
        if (integer.reset(v).matches()) {
            return Long.parseLong(v);
        }
        // spreadsheets write whole numbers as 12.0; a fraction is an error, not something to round away
        if (decimal.reset(v).matches()) {
            double d = Double.parseDouble(v);
            if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return (long) d;
            }
        }
        throw new BadValueException("'" + v + "' is not a whole number");
    }

    private Long readTemporal(String v) throws BadValueException {
        Long cached = temporalCache.get(v);
        if (cached != null) {
            return cached;
        }
        LocalDateTime dt;
        try {
            dt = type.format().parse(v);
        } catch (DateTimeParseException e) {
            String what = type.type() == FieldType.DATE ? "date" : "date-time";
            throw new BadValueException("'" + v + "' is not a " + what + " in the layout " + type.format().label());
        }
        long stored = type.type() == FieldType.DATE ? dt.toLocalDate().toEpochDay() : dt.toEpochSecond(ZoneOffset.UTC);
        if (temporalCache.size() < CACHE_LIMIT) {
            temporalCache.put(v, stored);
        }
        return stored;
    }

    /** true/false, yes/no, y/n, t/f and 1/0 in any case; null for anything else. */
    static Boolean booleanValue(String v) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "y":
            case "t":
            case "1":
                return Boolean.TRUE;
            case "false":
            case "no":
            case "n":
            case "f":
            case "0":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** A value that does not convert to its column's type; the message is the reject reason. */
    static final class BadValueException extends Exception {
        BadValueException(String message) {
            super(message, null, false, false);
        }
    }
}
