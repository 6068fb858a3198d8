package org.segmint.model.insight;

/**
 * The revenue tree of a set of customers over a window: how net revenue breaks down into purchasers,
 * frequency, basket size and price.
 *
 * <pre>
 * net revenue          = purchasers x revenue per customer
 * revenue per customer = orders per customer x average order value
 * average order value  = units per transaction x average unit revenue
 * </pre>
 *
 * <p>Each ratio is its numerator over its denominator, so the identities hold up to floating-point
 * rounding. A ratio whose denominator is zero is 0: with no purchasers every box is 0 and the identities
 * still hold. The one case they cannot hold is orders whose units add up to 0 while their revenue does not
 * (data without units): average unit revenue is then 0.
 *
 * @param netRevenue          sum of the revenue of the orders in the window
 * @param purchasers          customers with at least one order in the window
 * @param orders              distinct orders in the window
 * @param units               sum of the units of those orders
 * @param revenuePerCustomer  net revenue / purchasers
 * @param ordersPerCustomer   orders / purchasers
 * @param averageOrderValue   net revenue / orders
 * @param unitsPerTransaction units / orders
 * @param averageUnitRevenue  net revenue / units
 */
public record RevenueTree(double netRevenue, long purchasers, long orders, double units, double revenuePerCustomer,
                          double ordersPerCustomer, double averageOrderValue, double unitsPerTransaction,
                          double averageUnitRevenue) {

    /** The tree with no purchasers: every box 0. */
    public static final RevenueTree EMPTY = of(0, 0, 0, 0);

    /** Builds the tree from its four totals. */
    public static RevenueTree of(double netRevenue, long purchasers, long orders, double units) {
        if (purchasers < 0 || orders < 0) {
            throw new IllegalArgumentException("purchasers and orders cannot be negative");
        }
        return new RevenueTree(netRevenue, purchasers, orders, units, ratio(netRevenue, purchasers),
                ratio(orders, purchasers), ratio(netRevenue, orders), ratio(units, orders), ratio(netRevenue, units));
    }

    /**
     * Relative change of each box against a baseline (for example all customers): {@code value / base - 1},
     * or null where the baseline box is 0.
     */
    public Changes changeAgainst(RevenueTree base) {
        return new Changes(change(netRevenue, base.netRevenue), change(purchasers, base.purchasers),
                change(revenuePerCustomer, base.revenuePerCustomer), change(ordersPerCustomer, base.ordersPerCustomer),
                change(averageOrderValue, base.averageOrderValue),
                change(unitsPerTransaction, base.unitsPerTransaction),
                change(averageUnitRevenue, base.averageUnitRevenue));
    }

    /** Relative changes of the seven boxes; null where the baseline is 0. */
    public record Changes(Double netRevenue, Double purchasers, Double revenuePerCustomer, Double ordersPerCustomer,
                          Double averageOrderValue, Double unitsPerTransaction, Double averageUnitRevenue) {
    }

    private static Double change(double value, double base) {
        return base == 0 ? null : value / base - 1;
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0 : numerator / denominator;
    }
}
