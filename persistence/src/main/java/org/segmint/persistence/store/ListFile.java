package org.segmint.persistence.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.segmint.persistence.importing.CsvDetector;
import org.segmint.persistence.importing.CsvPreview;
import org.segmint.persistence.importing.CsvSettings;
import org.segmint.persistence.importing.Synonyms;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * A CSV file of customer ids or emails as an upload sees it before reading it all: the settings it is read with,
 * its columns and first rows, and which column and match it most likely means.
 */
public record ListFile(Path file, CsvSettings settings, List<String> columns, List<List<String>> rows) {
    /** Rows shown in a preview (and looked at to suggest the match). */
    public static final int PREVIEW_ROWS = 20;

    public ListFile {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * Reads the head of {@code file} with detected settings. A file of one column whose first row already looks
     * like a value (an email or a number) has no header, whatever the detection thought.
     */
    public static ListFile open(Path file) {
        CsvSettings settings = CsvDetector.detect(file);
        ListFile read = open(file, settings);
        if (settings.header() && read.columns.size() == 1 && looksLikeValue(read.columns.get(0))) {
            return open(file, settings.withHeader(false));
        }
        return read;
    }

    /** Reads the head of {@code file} with these settings (the dialog's, after the user changed one). */
    public static ListFile open(Path file, CsvSettings settings) {
        CsvPreview preview = CsvDetector.preview(file, settings, PREVIEW_ROWS, PREVIEW_ROWS);
        if (preview.columns().isEmpty()) {
            throw new WorkspaceException(file + ": the file is empty");
        }
        return new ListFile(file, settings, preview.columns(), preview.rows());
    }

    private static boolean looksLikeValue(String cell) {
        String c = cell.strip();
        return c.contains("@") || !c.isEmpty() && c.chars().allMatch(Character::isDigit);
    }

    /** The column named {@code name} (any case); a one-line error naming the columns there are. */
    public int column(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).strip().equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        throw new WorkspaceException(file.getFileName() + ": line 1: no column named '" + name + "' (columns: "
                + String.join(", ", columns) + ")");
    }

    /** The column of customer ids or emails: the first named like one, else the only or first column. */
    public int suggestedColumn() {
        for (int i = 0; i < columns.size(); i++) {
            if (Synonyms.isCustomerId(columns.get(i)) || Synonyms.isEmail(columns.get(i))
                    || columns.get(i).toLowerCase(Locale.ROOT).strip().equals("id")) {
                return i;
            }
        }
        return 0;
    }

    /** What the values of a column are: emails when it is named so or every value shown has an @, else ids. */
    public ListStore.MatchOn suggestedMatch(int column) {
        String name = columns.get(column);
        if (Synonyms.isEmail(name)) {
            return ListStore.MatchOn.EMAIL;
        }
        if (Synonyms.isCustomerId(name)) {
            return ListStore.MatchOn.CUSTOMER_ID;
        }
        List<String> shown = rows.stream().filter(r -> r.size() > column).map(r -> r.get(column).strip())
                .filter(v -> !v.isEmpty()).toList();
        return !shown.isEmpty() && shown.stream().allMatch(v -> v.contains("@")) ? ListStore.MatchOn.EMAIL
                : ListStore.MatchOn.CUSTOMER_ID;
    }
}
