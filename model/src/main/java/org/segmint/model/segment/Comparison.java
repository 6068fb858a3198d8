package org.segmint.model.segment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A numeric test of a behaviour measure, e.g. "at least 3". A customer without matching orders or
 * events has the measure 0, so "fewer than 2 orders" includes customers who never ordered.
 */
public record Comparison(Operator op, List<BigDecimal> values) {

    /** The default of purchase and event conditions: at least one. */
    public static final Comparison AT_LEAST_ONE = new Comparison(Operator.GTE, List.of(BigDecimal.ONE));

    public static final List<Operator> OPERATORS =
            List.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LTE, Operator.GT, Operator.GTE, Operator.BETWEEN);

    public Comparison {
        Objects.requireNonNull(op, "op");
        values = List.copyOf(values);
    }

    public static Comparison of(Operator op, long... values) {
        return new Comparison(op, java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList());
    }

    /** Whether {@code measure} passes; a malformed comparison (wrong operator or value count) never does. */
    public boolean test(BigDecimal measure) {
        if (values.isEmpty()) {
            return false;
        }
        int c = measure.compareTo(values.get(0));
        switch (op) {
            case EQ:
                return c == 0;
            case NE:
                return c != 0;
            case LT:
                return c < 0;
            case LTE:
                return c <= 0;
            case GT:
                return c > 0;
            case GTE:
                return c >= 0;
            case BETWEEN:
                return values.size() == 2 && c >= 0 && measure.compareTo(values.get(1)) <= 0;
            default:
                return false;
        }
    }
}
