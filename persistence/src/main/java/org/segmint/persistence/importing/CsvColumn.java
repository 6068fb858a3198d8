package org.segmint.persistence.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.ProtectedFiles;
import org.segmint.persistence.workspace.WorkspaceException;

/** The values of one column of a CSV file, read to its end (for uploaded lists of customer ids or emails). */
public final class CsvColumn {
    private CsvColumn() {
    }

    /**
     * The distinct values, in file order, with how many rows hold each.
     *
     * @param rows  data rows read
     * @param empty rows whose value is empty (or that are too short to have the column)
     */
    public record Values(Map<String, Long> counts, long rows, long empty) {
    }

    /**
     * Reads column {@code index} of every row; {@code normalise} turns a raw value into the stored one (null or
     * empty = an empty value).
     */
    public static Values read(Path file, CsvSettings settings, int index, UnaryOperator<String> normalise,
                              Cancellation cancel) {
        Map<String, Long> counts = new LinkedHashMap<>();
        long rows = 0;
        long empty = 0;
        try (ProtectedFiles.Registration reading = ProtectedFiles.input(file);
             RowSource source = CsvSource.opener(file, settings).open()) {
            RowSource.SourceRow row;
            while ((row = source.next()) != null) {
                if (++rows % 8192 == 0) {
                    cancel.throwIfCancelled();
                }
                String raw = row.values().length > index ? row.values()[index] : null;
                String value = raw == null ? null : normalise.apply(raw);
                if (value == null || value.isEmpty()) {
                    empty++;
                } else {
                    counts.merge(value, 1L, Long::sum);
                }
            }
        } catch (IOException e) {
            throw new WorkspaceException(file + ": cannot read the file (" + e.getMessage() + ")", e);
        }
        return new Values(counts, rows, empty);
    }
}
