package org.segmint.persistence.compare;

import java.time.LocalDate;
import java.util.List;
import org.segmint.model.compare.OverlapMatrix;

/**
 * Two to five segments side by side.
 *
 * @param asOf    the date windows end on
 * @param level   what the overlap counts: {@code customers}, or the name of a hierarchy level ({@code households})
 * @param overlap sizes, pairwise overlaps, unique units and every exact intersection, in units of the level
 * @param metrics key metrics per segment, in the order compared (always of customers)
 */
public record Comparison(LocalDate asOf, String level, OverlapMatrix overlap, List<SegmentMetrics> metrics) {
    public Comparison {
        metrics = List.copyOf(metrics);
    }

    /** A comparison of customers. */
    public Comparison(LocalDate asOf, OverlapMatrix overlap, List<SegmentMetrics> metrics) {
        this(asOf, "customers", overlap, metrics);
    }
}
