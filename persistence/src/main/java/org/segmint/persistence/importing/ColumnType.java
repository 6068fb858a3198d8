package org.segmint.persistence.importing;

import java.util.Locale;
import java.util.Objects;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The type an imported column is read as: a field type and, for dates and date-times, the layout of
 * the values in the file. Written {@code date}, {@code date:MM/dd/yyyy}, {@code datetime:yyyy-MM-dd HH:mm:ss}.
 *
 * @param type   the stored type
 * @param format the layout of date and date-time values; {@code null} for other types, or when the
 *               layout is still to be inferred from the values
 */
public record ColumnType(FieldType type, TemporalFormat format) {

    public static final ColumnType TEXT = new ColumnType(FieldType.TEXT, null);
    public static final ColumnType INTEGER = new ColumnType(FieldType.INTEGER, null);
    public static final ColumnType DECIMAL = new ColumnType(FieldType.DECIMAL, null);
    public static final ColumnType BOOLEAN = new ColumnType(FieldType.BOOLEAN, null);

    public ColumnType {
        Objects.requireNonNull(type, "type");
        if (!type.isTemporal()) {
            format = null;
        }
    }

    public static ColumnType of(FieldType type) {
        return new ColumnType(type, null);
    }

    /** Whether the layout of temporal values is still unknown. */
    public boolean needsFormat() {
        return type.isTemporal() && format == null;
    }

    /** Parses {@code integer}, {@code date}, {@code date:dd/MM/yyyy}, ... as typed with {@code --type}. */
    public static ColumnType parse(String text) {
        String t = text == null ? "" : text.trim();
        int colon = t.indexOf(':');
        String name = colon < 0 ? t : t.substring(0, colon);
        FieldType type = FieldType.fromJson(name.toLowerCase(Locale.ROOT)).orElseThrow(() -> new WorkspaceException(
                "Unknown type '" + name + "': use text, integer, decimal, date, datetime or boolean"));
        if (colon < 0) {
            return of(type);
        }
        String layout = t.substring(colon + 1);
        TemporalFormat format = TemporalFormat.fromLabel(layout).filter(f -> type.isTemporal())
                .orElseThrow(() -> new WorkspaceException("Unknown layout '" + layout + "' for type " + name
                        + ": use one of " + layouts()));
        return new ColumnType(type, format);
    }

    private static String layouts() {
        StringBuilder sb = new StringBuilder();
        for (TemporalFormat f : TemporalFormat.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(f.label());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format == null ? type.jsonName() : type.jsonName() + ":" + format.label();
    }
}
