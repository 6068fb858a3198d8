package org.segmint.model.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.Operator;

/**
 * How condition values (as written in segment files: text, JSON numbers, booleans) are read for a field
 * type, and which operators each type takes. Validation and the SQL compiler share these rules.
 */
public final class Values {
    public static final Set<Operator> ANY_TYPE = EnumSet.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN,
            Operator.IS_EMPTY, Operator.IS_NOT_EMPTY);
    public static final Set<Operator> TEXT_ONLY = EnumSet.of(Operator.CONTAINS, Operator.NOT_CONTAINS,
            Operator.STARTS_WITH, Operator.ENDS_WITH);
    public static final Set<Operator> NUMBER_ONLY = EnumSet.of(Operator.LT, Operator.LTE, Operator.GT, Operator.GTE);
    public static final Set<Operator> DATE_ONLY = EnumSet.of(Operator.BEFORE, Operator.AFTER, Operator.ON,
            Operator.IN_LAST, Operator.IN_NEXT, Operator.ANNIVERSARY_IN_NEXT);
    public static final Set<Operator> BOOLEAN_ONLY = EnumSet.of(Operator.IS_TRUE, Operator.IS_FALSE);

    private Values() {
    }

    /** Whether {@code op} applies to attributes of {@code type}. */
    public static boolean accepts(FieldType type, Operator op) {
        if (ANY_TYPE.contains(op)) {
            return true;
        }
        if (op == Operator.BETWEEN) {
            return type.isNumeric() || type.isTemporal();
        }
        if (TEXT_ONLY.contains(op)) {
            return type == FieldType.TEXT;
        }
        if (NUMBER_ONLY.contains(op)) {
            return type.isNumeric();
        }
        if (DATE_ONLY.contains(op)) {
            return type.isTemporal();
        }
        return BOOLEAN_ONLY.contains(op) && type == FieldType.BOOLEAN;
    }

    /** The kind of attribute an operator needs, for messages: "'contains' needs a text attribute". */
    public static String neededKind(Operator op) {
        if (TEXT_ONLY.contains(op)) {
            return "a text attribute";
        }
        if (NUMBER_ONLY.contains(op)) {
            return "a number attribute";
        }
        if (DATE_ONLY.contains(op)) {
            return "a date attribute";
        }
        if (op == Operator.BETWEEN) {
            return "a number or date attribute";
        }
        return "a yes/no attribute";
    }

    /** "a date", "a number", ... for messages. */
    public static String kindOf(FieldType type) {
        switch (type) {
            case TEXT:
                return "a text";
            case INTEGER:
            case DECIMAL:
                return "a number";
            case DATE:
                return "a date";
            case DATETIME:
                return "a date and time";
            default:
                return "a yes/no attribute";
        }
    }

    /**
     * The operator whose exact complement {@code op} is ({@code ne} is NOT {@code eq}), or null when
     * {@code op} is positive.
     */
    public static Operator positiveOf(Operator op) {
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

    /** A JSON number keeps its plain text on a text field; a boolean becomes "true"/"false". */
    public static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    public static Optional<BigDecimal> number(Object value) {
        if (value instanceof BigDecimal d) {
            return Optional.of(d);
        }
        if (value instanceof String s) {
            try {
                return Optional.of(new BigDecimal(s.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A number as the value SQLite compares best: a Long when whole, else a Double. */
    public static Object sqlNumber(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0 && s.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                && s.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
            return s.longValueExact();
        }
        return d.doubleValue();
    }

    /** An ISO date, or the date of an ISO date-time. */
    public static Optional<LocalDate> date(Object value) {
        if (!(value instanceof String s)) {
            return Optional.empty();
        }
        String t = s.trim();
        try {
            return Optional.of(LocalDate.parse(t));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(t).toLocalDate());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    public static Optional<Boolean> bool(Object value) {
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true")) {
                return Optional.of(true);
            }
            if (t.equals("false")) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }

    /** A whole, non-negative amount (of days, weeks, ...). */
    public static Optional<Long> amount(Object value) {
        Optional<BigDecimal> n = number(value);
        if (n.isEmpty() || n.get().signum() < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(n.get().longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
