package org.segmint.persistence.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.segmint.persistence.workspace.WorkspaceException;

/** The first rows of any import source with each column's type inferred from a sample. */
final class Previews {
    private Previews() {
    }

    static CsvPreview of(RowSource.Opener opener, CsvSettings settings, int rows, int sampleRows) {
        try (RowSource source = opener.open()) {
            List<String> columns = source.columns();
            List<ColumnGuess> guesses = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                guesses.add(new ColumnGuess(false));
            }
            List<List<String>> shown = new ArrayList<>();
            RowSource.SourceRow row;
            int read = 0;
            while (read < Math.max(rows, sampleRows) && (row = source.next()) != null) {
                read++;
                if (shown.size() < rows) {
                    List<String> values = new ArrayList<>();
                    for (String v : row.values()) {
                        values.add(v == null ? "" : v);
                    }
                    shown.add(values);
                }
                if (row.values().length == columns.size()) {
                    for (int i = 0; i < columns.size(); i++) {
                        guesses.get(i).offer(row.values()[i]);
                    }
                }
            }
            List<ColumnType> types = guesses.stream().map(ColumnGuess::type).toList();
            return new CsvPreview(settings, columns, types, shown);
        } catch (IOException e) {
            throw new WorkspaceException(opener.name() + ": cannot read the source (" + e.getMessage() + ")", e);
        }
    }
}
