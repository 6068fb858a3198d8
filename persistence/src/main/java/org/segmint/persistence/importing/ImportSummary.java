package org.segmint.persistence.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one import. {@code rows + rejected} equals the data rows read from the source.
 *
 * @param table        the target table
 * @param source       the file name, or {@code database#table} for an SQLite source
 * @param mode         the mode used
 * @param rows         rows written (for customer-keyed tables, a repeated customer counts each time)
 * @param rejected     rows that could not be read, written to {@code rejectsFile} when one was given
 * @param orphans      rows kept whose customer_id is empty or not a known customer
 * @param columnsAdded columns added to the table (and the catalog) by this import
 * @param columns      every imported column: target name to the type it was read as
 * @param settings     the CSV settings used, or null for an SQLite source
 * @param rejectsFile  the rejects file written, or null
 * @param seconds      wall time of the import
 */
public record ImportSummary(String table, String source, ImportMode mode, long rows, long rejected, long orphans,
                            List<String> columnsAdded, Map<String, ColumnType> columns, CsvSettings settings,
                            Path rejectsFile, double seconds) {

    public ImportSummary {
        columnsAdded = List.copyOf(columnsAdded);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }

    /** Rows per second, for benchmarks. */
    public double rowsPerSecond() {
        return seconds <= 0 ? 0 : (rows + rejected) / seconds;
    }
}
