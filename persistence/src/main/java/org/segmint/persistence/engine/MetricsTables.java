package org.segmint.persistence.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.MetricsSql;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Where {@code metrics.*} attributes are read from for an as-of date. The workspace's {@code metrics}
 * table holds the metrics as of the date recorded in {@code sg_meta.metrics_as_of}; for any other date
 * the same SQL ({@link MetricsSql}) fills a temporary table on the evaluating connection, once per
 * (connection, date, data version).
 */
final class MetricsTables {
    static final String AS_OF_SETTING = DerivedData.METRICS_AS_OF;

    /** Per connection: the data version each temporary metrics table was filled at. */
    private final Map<Connection, Map<LocalDate, Long>> filled = new WeakHashMap<>();

    /** The table holding the metrics as of {@code asOf}, usable on {@code connection}. */
    String source(Connection connection, SegmentEngine.Snapshot snapshot, LocalDate asOf) {
        if (snapshot.metricsAsOf().filter(asOf::equals).isPresent()) {
            return "metrics";
        }
        String name = "sg_metrics_" + asOf.toEpochDay();
        synchronized (this) {
            Map<LocalDate, Long> tables = filled.computeIfAbsent(connection, c -> new HashMap<>());
            Long version = tables.get(asOf);
            if (version == null || version != snapshot.version()) {
                try {
                    MetricsSql.fillTemporaryTable(connection, name, asOf);
                } catch (SQLException e) {
                    throw new WorkspaceException("Cannot compute the metrics as of " + asOf + " ("
                            + e.getMessage() + ")", e);
                }
                tables.put(asOf, snapshot.version());
            }
        }
        return "temp." + Identifiers.quote(name);
    }

    /** The same for "View SQL": the table, or the metrics SELECT with its dates inlined. */
    static String viewSource(SegmentEngine.Snapshot snapshot, LocalDate asOf) {
        if (snapshot.metricsAsOf().filter(asOf::equals).isPresent()) {
            return "metrics";
        }
        LocalDate start = MetricsSql.windowStart(asOf);
        String select = MetricsSql.select()
                .replace("?1", asOf.toEpochDay() + " /* " + asOf + " */")
                .replace("?2", start.toEpochDay() + " /* " + start + " */");
        // The SELECT's columns are unnamed expressions: name them through a CTE column list.
        return "(WITH metrics_as_of(" + MetricsSql.COLUMNS + ") AS (" + select + ") SELECT * FROM metrics_as_of)";
    }

    synchronized void clear() {
        filled.clear();
    }
}
