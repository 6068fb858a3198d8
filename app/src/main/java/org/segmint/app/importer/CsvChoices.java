package org.segmint.app.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.importing.ColumnType;
import org.segmint.persistence.importing.CsvSettings;
import org.segmint.persistence.importing.TemporalFormat;

/** The choices the import dialog offers for settings and types, with their labels. */
public final class CsvChoices {
    public static final List<String> DELIMITERS = List.of("Comma", "Semicolon", "Tab", "Pipe");
    public static final List<String> QUOTES = List.of("Double quote \"", "Single quote '", "None");
    public static final List<String> ENCODINGS = List.of("UTF-8", "UTF-8 with BOM", "Latin-1 (ISO-8859-1)");

    private CsvChoices() {
    }

    public static String delimiter(CsvSettings s) {
        switch (s.delimiter()) {
            case ';':
                return "Semicolon";
            case '\t':
                return "Tab";
            case '|':
                return "Pipe";
            default:
                return "Comma";
        }
    }

    public static char delimiter(String label) {
        switch (label) {
            case "Semicolon":
                return ';';
            case "Tab":
                return '\t';
            case "Pipe":
                return '|';
            default:
                return ',';
        }
    }

    public static String quote(CsvSettings s) {
        if (s.quote() == null) {
            return "None";
        }
        return s.quote() == '\'' ? "Single quote '" : "Double quote \"";
    }

    public static Character quote(String label) {
        if ("None".equals(label)) {
            return null;
        }
        return label.startsWith("Single") ? '\'' : '"';
    }

    public static String encoding(CsvSettings s) {
        if (!StandardCharsets.UTF_8.equals(s.encoding())) {
            return "Latin-1 (ISO-8859-1)";
        }
        return s.bom() ? "UTF-8 with BOM" : "UTF-8";
    }

    public static CsvSettings settings(String delimiter, String quote, String encoding, boolean header) {
        Charset charset = encoding.startsWith("Latin") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        return new CsvSettings(delimiter(delimiter), quote(quote), charset, encoding.endsWith("BOM"), header);
    }

    /** Every type a column can be read as, dates with each layout. */
    public static List<ColumnType> types() {
        List<ColumnType> types = new ArrayList<>(List.of(ColumnType.TEXT, ColumnType.INTEGER, ColumnType.DECIMAL,
                ColumnType.BOOLEAN));
        for (TemporalFormat f : TemporalFormat.values()) {
            types.add(new ColumnType(f.withTime() ? FieldType.DATETIME : FieldType.DATE, f));
        }
        return types;
    }

    /** "date (dd/MM/yyyy)", "decimal". */
    public static String typeLabel(ColumnType t) {
        if (t == null) {
            return "";
        }
        return t.format() == null ? t.type().jsonName() : t.type().jsonName() + " (" + t.format().label() + ")";
    }
}
