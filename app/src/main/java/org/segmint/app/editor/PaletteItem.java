package org.segmint.app.editor;

import org.segmint.model.catalog.Field;

/**
 * One thing the palette offers to drag into a group: a catalog field, or a behaviour (purchase, event,
 * sequence) or membership (segment, group, list) condition. {@code key} travels on the drag board.
 */
public record PaletteItem(String key, String label, String detail, Field field) {

    public static final String FIELD_PREFIX = "field:";
    public static final String PURCHASE = "behaviour:purchase";
    public static final String EVENT = "behaviour:event";
    public static final String SEQUENCE = "behaviour:sequence";
    public static final String IN_SEGMENT = "membership:segment";
    public static final String IN_GROUP = "membership:group";
    public static final String IN_LIST = "membership:list";

    public static PaletteItem of(Field field) {
        return new PaletteItem(FIELD_PREFIX + field.id(), field.label(), field.type().jsonName(), field);
    }

    public boolean isField() {
        return field != null;
    }
}
