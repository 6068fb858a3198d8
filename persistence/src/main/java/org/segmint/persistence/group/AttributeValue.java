package org.segmint.persistence.group;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.segmint.model.catalog.Field;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * A value typed by a user for a customer attribute, converted to the attribute's stored form (see
 * docs/architecture.md: dates as days, datetimes as seconds, booleans as 0/1). Empty means "no value" (NULL).
 */
final class AttributeValue {
    private static final BigDecimal LIMIT = new BigDecimal("1e15");

    private AttributeValue() {
    }

    static Object of(Field field, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String t = text.strip();
        try {
            switch (field.type()) {
                case INTEGER:
                    return Long.parseLong(t);
                case DECIMAL:
                    BigDecimal d = new BigDecimal(t);
                    if (d.abs().compareTo(LIMIT) > 0) {
                        throw bad(field, text, "a number up to 10^15");
                    }
                    return d.doubleValue();
                case DATE:
                    return LocalDate.parse(t).toEpochDay();
                case DATETIME:
                    LocalDateTime dt = t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t);
                    return dt.toEpochSecond(ZoneOffset.UTC);
                case BOOLEAN:
                    return bool(field, text, t.toLowerCase(Locale.ROOT));
                default:
                    if (text.indexOf('\0') >= 0) {
                        throw new WorkspaceException(field.id() + ": a value may not contain a NUL character");
                    }
                    return text;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw bad(field, text, expected(field));
        }
    }

    private static long bool(Field field, String text, String t) {
        switch (t) {
            case "true":
            case "yes":
            case "1":
                return 1;
            case "false":
            case "no":
            case "0":
                return 0;
            default:
                throw bad(field, text, "true or false");
        }
    }

    private static String expected(Field field) {
        switch (field.type()) {
            case INTEGER:
                return "a whole number";
            case DECIMAL:
                return "a number";
            case DATE:
                return "a date like 2025-06-30";
            default:
                return "a date and time like 2025-06-30T14:00:00";
        }
    }

    private static WorkspaceException bad(Field field, String text, String expected) {
        return new WorkspaceException(field.id() + " (" + field.type().jsonName() + ") needs " + expected + ", not '"
                + text + "'");
    }
}
