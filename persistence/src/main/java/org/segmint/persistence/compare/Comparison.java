package org.segmint.persistence.compare;

import java.time.LocalDate;
import java.util.List;
import org.segmint.model.compare.OverlapMatrix;

/**
 * Two to five segments side by side.
 *
 * @param asOf    the date windows end on
 * @param overlap sizes, pairwise overlaps, unique customers and every exact intersection
 * @param metrics key metrics per segment, in the order compared
 */
public record Comparison(LocalDate asOf, OverlapMatrix overlap, List<SegmentMetrics> metrics) {
    public Comparison {
        metrics = List.copyOf(metrics);
    }
}
