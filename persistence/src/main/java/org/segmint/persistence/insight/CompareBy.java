package org.segmint.persistence.insight;

/** What the bars of a breakdown show for each bucket. */
public enum CompareBy {
    /** Share of the members in the bucket. */
    CUSTOMERS,
    /** Share of the members who purchased in the date range. */
    PURCHASERS,
    /** Share of the members' revenue in the date range. */
    REVENUE,
    /** Revenue in the date range per purchaser of the bucket. */
    REVENUE_PER_PURCHASER
}
