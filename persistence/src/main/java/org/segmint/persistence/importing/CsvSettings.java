package org.segmint.persistence.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;

/**
 * How a CSV file is read: delimiter, quote character, encoding (with or without a byte-order mark)
 * and whether the first row holds the column names. Detected by {@link CsvDetector}, shown in the
 * import dialog and editable there; every import reports the settings it used.
 *
 * @param delimiter the field separator: comma, semicolon, tab or pipe (any character works)
 * @param quote     the quote character, or {@code null} when fields are never quoted
 * @param encoding  UTF-8 or ISO-8859-1 (Latin-1)
 * @param bom       whether the file starts with a UTF-8 byte-order mark (skipped when reading)
 * @param header    whether the first row holds column names
 */
public record CsvSettings(char delimiter, Character quote, Charset encoding, boolean bom, boolean header) {

    /** Comma, double quotes, UTF-8 without BOM, with a header row: the RFC 4180 shape. */
    public static final CsvSettings DEFAULT = new CsvSettings(',', '"', StandardCharsets.UTF_8, false, true);

    public CsvSettings {
        Objects.requireNonNull(encoding, "encoding");
        if (quote != null && quote == delimiter) {
            throw new IllegalArgumentException("The quote character cannot be the delimiter");
        }
        if (bom && !StandardCharsets.UTF_8.equals(encoding)) {
            bom = false;
        }
    }

    public CsvSettings withDelimiter(char value) {
        return new CsvSettings(value, quote, encoding, bom, header);
    }

    public CsvSettings withQuote(Character value) {
        return new CsvSettings(delimiter, value, encoding, bom, header);
    }

    public CsvSettings withEncoding(Charset value) {
        return new CsvSettings(delimiter, quote, value, bom, header);
    }

    public CsvSettings withHeader(boolean value) {
        return new CsvSettings(delimiter, quote, encoding, bom, value);
    }

    /** The Commons CSV format for these settings: blank lines are skipped, fields are kept as written. */
    public CSVFormat format() {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setQuote(quote)
                .setIgnoreEmptyLines(true)
                .setRecordSeparator("\n")
                .build();
    }

    /** "comma", "semicolon", "tab", "pipe" or the character itself, for summaries and the dialog. */
    public String delimiterName() {
        switch (delimiter) {
            case ',':
                return "comma";
            case ';':
                return "semicolon";
            case '\t':
                return "tab";
            case '|':
                return "pipe";
            default:
                return String.valueOf(delimiter);
        }
    }

    /** "UTF-8", "UTF-8 with BOM" or "ISO-8859-1". */
    public String encodingName() {
        return encoding.name() + (bom ? " with BOM" : "");
    }

    /** Parses a delimiter as typed on the command line: a name or a single character. */
    public static char parseDelimiter(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty delimiter");
        }
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "comma":
                return ',';
            case "semicolon":
                return ';';
            case "tab":
            case "\\t":
                return '\t';
            case "pipe":
                return '|';
            default:
                if (text.length() != 1) {
                    throw new IllegalArgumentException("the delimiter must be one character or comma, semicolon, tab,"
                            + " pipe, not '" + text.replace("\n", "\\n").replace("\r", "\\r") + "'");
                }
                char c = text.charAt(0);
                if (c == '"' || c == '\n' || c == '\r' || Character.isLetterOrDigit(c) || Character.isISOControl(c)
                        && c != '\t') {
                    throw new IllegalArgumentException("a " + (Character.isLetterOrDigit(c) ? "letter or digit"
                            : c == '"' ? "quote" : "line break or control character")
                            + " cannot separate fields; use comma, semicolon, tab, pipe or another sign");
                }
                return c;
        }
    }

    /** Parses an encoding name: UTF-8 (also "utf8"), UTF-8-BOM, Latin-1 (also ISO-8859-1, latin1). */
    public static Charset parseEncoding(String text) {
        String t = text == null ? "" : text.toLowerCase(java.util.Locale.ROOT).replace("_", "-");
        switch (t) {
            case "utf-8":
            case "utf8":
            case "utf-8-bom":
            case "utf8-bom":
                return StandardCharsets.UTF_8;
            case "latin-1":
            case "latin1":
            case "iso-8859-1":
            case "iso8859-1":
                return StandardCharsets.ISO_8859_1;
            default:
                throw new IllegalArgumentException("the encoding must be UTF-8 or Latin-1, not '" + text + "'");
        }
    }
}
