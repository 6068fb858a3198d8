package org.segmint.persistence.engine;

import org.segmint.model.validation.Validator;
import org.segmint.model.validation.Values;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.Anniversaries;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.TimeUnit;

/**
 * SQL predicates of attribute conditions on one column. Only positive operators are compiled here; the
 * negative ones ({@code ne}, {@code not_in}, {@code not_contains}, {@code is_empty}) are the exact
 * complement of their positive twin and are built by the caller. Every predicate evaluates to 1 only
 * for a non-empty value that satisfies it, and to 0 or NULL otherwise.
 */
final class Predicates {
    private static final long DAY = 86_400L;

    private Predicates() {
    }

    /**
     * The predicate of a positive operator. {@code column} is the quoted, qualified column expression.
     * The condition must be valid (see {@link Validator}).
     */
    static Sql positive(AttributeCondition a, Operator op, Field field, String column, LocalDate asOf) {
        FieldType type = field.type();
        if (op == Operator.IS_NOT_EMPTY) {
            return Sql.of("(" + column + " IS NOT NULL AND " + column + " <> '')");
        }
        if (type == FieldType.TEXT) {
            return text(a, op, column);
        }
        if (type.isNumeric()) {
            return number(a, op, column);
        }
        if (type == FieldType.BOOLEAN) {
            return bool(a, op, column);
        }
        return temporal(a, op, column, type == FieldType.DATETIME, asOf);
    }

    private static Sql text(AttributeCondition a, Operator op, String column) {
        List<Object> values = new ArrayList<>();
        for (Object v : a.values()) {
            String t = Values.text(v);
            // Positive operators never match an empty value, so an empty value in eq/in matches nothing.
            if (!t.isEmpty() || (op != Operator.EQ && op != Operator.IN)) {
                values.add(t);
            }
        }
        if (values.isEmpty()) {
            return Sql.of("0");
        }
        String first = (String) values.get(0);
        switch (op) {
            case EQ:
                return Sql.of(column + " = ").text(first);
            case IN:
                return Sql.of(column + " IN (").list(values).add(")");
            case CONTAINS:
                if (first.isEmpty()) {
                    return nonEmpty(column);
                }
                // instr, not LIKE: % and _ in the value are plain characters. lower() folds ASCII only.
                return Sql.of("instr(lower(" + column + "), lower(").text(first).add(")) > 0");
            case STARTS_WITH:
                if (first.isEmpty()) {
                    return nonEmpty(column);
                }
                return Sql.of("substr(lower(" + column + "), 1, length(").text(first).add(")) = lower(")
                        .text(first).add(")");
            case ENDS_WITH:
                if (first.isEmpty()) {
                    return nonEmpty(column);
                }
                return Sql.of("substr(lower(" + column + "), -length(").text(first).add(")) = lower(")
                        .text(first).add(")");
            default:
                throw new IllegalArgumentException(op.jsonName() + " on text");
        }
    }

    private static Sql nonEmpty(String column) {
        return Sql.of("(" + column + " IS NOT NULL AND " + column + " <> '')");
    }

    private static Sql number(AttributeCondition a, Operator op, String column) {
        List<Object> values = new ArrayList<>();
        for (Object v : a.values()) {
            values.add(Values.sqlNumber(Values.number(v).orElseThrow()));
        }
        // In SQLite any text, '' included, sorts after every number: keep empty text out of ranges.
        String guard = column + " <> '' AND ";
        switch (op) {
            case EQ:
                return Sql.of(column + " = ").value(values.get(0));
            case IN:
                return Sql.of(column + " IN (").list(values).add(")");
            case LT:
                return Sql.of("(" + guard + column + " < ").value(values.get(0)).add(")");
            case LTE:
                return Sql.of("(" + guard + column + " <= ").value(values.get(0)).add(")");
            case GT:
                return Sql.of("(" + guard + column + " > ").value(values.get(0)).add(")");
            case GTE:
                return Sql.of("(" + guard + column + " >= ").value(values.get(0)).add(")");
            case BETWEEN:
                return Sql.of("(" + guard + column + " BETWEEN ").value(values.get(0)).add(" AND ")
                        .value(values.get(1)).add(")");
            default:
                throw new IllegalArgumentException(op.jsonName() + " on a number");
        }
    }

    private static Sql bool(AttributeCondition a, Operator op, String column) {
        switch (op) {
            case IS_TRUE:
                return Sql.of(column + " = 1");
            case IS_FALSE:
                return Sql.of(column + " = 0");
            case EQ:
            case IN:
                List<Object> values = new ArrayList<>();
                for (Object v : a.values()) {
                    values.add(Values.bool(v).orElseThrow() ? 1L : 0L);
                }
                return Sql.of(column + " IN (").list(values).add(")");
            default:
                throw new IllegalArgumentException(op.jsonName() + " on yes/no");
        }
    }

    private static Sql temporal(AttributeCondition a, Operator op, String column, boolean datetime, LocalDate asOf) {
        List<LocalDate> dates = new ArrayList<>();
        if (op != Operator.IN_LAST && op != Operator.IN_NEXT && op != Operator.ANNIVERSARY_IN_NEXT) {
            for (Object v : a.values()) {
                dates.add(Values.date(v).orElseThrow());
            }
        }
        switch (op) {
            case EQ:
            case ON:
                return range(column, datetime, new DateRange(dates.get(0), dates.get(0)));
            case IN: {
                Sql sql = Sql.of("(");
                for (int i = 0; i < dates.size(); i++) {
                    sql.add(i == 0 ? "" : " OR ").add(range(column, datetime, new DateRange(dates.get(i), dates.get(i))));
                }
                return sql.add(")");
            }
            case BEFORE:
                // "Before 1 June" excludes 1 June; between is the operator that includes its ends.
                return range(column, datetime, new DateRange(null, dates.get(0).minusDays(1)));
            case AFTER:
                return range(column, datetime, new DateRange(dates.get(0).plusDays(1), null));
            case BETWEEN:
                return range(column, datetime, new DateRange(dates.get(0), dates.get(1)));
            case IN_LAST:
                return range(column, datetime,
                        DateRange.last(Values.amount(a.values().get(0)).orElseThrow(), unit(a), asOf));
            case IN_NEXT:
                return range(column, datetime,
                        DateRange.next(Values.amount(a.values().get(0)).orElseThrow(), unit(a), asOf));
            case ANNIVERSARY_IN_NEXT:
                return anniversary(column, datetime, Values.amount(a.values().get(0)).orElseThrow(), asOf);
            default:
                throw new IllegalArgumentException(op.jsonName() + " on a date");
        }
    }

    private static TimeUnit unit(AttributeCondition a) {
        return a.unit() == null ? TimeUnit.DAYS : a.unit();
    }

    /**
     * Dates within {@code r} (inclusive, open ends allowed). Datetimes are compared with the first and
     * last second of the range so the column stays usable by an index.
     */
    static Sql range(String column, boolean datetime, DateRange r) {
        if (r.from() != null && r.to() != null && r.from().isAfter(r.to())) {
            return Sql.of("0");
        }
        Sql sql = Sql.of("(" + column + " <> ''");
        if (r.from() != null) {
            sql.add(" AND " + column + " >= ");
            bound(sql, r.from(), datetime, false);
        }
        if (r.to() != null) {
            sql.add(" AND " + column + " <= ");
            bound(sql, r.to(), datetime, true);
        }
        if (r.isAllTime()) {
            sql.add(" AND " + column + " IS NOT NULL");
        }
        return sql.add(")");
    }

    private static void bound(Sql sql, LocalDate date, boolean datetime, boolean endOfDay) {
        if (!datetime) {
            sql.day(date);
        } else if (endOfDay) {
            sql.seconds((date.toEpochDay() + 1) * DAY - 1, date + " 23:59:59");
        } else {
            sql.seconds(date.toEpochDay() * DAY, date + " 00:00:00");
        }
    }

    private static Sql anniversary(String column, boolean datetime, long days, LocalDate asOf) {
        Set<String> monthDays = Anniversaries.monthDays(days, asOf);
        if (monthDays.isEmpty()) {
            return Sql.of("0");
        }
        String seconds = datetime ? column : column + " * 86400";
        return Sql.of("(" + column + " <> '' AND strftime('%m-%d', " + seconds + ", 'unixepoch') IN (")
                .list(new ArrayList<>(monthDays)).add("))");
    }
}
