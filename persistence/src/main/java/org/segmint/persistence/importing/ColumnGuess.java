package org.segmint.persistence.importing;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.segmint.model.catalog.FieldType;

/**
 * Infers the type of one source column from its values. Every candidate type that some non-empty
 * value fails is dropped, so the inferred type reads every value of the column and inference never
 * creates rejects. Preference among the survivors: boolean, integer, decimal, date, date-time, text.
 * Day-first and month-first dates are told apart by a part above 12; when every value fits both,
 * day-first wins (see docs/import.md). Integers with a leading zero ({@code 007}) stay text: they are
 * codes, and reading them as numbers would lose the zeros.
 */
final class ColumnGuess {
    /** Date layouts in order of preference. */
    static final List<TemporalFormat> DATE_LAYOUTS =
            List.of(TemporalFormat.ISO_DATE, TemporalFormat.DAY_MONTH_YEAR, TemporalFormat.MONTH_DAY_YEAR);
    /** Date-time layouts in order of preference; they also read plain dates (midnight). */
    static final List<TemporalFormat> DATETIME_LAYOUTS = List.of(TemporalFormat.ISO_DATETIME,
            TemporalFormat.DAY_MONTH_YEAR_TIME, TemporalFormat.MONTH_DAY_YEAR_TIME);

    private final boolean layoutOnly;
    private long nonEmpty;
    private boolean maybeBoolean = true;
    private boolean maybeInteger = true;
    private boolean maybeDecimal = true;
    private final Map<TemporalFormat, Long> accepted = new EnumMap<>(TemporalFormat.class);

    /**
     * @param layoutOnly true when the column's type is already fixed as a date or date-time and only the
     *                   layout of its values is wanted (then invalid values are rejects, not a reason to
     *                   fall back to text)
     */
    ColumnGuess(boolean layoutOnly) {
        this.layoutOnly = layoutOnly;
        for (TemporalFormat f : TemporalFormat.values()) {
            if (!layoutOnly || f.withTime()) {
                accepted.put(f, 0L);
            }
        }
    }

    void offer(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        String v = raw.strip();
        if (v.isEmpty()) {
            return;
        }
        nonEmpty++;
        if (!layoutOnly) {
            maybeBoolean = maybeBoolean && isBooleanWord(v);
            boolean leadingZero = v.length() > 1 && (v.charAt(0) == '0' && Character.isDigit(v.charAt(1))
                    || v.length() > 2 && (v.charAt(0) == '-' || v.charAt(0) == '+') && v.charAt(1) == '0'
                    && Character.isDigit(v.charAt(2)));
            maybeInteger = maybeInteger && !leadingZero && ValueReader.INTEGER.matcher(v).matches();
            maybeDecimal = maybeDecimal && !leadingZero && ValueReader.DECIMAL.matcher(v).matches();
        }
        for (Map.Entry<TemporalFormat, Long> e : accepted.entrySet()) {
            long n = e.getValue();
            // a layout that already failed once can only win a layout-only guess, which counts hits
            if ((layoutOnly || n == nonEmpty - 1) && e.getKey().accepts(v)) {
                e.setValue(n + 1);
            }
        }
    }

    /** Whether more values cannot change the answer. */
    boolean settled() {
        long full = accepted.values().stream().filter(n -> n == nonEmpty).count();
        if (layoutOnly) {
            return nonEmpty > 0 && full == 1 || nonEmpty >= 10_000 && full == 0;
        }
        return nonEmpty > 0 && !maybeBoolean && !maybeInteger && !maybeDecimal && full == 0;
    }

    /** The inferred type of the column; text when it has no non-empty value. */
    ColumnType type() {
        if (nonEmpty == 0) {
            return ColumnType.TEXT;
        }
        if (maybeBoolean) {
            return ColumnType.BOOLEAN;
        }
        if (maybeInteger) {
            return ColumnType.INTEGER;
        }
        if (maybeDecimal) {
            return ColumnType.DECIMAL;
        }
        for (TemporalFormat f : DATE_LAYOUTS) {
            if (accepted.get(f) == nonEmpty) {
                return new ColumnType(FieldType.DATE, f);
            }
        }
        for (TemporalFormat f : DATETIME_LAYOUTS) {
            if (accepted.get(f) == nonEmpty) {
                return new ColumnType(FieldType.DATETIME, f);
            }
        }
        return ColumnType.TEXT;
    }

    /**
     * The layout to read this column as a date or date-time: the preferred layout that reads every
     * value, else the one that reads the most (the others become rejects).
     */
    TemporalFormat layout() {
        TemporalFormat best = TemporalFormat.ISO_DATETIME;
        long bestCount = -1;
        for (TemporalFormat f : DATETIME_LAYOUTS) {
            long n = accepted.get(f);
            if (n > bestCount) {
                best = f;
                bestCount = n;
            }
        }
        return best;
    }

    private static boolean isBooleanWord(String v) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true":
            case "false":
            case "yes":
            case "no":
            case "y":
            case "n":
            case "t":
            case "f":
                return true;
            default:
                return false;
        }
    }
}
