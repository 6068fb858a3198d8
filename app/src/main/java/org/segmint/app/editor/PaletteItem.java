package org.segmint.app.editor;

import org.segmint.model.catalog.Field;
import org.segmint.model.segment.ConditionKind;

/**
 * One thing the palette offers to drag into a group: a catalog field, or a behaviour (purchase, event,
 * sequence) or membership (segment, group, list) condition. {@code key} travels on the drag board.
 */
public record PaletteItem(String key, String label, String detail, Field field) {

    public static final String FIELD_PREFIX = "field:";
    public static final String KIND_PREFIX = "condition:";
    public static final String PURCHASE = keyOf(ConditionKind.PURCHASE);
    public static final String EVENT = keyOf(ConditionKind.EVENT);
    public static final String SEQUENCE = keyOf(ConditionKind.SEQUENCE);
    public static final String IN_SEGMENT = keyOf(ConditionKind.SEGMENT);
    public static final String IN_GROUP = keyOf(ConditionKind.GROUP);
    public static final String IN_LIST = keyOf(ConditionKind.LIST);

    /** The drag key of a condition kind the palette offers. */
    public static String keyOf(ConditionKind kind) {
        return KIND_PREFIX + kind.jsonName();
    }

    /** The condition kind of a drag key, when it names one. */
    public static java.util.Optional<ConditionKind> kindOf(String key) {
        return key.startsWith(KIND_PREFIX) ? ConditionKind.fromJson(key.substring(KIND_PREFIX.length()))
                : java.util.Optional.empty();
    }

    public static PaletteItem of(Field field) {
        return new PaletteItem(FIELD_PREFIX + field.id(), field.label(), field.type().jsonName(), field);
    }

    public boolean isField() {
        return field != null;
    }
}
