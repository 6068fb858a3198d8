package org.segmint.persistence.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A piece of SQL text with its values kept apart. The engine runs {@link #text()} with the values bound
 * ({@link #bind}); "View SQL" prints {@link #inline()}, the same statement with the values written as
 * literals for reading. Only identifiers from the catalog, quoted, ever go into the text itself.
 */
final class Sql {
    /** A bound value: Long, Double or String, with an optional comment for the inlined form. */
    private record Param(Object value, String comment) {
    }

    private final List<Object> parts = new ArrayList<>();

    static Sql of(String text) {
        return new Sql().add(text);
    }

    Sql add(String text) {
        if (!text.isEmpty()) {
            parts.add(text);
        }
        return this;
    }

    Sql add(Sql other) {
        parts.addAll(other.parts);
        return this;
    }

    /** A text value. */
    Sql text(String value) {
        parts.add(new Param(value, null));
        return this;
    }

    Sql number(long value) {
        parts.add(new Param(value, null));
        return this;
    }

    Sql number(double value) {
        parts.add(new Param(value, null));
        return this;
    }

    /** An epoch day, printed with the date as a comment in the inlined form. */
    Sql day(LocalDate date) {
        parts.add(new Param(date.toEpochDay(), date.toString()));
        return this;
    }

    /** Epoch seconds, printed with a comment in the inlined form. */
    Sql seconds(long value, String comment) {
        parts.add(new Param(value, comment));
        return this;
    }

    Sql value(Object value) {
        if (value instanceof Long l) {
            return number(l);
        } else if (value instanceof Double d) {
            return number(d);
        } else if (value instanceof LocalDate d) {
            return day(d);
        }
        return text(value.toString());
    }

    /** The values separated by commas, e.g. for {@code IN (...)}. */
    Sql list(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                add(", ");
            }
            value(values.get(i));
        }
        return this;
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The statement with {@code ?} placeholders. */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            sb.append(p instanceof Param ? "?" : (String) p);
        }
        return sb.toString();
    }

    /** The statement with literal values, for reading. */
    String inline() {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof Param param) {
                sb.append(literal(param.value()));
                if (param.comment() != null) {
                    sb.append(" /* ").append(param.comment().replace("*/", "* /")).append(" */");
                }
            } else {
                sb.append((String) p);
            }
        }
        return sb.toString();
    }

    void bind(PreparedStatement statement) throws SQLException {
        int i = 1;
        for (Object p : parts) {
            if (p instanceof Param param) {
                Object v = param.value();
                if (v instanceof Long l) {
                    statement.setLong(i, l);
                } else if (v instanceof Double d) {
                    statement.setDouble(i, d);
                } else {
                    statement.setString(i, (String) v);
                }
                i++;
            }
        }
    }

    static String literal(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return java.math.BigDecimal.valueOf(d).toPlainString();
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return inline();
    }
}
