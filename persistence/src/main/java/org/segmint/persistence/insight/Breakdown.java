package org.segmint.persistence.insight;

import java.util.List;
import org.segmint.model.segment.DateRange;

/**
 * The members of a segment broken down by one attribute.
 *
 * @param field      the attribute ({@code table.column})
 * @param kind       how values were bucketed
 * @param compareBy  what {@link Bucket#value()} holds
 * @param range      the date range of the purchase measures
 * @param customers  members
 * @param purchasers members with an order in the range
 * @param revenue    the members' revenue in the range
 * @param buckets    in display order: categories by value (largest first) then "Other", ranges and months in
 *                   ascending order; the bucket of empty values last
 */
public record Breakdown(String field, Kind kind, CompareBy compareBy, DateRange range, long customers,
                        long purchasers, double revenue, List<Bucket> buckets) {

    public Breakdown {
        buckets = List.copyOf(buckets);
    }

    /** How values are grouped. */
    public enum Kind {
        /** Text and booleans: the top N values and "Other". */
        CATEGORIES,
        /** Numbers: equal-width ranges with round limits. */
        HISTOGRAM,
        /** Dates: calendar months, or calendar years when the dates span ten years or more. */
        MONTHS
    }

    /** Label of the bucket of members without a value. */
    public static final String EMPTY = "(empty)";
    /** Label of the bucket of the categories beyond the top N. */
    public static final String OTHER = "Other";

    /**
     * One bar.
     *
     * @param label      the category, the range ("10 to 20"), the month ("2011-03") or the year ("1987")
     * @param low        a range's lower limit (included), else null
     * @param high       a range's upper limit (excluded), else null
     * @param customers  members in the bucket
     * @param purchasers of which purchased in the range
     * @param revenue    their revenue in the range
     * @param value      the measure chosen by {@code compareBy}: a share in 0..1, or revenue per purchaser
     */
    public record Bucket(String label, Double low, Double high, long customers, long purchasers, double revenue,
                         double value) {
    }
}
