package org.segmint.persistence.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Detects how a CSV file is written, from its first {@value #SAMPLE_BYTES} bytes: the encoding (a
 * byte-order mark means UTF-8 with BOM; bytes that are not valid UTF-8 mean Latin-1; else UTF-8),
 * the delimiter (comma, semicolon, tab or pipe: the one that splits the sample rows into the same
 * number of fields, more than one), the quote character and whether the first row is a header.
 */
public final class CsvDetector {
    static final int SAMPLE_BYTES = 1 << 20;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final int SAMPLE_ROWS = 200;

    private CsvDetector() {
    }

    /** The settings that read {@code file}; a missing or unreadable file is a one-line error. */
    public static CsvSettings detect(Path file) {
        byte[] sample = readSample(file);
        boolean bom = sample.length >= 3 && (sample[0] & 0xff) == 0xEF && (sample[1] & 0xff) == 0xBB
                && (sample[2] & 0xff) == 0xBF;
        int start = bom ? 3 : 0;
        Charset encoding = bom || isUtf8(sample, start, sample.length - start, sample.length == SAMPLE_BYTES)
                ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        String text = new String(sample, start, sample.length - start, encoding);
        if (sample.length == SAMPLE_BYTES) {
            // the sample ends mid-row: keep whole lines only
            int cut = text.lastIndexOf('\n');
            text = cut > 0 ? text.substring(0, cut + 1) : text;
        }
        char delimiter = ',';
        Character quote = '"';
        double bestScore = -1;
        for (Character q : quoteCandidates(text)) {
            for (char d : DELIMITERS) {
                double score = score(text, new CsvSettings(d, q, encoding, bom, false));
                if (score > bestScore) {
                    bestScore = score;
                    delimiter = d;
                    quote = q;
                }
            }
        }
        CsvSettings noHeader = new CsvSettings(delimiter, quote, encoding, bom, false);
        return noHeader.withHeader(hasHeader(parse(text, noHeader)));
    }

    /**
     * The first {@code rows} data rows of {@code file} read with {@code settings}, with each column's
     * type inferred from the first {@code sampleRows} rows (the import itself infers over the whole file).
     */
    public static CsvPreview preview(Path file, CsvSettings settings, int rows, int sampleRows) {
        return Previews.of(CsvSource.opener(file, settings), settings, rows, sampleRows);
    }

    private static byte[] readSample(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new WorkspaceException(file + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE_BYTES);
        } catch (IOException e) {
            throw new WorkspaceException(file + ": cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    /** Strict UTF-8 check; a sequence cut by the end of a partial sample does not count against it. */
    private static boolean isUtf8(byte[] bytes, int offset, int length, boolean partial) {
        int end = offset + length;
        if (partial) {
            // step back over at most 3 continuation bytes and their lead byte
            int back = 0;
            while (back < 3 && end - back - 1 > offset && (bytes[end - back - 1] & 0xC0) == 0x80) {
                back++;
            }
            if (end - back - 1 >= offset && (bytes[end - back - 1] & 0x80) != 0) {
                end = end - back - 1;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, end - offset));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Double quotes always; single quotes only when the text has no double quote but quotes with them. */
    private static List<Character> quoteCandidates(String text) {
        List<Character> result = new ArrayList<>();
        result.add('"');
        if (text.indexOf('"') < 0) {
            for (char d : DELIMITERS) {
                if (text.startsWith("'") || text.contains(d + "'")) {
                    result.add('\'');
                    break;
                }
            }
        }
        return result;
    }

    /**
     * How well a delimiter splits the sample: the share of rows with the same field count as the
     * first row, plus a little for more fields; a delimiter that never splits scores 0.
     */
    private static double score(String text, CsvSettings settings) {
        List<String[]> rows = parse(text, settings);
        if (rows.isEmpty() || rows.get(0).length < 2) {
            return 0;
        }
        int width = rows.get(0).length;
        long same = rows.stream().filter(r -> r.length == width).count();
        return (double) same / rows.size() + Math.min(width, 100) / 1000.0;
    }

    /** Up to {@value #SAMPLE_ROWS} rows of the sample; a row the settings cannot read ends the list. */
    private static List<String[]> parse(String text, CsvSettings settings) {
        List<String[]> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), settings.format())) {
            for (CSVRecord r : parser) {
                rows.add(r.values());
                if (rows.size() >= SAMPLE_ROWS) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // a wrong quote or delimiter guess breaks the parse: the rows so far are the evidence
        }
        return rows;
    }

    /**
     * The first row is a header when it has a name and none of its values is a number or a date. A file of text
     * only cannot tell: it is taken to have a header, which the user can turn off. Empty or repeated names still
     * make a header; the import then says which column to name ({@link ImportPlan}).
     */
    static boolean hasHeader(List<String[]> rows) {
        if (rows.isEmpty()) {
            return true;
        }
        boolean named = false;
        for (String v : rows.get(0)) {
            if (v.isBlank()) {
                continue;
            }
            named = true;
            ColumnGuess g = new ColumnGuess(false);
            g.offer(v);
            FieldType t = g.type().type();
            if (t != FieldType.TEXT && t != FieldType.BOOLEAN) {
                return false;
            }
        }
        return named;
    }
}
