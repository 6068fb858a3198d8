package org.segmint.spark.plan;

import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.translate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.Anniversaries;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.validation.Values;

/**
 * Spark predicates of attribute conditions on one value, the same as the desktop's SQL predicates (docs/engine.md,
 * "Semantics"). Only positive operators are built here: each is true only for a non-empty value that satisfies it
 * (false or null otherwise); the negative ones are their exact complements, built by the caller as
 * {@code NOT coalesce(positive, false)}. Every user value enters the plan as a literal.
 */
public final class ValuePredicates {
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

    private ValuePredicates() {
    }

    /** The predicate of a positive operator on value {@code v} of a field of type {@code type}. */
    public static Column positive(AttributeCondition a, Operator op, FieldType type, Column v, LocalDate asOf) {
        if (op == Operator.IS_NOT_EMPTY) {
            return nonEmpty(type, v);
        }
        if (type == FieldType.TEXT) {
            return text(a, op, v);
        }
        if (type.isNumeric()) {
            return number(a, op, v);
        }
        if (type == FieldType.BOOLEAN) {
            return bool(a, op, v);
        }
        return temporal(a, op, v, type == FieldType.DATETIME, asOf);
    }

    /** Not NULL, and for text not {@code ''}. */
    public static Column nonEmpty(FieldType type, Column v) {
        return type == FieldType.TEXT ? v.isNotNull().and(v.notEqual(lit(""))) : v.isNotNull();
    }

    private static Column text(AttributeCondition a, Operator op, Column v) {
        List<String> values = new ArrayList<>();
        for (Object value : a.values()) {
            String t = Values.text(value);
            // Positive operators never match an empty value, so an empty value in eq/in matches nothing.
            if (!t.isEmpty() || (op != Operator.EQ && op != Operator.IN)) {
                values.add(t);
            }
        }
        if (values.isEmpty()) {
            return lit(false);
        }
        String first = values.get(0);
        switch (op) {
            case EQ:
                return v.equalTo(lit(first));
            case IN:
                return v.isin(values.toArray());
            case CONTAINS:
                return first.isEmpty() ? nonEmpty(FieldType.TEXT, v) : asciiLower(v).contains(lit(asciiLower(first)));
            case STARTS_WITH:
                return first.isEmpty() ? nonEmpty(FieldType.TEXT, v)
                        : asciiLower(v).startsWith(lit(asciiLower(first)));
            case ENDS_WITH:
                return first.isEmpty() ? nonEmpty(FieldType.TEXT, v) : asciiLower(v).endsWith(lit(asciiLower(first)));
            default:
                throw new IllegalArgumentException(op.jsonName() + " on text");
        }
    }

    /** Folds only the ASCII letters, as the desktop's SQL does ("É" stays "É"). */
    static Column asciiLower(Column v) {
        return translate(v, UPPER, LOWER);
    }

    static String asciiLower(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return sb.toString();
    }

    private static Column number(AttributeCondition a, Operator op, Column v) {
        List<Object> values = new ArrayList<>();
        for (Object value : a.values()) {
            values.add(Values.sqlNumber(Values.number(value).orElseThrow()));
        }
        Object first = values.get(0);
        switch (op) {
            case EQ:
                return v.equalTo(lit(first));
            case IN:
                return v.isin(values.toArray());
            case LT:
                return v.lt(lit(first));
            case LTE:
                return v.leq(lit(first));
            case GT:
                return v.gt(lit(first));
            case GTE:
                return v.geq(lit(first));
            case BETWEEN:
                return v.geq(lit(first)).and(v.leq(lit(values.get(1))));
            default:
                throw new IllegalArgumentException(op.jsonName() + " on a number");
        }
    }

    private static Column bool(AttributeCondition a, Operator op, Column v) {
        switch (op) {
            case IS_TRUE:
                return v.equalTo(lit(true));
            case IS_FALSE:
                return v.equalTo(lit(false));
            case EQ:
            case IN:
                return v.isin(a.values().stream().map(x -> Values.bool(x).orElseThrow()).toArray());
            default:
                throw new IllegalArgumentException(op.jsonName() + " on yes/no");
        }
    }

    private static Column temporal(AttributeCondition a, Operator op, Column v, boolean datetime, LocalDate asOf) {
        List<LocalDate> dates = new ArrayList<>();
        if (op != Operator.IN_LAST && op != Operator.IN_NEXT && op != Operator.ANNIVERSARY_IN_NEXT) {
            for (Object value : a.values()) {
                dates.add(Values.date(value).orElseThrow());
            }
        }
        TimeUnit unit = a.unit() == null ? TimeUnit.DAYS : a.unit();
        switch (op) {
            case EQ:
            case ON:
                return dateRange(v, datetime, new DateRange(dates.get(0), dates.get(0)));
            case IN: {
                Column any = lit(false);
                for (LocalDate d : dates) {
                    any = any.or(dateRange(v, datetime, new DateRange(d, d)));
                }
                return any;
            }
            case BEFORE:
                // "Before 1 June" excludes 1 June; between is the operator that includes its ends.
                return dateRange(v, datetime, new DateRange(null, dates.get(0).minusDays(1)));
            case AFTER:
                return dateRange(v, datetime, new DateRange(dates.get(0).plusDays(1), null));
            case BETWEEN:
                return dateRange(v, datetime, new DateRange(dates.get(0), dates.get(1)));
            case IN_LAST:
                return dateRange(v, datetime, DateRange.last(Values.amount(a.values().get(0)).orElseThrow(), unit, asOf));
            case IN_NEXT:
                return dateRange(v, datetime, DateRange.next(Values.amount(a.values().get(0)).orElseThrow(), unit, asOf));
            case ANNIVERSARY_IN_NEXT: {
                long days = Values.amount(a.values().get(0)).orElseThrow();
                Object[] monthDays = Anniversaries.monthDays(days, asOf).toArray();
                if (monthDays.length == 0) {
                    return lit(false);
                }
                return date_format(datetime ? to_date(v) : v, "MM-dd").isin(monthDays);
            }
            default:
                throw new IllegalArgumentException(op.jsonName() + " on a date");
        }
    }

    /**
     * Dates within {@code r} (both ends included, open ends allowed); a datetime counts by its date. Datetimes are
     * compared with the first moment of the range and the first moment after it, so file formats can skip row
     * groups outside the range.
     */
    public static Column dateRange(Column v, boolean datetime, DateRange r) {
        if (r.from() != null && r.to() != null && r.from().isAfter(r.to())) {
            return lit(false);
        }
        Column c = v.isNotNull();
        if (r.from() != null) {
            c = c.and(v.geq(datetime ? lit(r.from().atStartOfDay()) : lit(r.from())));
        }
        if (r.to() != null) {
            c = c.and(datetime ? v.lt(lit(r.to().plusDays(1).atStartOfDay())) : v.leq(lit(r.to())));
        }
        return c;
    }
}
