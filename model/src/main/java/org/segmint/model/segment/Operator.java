package org.segmint.model.segment;

import java.util.Arrays;
import java.util.Optional;

/** Comparison operators of attribute conditions and of purchase/event measures. */
public enum Operator {
    EQ("eq", "equals", 1),
    NE("ne", "does not equal", 1),
    IN("in", "is one of", -1),
    NOT_IN("not_in", "is not one of", -1),
    IS_EMPTY("is_empty", "is empty", 0),
    IS_NOT_EMPTY("is_not_empty", "is not empty", 0),
    CONTAINS("contains", "contains", 1),
    NOT_CONTAINS("not_contains", "does not contain", 1),
    STARTS_WITH("starts_with", "starts with", 1),
    ENDS_WITH("ends_with", "ends with", 1),
    LT("lt", "is less than", 1),
    LTE("lte", "is at most", 1),
    GT("gt", "is more than", 1),
    GTE("gte", "is at least", 1),
    BETWEEN("between", "is between", 2),
    BEFORE("before", "is before", 1),
    AFTER("after", "is after", 1),
    ON("on", "is on", 1),
    IN_LAST("in_last", "is in the last", 1),
    IN_NEXT("in_next", "is in the next", 1),
    ANNIVERSARY_IN_NEXT("anniversary_in_next", "has its anniversary in the next", 1),
    IS_TRUE("is_true", "is true", 0),
    IS_FALSE("is_false", "is false", 0);

    private final String jsonName;
    private final String label;
    private final int arity;

    Operator(String jsonName, String label, int arity) {
        this.jsonName = jsonName;
        this.label = label;
        this.arity = arity;
    }

    /** The name used in segment files, e.g. {@code not_in}. */
    public String jsonName() {
        return jsonName;
    }

    /** Words for the editor, e.g. "is not one of". */
    public String label() {
        return label;
    }

    /** How many values the operator takes: 0, 1, 2, or -1 for a list of one or more. */
    public int arity() {
        return arity;
    }

    public static Optional<Operator> fromJson(String name) {
        return Arrays.stream(values()).filter(o -> o.jsonName.equals(name)).findFirst();
    }
}
