package org.segmint.persistence.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.TimeUnit;

/**
 * Whether one stored value passes an attribute test. Negative operators are exactly the negation of
 * their positive twin, and positive operators never match an empty value (NULL or '').
 */
final class ReferenceValues {
    private ReferenceValues() {
    }

    /** The positive twin of a negative operator, or null when the operator is positive. */
    static Operator positiveTwin(Operator op) {
        switch (op) {
            case NE:
                return Operator.EQ;
            case NOT_IN:
                return Operator.IN;
            case NOT_CONTAINS:
                return Operator.CONTAINS;
            case IS_EMPTY:
                return Operator.IS_NOT_EMPTY;
            default:
                return null;
        }
    }

    static boolean isEmpty(Object stored) {
        return stored == null || "".equals(stored);
    }

    /** The test on one value (one customer's value, or one row's value inside a where). */
    static boolean holds(FieldType type, AttributeCondition a, Object stored, LocalDate asOf) {
        Operator twin = positiveTwin(a.op());
        if (twin != null) {
            return !positive(type, twin, a.values(), a.unit(), stored, asOf);
        }
        return positive(type, a.op(), a.values(), a.unit(), stored, asOf);
    }

    static boolean positive(FieldType type, Operator op, List<Object> values, TimeUnit unit, Object stored,
                            LocalDate asOf) {
        if (isEmpty(stored)) {
            return false;
        }
        if (op == Operator.IS_NOT_EMPTY) {
            return true;
        }
        switch (type) {
            case TEXT:
                return text(op, values, stored.toString());
            case INTEGER:
            case DECIMAL:
                return number(op, values, ((Number) stored).doubleValue());
            case DATE:
                return date(op, values, unit, LocalDate.ofEpochDay(((Number) stored).longValue()), asOf);
            case DATETIME:
                return date(op, values, unit, ReferenceCalendar.dayOfSeconds(((Number) stored).longValue()), asOf);
            default:
                return bool(op, values, ((Number) stored).longValue());
        }
    }

    private static boolean text(Operator op, List<Object> values, String s) {
        switch (op) {
            case EQ:
            case IN:
                return values.stream().anyMatch(v -> s.equals(v.toString()));
            case CONTAINS:
                return asciiLower(s).contains(asciiLower(first(values).toString()));
            case STARTS_WITH:
                return asciiLower(s).startsWith(asciiLower(first(values).toString()));
            case ENDS_WITH:
                return asciiLower(s).endsWith(asciiLower(first(values).toString()));
            default:
                throw new IllegalArgumentException(op + " is not a text operator");
        }
    }

    private static boolean number(Operator op, List<Object> values, double x) {
        switch (op) {
            case EQ:
            case IN:
                return values.stream().anyMatch(v -> x == number(v));
            case LT:
                return x < number(first(values));
            case LTE:
                return x <= number(first(values));
            case GT:
                return x > number(first(values));
            case GTE:
                return x >= number(first(values));
            case BETWEEN:
                return x >= number(values.get(0)) && x <= number(values.get(1));
            default:
                throw new IllegalArgumentException(op + " is not a number operator");
        }
    }

    private static boolean date(Operator op, List<Object> values, TimeUnit unit, LocalDate d, LocalDate asOf) {
        switch (op) {
            case EQ:
            case ON:
            case IN:
                return values.stream().anyMatch(v -> d.equals(date(v)));
            case BEFORE:
                return d.isBefore(date(first(values)));
            case AFTER:
                return d.isAfter(date(first(values)));
            case BETWEEN:
                return !d.isBefore(date(values.get(0))) && !d.isAfter(date(values.get(1)));
            case IN_LAST:
                return ReferenceCalendar.last(count(first(values)), unitOrDays(unit), asOf).contains(d);
            case IN_NEXT:
                return ReferenceCalendar.next(count(first(values)), unitOrDays(unit), asOf).contains(d);
            case ANNIVERSARY_IN_NEXT:
                return ReferenceCalendar.anniversaryInNext(d, count(first(values)), asOf);
            default:
                throw new IllegalArgumentException(op + " is not a date operator");
        }
    }

    private static boolean bool(Operator op, List<Object> values, long stored) {
        switch (op) {
            case IS_TRUE:
                return stored == 1;
            case IS_FALSE:
                return stored == 0;
            case EQ:
            case IN:
                return values.stream().anyMatch(v -> stored == (Boolean.TRUE.equals(v) ? 1 : 0));
            default:
                throw new IllegalArgumentException(op + " is not a boolean operator");
        }
    }

    private static Object first(List<Object> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("missing value");
        }
        return values.get(0);
    }

    static double number(Object v) {
        return v instanceof BigDecimal ? ((BigDecimal) v).doubleValue() : Double.parseDouble(v.toString());
    }

    private static long count(Object v) {
        return v instanceof BigDecimal ? ((BigDecimal) v).longValueExact() : Long.parseLong(v.toString());
    }

    private static LocalDate date(Object v) {
        return LocalDate.parse(v.toString());
    }

    private static TimeUnit unitOrDays(TimeUnit unit) {
        return unit == null ? TimeUnit.DAYS : unit;
    }

    /** Lower case of the ASCII letters only: 'Ä' stays 'Ä'. */
    static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch);
        }
        return b.toString();
    }

    /** A measure against a purchase or event comparison. */
    static boolean compare(Operator op, List<BigDecimal> values, double measure) {
        switch (op) {
            case EQ:
                return measure == values.get(0).doubleValue();
            case NE:
                return measure != values.get(0).doubleValue();
            case LT:
                return measure < values.get(0).doubleValue();
            case LTE:
                return measure <= values.get(0).doubleValue();
            case GT:
                return measure > values.get(0).doubleValue();
            case GTE:
                return measure >= values.get(0).doubleValue();
            case BETWEEN:
                return measure >= values.get(0).doubleValue() && measure <= values.get(1).doubleValue();
            default:
                throw new IllegalArgumentException(op + " is not a comparison");
        }
    }
}
