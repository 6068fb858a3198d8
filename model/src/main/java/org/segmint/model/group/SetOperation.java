package org.segmint.model.group;

import java.util.Arrays;
import java.util.Optional;
import org.roaringbitmap.RoaringBitmap;

/** A set operation of two groups (or a group and a segment) whose result is saved as a new static group. */
public enum SetOperation {
    /** In either. */
    UNION("union"),
    /** In both. */
    INTERSECTION("intersection"),
    /** In the first, not in the second. */
    DIFFERENCE("difference");

    private final String jsonName;

    SetOperation(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<SetOperation> fromJson(String name) {
        return Arrays.stream(values()).filter(o -> o.jsonName.equals(name)).findFirst();
    }

    /** The result as a new set; the operands are not modified. */
    public RoaringBitmap apply(RoaringBitmap first, RoaringBitmap second) {
        switch (this) {
            case UNION:
                return RoaringBitmap.or(first, second);
            case INTERSECTION:
                return RoaringBitmap.and(first, second);
            default:
                return RoaringBitmap.andNot(first, second);
        }
    }
}
