package org.segmint.bench;

/** DuckDB's per-customer order totals of a set of order rows, as Segmint's insights count them. */
final class OrderTotals {
    /**
     * {@code SELECT ck, orders, revenue, units}: an order is a distinct (day, order id) of the customer, a row
     * without an id an order of its own; empty revenue and units count 0. Needs {@code FROM ... GROUP BY ck}.
     */
    static final String PER_CUSTOMER = "SELECT ck,"
            + " count(DISTINCT {'d': order_date, 'o': order_id}) FILTER (WHERE order_id IS NOT NULL)"
            + " + count(*) FILTER (WHERE order_id IS NULL) AS orders,"
            + " coalesce(sum(revenue), 0) AS revenue, coalesce(sum(units), 0) AS units";

    private OrderTotals() {
    }
}
