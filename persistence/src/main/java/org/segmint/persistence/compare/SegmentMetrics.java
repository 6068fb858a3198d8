package org.segmint.persistence.compare;

/**
 * The key metrics of one compared segment, over its members' orders in the 12 months ending with the as-of
 * date.
 *
 * @param name               the segment
 * @param customers          members
 * @param activeCustomers    members with at least one order in the window
 * @param revenue            revenue of those orders
 * @param revenuePerCustomer revenue per active customer (the revenue tree's box)
 * @param unitsPerOrder      units per order
 * @param averageOrderValue  revenue per order
 */
public record SegmentMetrics(String name, long customers, long activeCustomers, double revenue,
                             double revenuePerCustomer, double unitsPerOrder, double averageOrderValue) {
}
