package org.segmint.persistence.demo;

/**
 * What the purchase and event writers need to know about one generated customer: keys, when they signed
 * up, whether they can receive email, and their habits.
 */
record Shopper(long ck, String customerId, int signupDay, boolean hasEmail, Kind kind, int favouriteCategory,
               int preferredChannel) {

    /** How much a customer buys: prospects never, light buyers a few times, heavy buyers often. */
    enum Kind {
        PROSPECT(0, 0),
        LIGHT(1, 6),
        MEDIUM(6, 24),
        HEAVY(21, 79);

        final int minOrders;
        final int maxOrders;

        Kind(int minOrders, int maxOrders) {
            this.minOrders = minOrders;
            this.maxOrders = maxOrders;
        }
    }
}
