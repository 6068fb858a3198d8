package org.segmint.model.segment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Compares one attribute ({@code table.column}) with the operator and values. Values are kept as
 * written in the segment file: {@link String}, {@link BigDecimal} or {@link Boolean}; engines read
 * them according to the field's type in the catalog. {@code unit} is used by {@code in_last} and
 * {@code in_next}.
 */
public record AttributeCondition(String field, Operator op, List<Object> values, TimeUnit unit) implements Condition {

    public AttributeCondition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(op, "op");
        values = values == null ? List.of() : List.copyOf(values);
        for (Object v : values) {
            if (!(v instanceof String || v instanceof BigDecimal || v instanceof Boolean)) {
                throw new IllegalArgumentException("unsupported value " + v + " for " + field);
            }
        }
    }

    public static AttributeCondition of(String field, Operator op, Object... values) {
        return new AttributeCondition(field, op, List.of(values), null);
    }

    public AttributeCondition withUnit(TimeUnit newUnit) {
        return new AttributeCondition(field, op, values, newUnit);
    }

    /** The table part of {@code table.column}, or the whole field when it has no dot. */
    public String table() {
        int dot = field.indexOf('.');
        return dot < 0 ? "" : field.substring(0, dot);
    }

    /** The column part of {@code table.column}. */
    public String column() {
        int dot = field.indexOf('.');
        return dot < 0 ? field : field.substring(dot + 1);
    }

    @Override
    public <R> R accept(ConditionVisitor<R> visitor) {
        return visitor.visitAttribute(this);
    }
}
