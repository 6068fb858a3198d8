package org.segmint.persistence.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The values of one column of a CSV file of customer ids or emails (uploaded lists, adding to a group). With a
 * column name the values come from that header column; without one the file must have one column, and its
 * first row is a header unless it already looks like a value (an email or a number). Values are trimmed; empty
 * ones are skipped; each value is kept once, in file order.
 */
public final class CsvValues {
    private CsvValues() {
    }

    /** Reads the values of a UTF-8 file (a byte order mark is ignored). */
    public static Set<String> read(Path csv, String column) {
        return read(csv, column, cell -> false);
    }

    /**
     * As {@link #read(Path, String)}; a one-column file's first row is also a value (not a header) when
     * {@code isValue} says so (for example: a customer has that id).
     */
    public static Set<String> read(Path csv, String column, java.util.function.Predicate<String> isValue) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return read(reader, csv.toString(), column, isValue);
        } catch (IOException | UncheckedIOException e) {
            throw new WorkspaceException(csv + ": cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    public static Set<String> read(Reader csv, String source, String column) {
        return read(csv, source, column, cell -> false);
    }

    static Set<String> read(Reader csv, String source, String column, java.util.function.Predicate<String> isValue) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).build();
        Set<String> values = new LinkedHashSet<>();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            int index = -1;
            for (CSVRecord record : parser) {
                if (index < 0) {
                    index = headerIndex(record, source, column, isValue);
                    if (index >= 0) {
                        continue;
                    }
                    index = 0;
                }
                if (record.size() <= index) {
                    continue;
                }
                String value = stripBom(record.get(index)).strip();
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new WorkspaceException(source + ": not a readable CSV file (" + e.getMessage() + ")", e);
        }
        return values;
    }

    /** The index of the value column in a header row, or -1 when the first row is already a value. */
    private static int headerIndex(CSVRecord first, String source, String column,
                                   java.util.function.Predicate<String> isValue) {
        List<String> cells = new ArrayList<>();
        first.forEach(cell -> cells.add(stripBom(cell).strip()));
        if (column != null) {
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).equalsIgnoreCase(column.strip())) {
                    return i;
                }
            }
            throw new WorkspaceException(source + ": line 1: no column named '" + column + "' (columns: "
                    + String.join(", ", cells) + ")");
        }
        if (cells.size() != 1) {
            throw new WorkspaceException(source + ": line 1: " + cells.size() + " columns; name the column that"
                    + " holds the customer ids or emails");
        }
        String cell = cells.get(0);
        boolean looksLikeValue = cell.contains("@") || cell.matches("\\d+") || isValue.test(cell);
        return looksLikeValue ? -1 : 0;
    }

    private static String stripBom(String cell) {
        return cell.startsWith("\uFEFF") ? cell.substring(1) : cell;
    }

}
