package org.segmint.persistence.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.Anniversaries;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.validation.Values;
import org.segmint.persistence.columns.Column;
import org.segmint.persistence.columns.NumberColumn;
import org.segmint.persistence.columns.TextColumn;

/**
 * The test of a positive attribute operator on one stored value, as the SQL of {@link Predicates} reads it,
 * for the column engine: on text, which dictionary entries pass; on numbers, dates and yes/no values, which
 * doubles pass (ranges with the same bounds as the SQL; {@code NaN}, the empty value, never passes).
 */
abstract class ValueTest {
    private static final long DAY = 86_400L;
    /** Days of 0000-01-01 and 9999-12-31: SQLite's date functions give NULL outside. */
    private static final long FIRST_DAY = -719_528L;
    private static final long LAST_DAY = 2_932_896L;

    /** Whether a text value passes. */
    abstract boolean text(String value);

    /** Whether a number (or date, datetime, yes/no) value passes. */
    abstract boolean number(double value);

    /** For a text column: which codes pass. */
    boolean[] accepted(TextColumn column) {
        String[] dictionary = column.dictionary();
        boolean[] accepted = new boolean[dictionary.length];
        for (int i = 0; i < dictionary.length; i++) {
            accepted[i] = text(dictionary[i]);
        }
        return accepted;
    }

    /** The compiled test of {@code a} with its positive operator {@code op} on a field of {@code type}. */
    static ValueTest of(AttributeCondition a, Operator op, FieldType type, LocalDate asOf) {
        if (op == Operator.IS_NOT_EMPTY) {
            return new NotEmpty();
        }
        if (type == FieldType.TEXT) {
            return text(a, op);
        }
        if (type.isNumeric()) {
            return number(a, op);
        }
        if (type == FieldType.BOOLEAN) {
            return bool(a, op);
        }
        return temporal(a, op, type == FieldType.DATETIME, asOf);
    }

    /** A row passes a column's test at {@code row}. */
    interface Row {
        boolean test(int row);
    }

    /** This test on one column (codes checked against the accepted dictionary entries). */
    Row on(Column column) {
        if (column instanceof TextColumn t) {
            boolean[] accepted = accepted(t);
            int[] codes = t.codes();
            return row -> {
                int c = codes[row];
                return c >= 0 && accepted[c];
            };
        }
        double[] values = ((NumberColumn) column).values();
        return row -> number(values[row]);
    }

    private static final class NotEmpty extends ValueTest {
        @Override
        boolean text(String value) {
            return !value.isEmpty();
        }

        @Override
        boolean number(double value) {
            return !Double.isNaN(value);
        }
    }

    private static ValueTest text(AttributeCondition a, Operator op) {
        List<String> values = new ArrayList<>();
        for (Object v : a.values()) {
            String t = Values.text(v);
            if (!t.isEmpty() || (op != Operator.EQ && op != Operator.IN)) {
                values.add(t);
            }
        }
        String first = values.isEmpty() ? null : asciiLower(values.get(0));
        return new ValueTest() {
            @Override
            boolean text(String s) {
                if (values.isEmpty() || s.isEmpty()) {
                    return false;
                }
                switch (op) {
                    case EQ:
                    case IN:
                        return values.contains(s);
                    case CONTAINS:
                        return asciiLower(s).contains(first);
                    case STARTS_WITH:
                        return asciiLower(s).startsWith(first);
                    case ENDS_WITH:
                        return asciiLower(s).endsWith(first);
                    default:
                        return false;
                }
            }

            @Override
            boolean number(double value) {
                return false;
            }
        };
    }

    /** SQLite's {@code lower()}: ASCII letters only. */
    static String asciiLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    /** Passes values inside any of the closed ranges [low[i], high[i]]. */
    private static final class Ranges extends ValueTest {
        private final double[] low;
        private final double[] high;

        Ranges(double[] low, double[] high) {
            this.low = low;
            this.high = high;
        }

        static Ranges one(double low, double high) {
            return new Ranges(new double[] {low}, new double[] {high});
        }

        @Override
        boolean text(String value) {
            return false;
        }

        @Override
        boolean number(double v) {
            for (int i = 0; i < low.length; i++) {
                if (v >= low[i] && v <= high[i]) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final double UP = Double.POSITIVE_INFINITY;
    private static final double DOWN = Double.NEGATIVE_INFINITY;

    private static ValueTest number(AttributeCondition a, Operator op) {
        double[] values = new double[a.values().size()];
        for (int i = 0; i < values.length; i++) {
            Object n = Values.sqlNumber(Values.number(a.values().get(i)).orElseThrow());
            values[i] = ((Number) n).doubleValue();
        }
        double first = values[0];
        switch (op) {
            case EQ:
            case IN:
                return new Ranges(finite(values), finite(values));
            case LT:
                return Ranges.one(DOWN, Math.nextDown(first));
            case LTE:
                return Ranges.one(DOWN, first);
            case GT:
                return Ranges.one(Math.nextUp(first), UP);
            case GTE:
                return Ranges.one(first, UP);
            case BETWEEN:
                // Text (+Infinity) passes the lower bound and fails the upper one, as in SQLite.
                return Ranges.one(first, values[1] == UP ? Math.nextDown(UP) : values[1]);
            default:
                throw new IllegalArgumentException(op.jsonName() + " on a number");
        }
    }

    /** Equality with +Infinity (text in a number column) never holds in SQL, so points stay finite. */
    private static double[] finite(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == UP) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    private static ValueTest bool(AttributeCondition a, Operator op) {
        switch (op) {
            case IS_TRUE:
                return Ranges.one(1, 1);
            case IS_FALSE:
                return Ranges.one(0, 0);
            case EQ:
            case IN: {
                double[] values = new double[a.values().size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Values.bool(a.values().get(i)).orElseThrow() ? 1 : 0;
                }
                return new Ranges(values, values);
            }
            default:
                throw new IllegalArgumentException(op.jsonName() + " on yes/no");
        }
    }

    private static ValueTest temporal(AttributeCondition a, Operator op, boolean datetime, LocalDate asOf) {
        List<LocalDate> dates = new ArrayList<>();
        if (op != Operator.IN_LAST && op != Operator.IN_NEXT && op != Operator.ANNIVERSARY_IN_NEXT) {
            for (Object v : a.values()) {
                dates.add(Values.date(v).orElseThrow());
            }
        }
        switch (op) {
            case EQ:
            case ON:
                return range(new DateRange(dates.get(0), dates.get(0)), datetime);
            case IN: {
                double[] low = new double[dates.size()];
                double[] high = new double[dates.size()];
                for (int i = 0; i < low.length; i++) {
                    Ranges r = range(new DateRange(dates.get(i), dates.get(i)), datetime);
                    low[i] = r.low[0];
                    high[i] = r.high[0];
                }
                return new Ranges(low, high);
            }
            case BEFORE:
                return range(new DateRange(null, dates.get(0).minusDays(1)), datetime);
            case AFTER:
                return range(new DateRange(dates.get(0).plusDays(1), null), datetime);
            case BETWEEN:
                return range(new DateRange(dates.get(0), dates.get(1)), datetime);
            case IN_LAST:
                return range(DateRange.last(Values.amount(a.values().get(0)).orElseThrow(), unit(a), asOf), datetime);
            case IN_NEXT:
                return range(DateRange.next(Values.amount(a.values().get(0)).orElseThrow(), unit(a), asOf), datetime);
            case ANNIVERSARY_IN_NEXT:
                return anniversary(Anniversaries.monthDays(Values.amount(a.values().get(0)).orElseThrow(), asOf),
                        datetime);
            default:
                throw new IllegalArgumentException(op.jsonName() + " on a date");
        }
    }

    private static TimeUnit unit(AttributeCondition a) {
        return a.unit() == null ? TimeUnit.DAYS : a.unit();
    }

    /** The dates of {@code r} as stored: days, or the first and last second of those days. */
    static Ranges range(DateRange r, boolean datetime) {
        if (r.from() != null && r.to() != null && r.from().isAfter(r.to())) {
            return new Ranges(new double[0], new double[0]);
        }
        double low = r.from() == null ? DOWN : datetime ? r.from().toEpochDay() * DAY : r.from().toEpochDay();
        double high = r.to() == null ? UP : datetime ? (r.to().toEpochDay() + 1) * DAY - 1 : r.to().toEpochDay();
        return Ranges.one(low, high);
    }

    private static ValueTest anniversary(Set<String> monthDays, boolean datetime) {
        boolean[][] accepted = new boolean[13][32];
        for (String md : monthDays) {
            accepted[Integer.parseInt(md.substring(0, 2))][Integer.parseInt(md.substring(3, 5))] = true;
        }
        return new ValueTest() {
            @Override
            boolean text(String value) {
                return false;
            }

            @Override
            boolean number(double v) {
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    return false;
                }
                long day = datetime ? Math.floorDiv((long) Math.floor(v), DAY) : (long) Math.floor(v);
                if (day < FIRST_DAY || day > LAST_DAY) {
                    return false;
                }
                LocalDate d = LocalDate.ofEpochDay(day);
                return accepted[d.getMonthValue()][d.getDayOfMonth()];
            }
        };
    }

    @Override
    public String toString() {
        return getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
