package org.segmint.persistence.engine;

import java.sql.Connection;
import java.time.LocalDate;

/**
 * Where {@code metrics.*} attributes are read from for an as-of date. The workspace's {@code metrics}
 * table holds the metrics as of the date recorded in {@code sg_meta.metrics_as_of}.
 */
final class MetricsTables {
    static final String AS_OF_SETTING = "metrics_as_of";

    /** The table holding the metrics as of {@code asOf}, usable on {@code connection}. */
    String source(Connection connection, SegmentEngine.Snapshot snapshot, LocalDate asOf) {
        return "metrics";
    }

    /** The same for "View SQL": a table name or a parenthesised SELECT with inlined values. */
    static String viewSource(SegmentEngine.Snapshot snapshot, LocalDate asOf) {
        return "metrics";
    }

    void clear() {
    }
}
