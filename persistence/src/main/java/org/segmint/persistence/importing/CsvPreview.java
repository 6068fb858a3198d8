package org.segmint.persistence.importing;

import java.util.List;

/**
 * What the import dialog shows before importing: the settings used (null for a table of an SQLite database), the
 * source columns, the type inferred for each from a sample of rows, and the first rows as text.
 */
public record CsvPreview(CsvSettings settings, List<String> columns, List<ColumnType> types,
                         List<List<String>> rows) {

    public CsvPreview {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        rows = List.copyOf(rows);
    }
}
