package org.segmint.app.editor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.TimeUnit;

/** Which operators an attribute of each type offers, and the condition a newly dropped field starts as. */
public final class AttributeOperators {
    private static final List<Operator> TEXT = List.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN,
            Operator.CONTAINS, Operator.NOT_CONTAINS, Operator.STARTS_WITH, Operator.ENDS_WITH,
            Operator.IS_EMPTY, Operator.IS_NOT_EMPTY);
    private static final List<Operator> NUMBER = List.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LTE,
            Operator.GT, Operator.GTE, Operator.BETWEEN, Operator.IN, Operator.NOT_IN,
            Operator.IS_EMPTY, Operator.IS_NOT_EMPTY);
    private static final List<Operator> DATE = List.of(Operator.IN_LAST, Operator.IN_NEXT, Operator.BEFORE,
            Operator.AFTER, Operator.ON, Operator.BETWEEN, Operator.ANNIVERSARY_IN_NEXT,
            Operator.IS_EMPTY, Operator.IS_NOT_EMPTY);
    private static final List<Operator> BOOLEAN = List.of(Operator.IS_TRUE, Operator.IS_FALSE,
            Operator.IS_EMPTY, Operator.IS_NOT_EMPTY);

    private AttributeOperators() {
    }

    public static List<Operator> forType(FieldType type) {
        if (type == FieldType.TEXT) {
            return TEXT;
        }
        if (type.isNumeric()) {
            return NUMBER;
        }
        if (type.isTemporal()) {
            return DATE;
        }
        return BOOLEAN;
    }

    /**
     * A complete condition for a field just dropped into a group, so the count moves at once: text "is
     * not empty", numbers "more than 0", dates "in the last 90 days", booleans "is true".
     */
    public static AttributeCondition defaultCondition(Field field) {
        FieldType type = field.type();
        if (type == FieldType.TEXT) {
            return AttributeCondition.of(field.id(), Operator.IS_NOT_EMPTY);
        }
        if (type.isNumeric()) {
            return AttributeCondition.of(field.id(), Operator.GT, BigDecimal.ZERO);
        }
        if (type.isTemporal()) {
            return new AttributeCondition(field.id(), Operator.IN_LAST, List.of(BigDecimal.valueOf(90)),
                    TimeUnit.DAYS);
        }
        return AttributeCondition.of(field.id(), Operator.IS_TRUE);
    }

    /**
     * The condition with a new operator, keeping the values that still fit: as many as the operator takes
     * (a list keeps all), a unit only for relative date operators.
     */
    public static AttributeCondition withOperator(AttributeCondition condition, Operator op) {
        List<Object> values = new ArrayList<>(condition.values());
        boolean relative = op == Operator.IN_LAST || op == Operator.IN_NEXT || op == Operator.ANNIVERSARY_IN_NEXT;
        boolean wasRelative = isRelative(condition.op());
        if (relative != wasRelative) {
            values.clear();
        }
        if (op.arity() >= 0 && values.size() > op.arity()) {
            values = new ArrayList<>(values.subList(0, op.arity()));
        }
        if (op.arity() == 1 && values.size() > 1) {
            values = new ArrayList<>(values.subList(0, 1));
        }
        TimeUnit unit = op == Operator.IN_LAST || op == Operator.IN_NEXT
                ? (condition.unit() == null ? TimeUnit.DAYS : condition.unit()) : null;
        if (op == Operator.ANNIVERSARY_IN_NEXT) {
            unit = TimeUnit.DAYS;
        }
        return new AttributeCondition(condition.field(), op, values, unit);
    }

    public static boolean isRelative(Operator op) {
        return op == Operator.IN_LAST || op == Operator.IN_NEXT || op == Operator.ANNIVERSARY_IN_NEXT;
    }
}
