package org.segmint.model.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * The Breakdown tab of a segment as its user left it: the attributes charted (up to {@value #MAX_CHARTS}), the
 * measure bars compare by, and the date range of the purchase measures (either end open; both null = the
 * 12-month window). Saved with the segment.
 *
 * @param compareBy {@code customers}, {@code purchasers}, {@code revenue} or {@code revenue_per_purchaser}
 */
public record BreakdownChoice(List<String> charts, String compareBy, LocalDate from, LocalDate to) {
    public static final int MAX_CHARTS = 6;
    public static final BreakdownChoice NONE = new BreakdownChoice(List.of(), "customers", null, null);

    public BreakdownChoice {
        charts = List.copyOf(charts.size() > MAX_CHARTS ? charts.subList(0, MAX_CHARTS) : charts);
        compareBy = compareBy == null ? "customers" : compareBy;
        if (from != null && to != null && from.isAfter(to)) {
            LocalDate t = from;
            from = to;
            to = t;
        }
    }

    public BreakdownChoice withCharts(List<String> newCharts) {
        return new BreakdownChoice(newCharts, compareBy, from, to);
    }

    public BreakdownChoice withCompareBy(String measure) {
        return new BreakdownChoice(charts, measure, from, to);
    }

    public BreakdownChoice withRange(LocalDate newFrom, LocalDate newTo) {
        return new BreakdownChoice(charts, compareBy, newFrom, newTo);
    }
}
