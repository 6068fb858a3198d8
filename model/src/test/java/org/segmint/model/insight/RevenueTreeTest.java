package org.segmint.model.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RevenueTreeTest {
    private static final double EPS = 1e-9;

    @Test
    void boxesAreTheRatiosOfTheTotals() {
        RevenueTree t = RevenueTree.of(1000, 4, 10, 25);
        assertEquals(250, t.revenuePerCustomer(), EPS);
        assertEquals(2.5, t.ordersPerCustomer(), EPS);
        assertEquals(100, t.averageOrderValue(), EPS);
        assertEquals(2.5, t.unitsPerTransaction(), EPS);
        assertEquals(40, t.averageUnitRevenue(), EPS);
    }

    @Test
    void noPurchasersMeansEveryBoxIsZeroAndTheIdentitiesHold() {
        RevenueTree t = RevenueTree.EMPTY;
        assertEquals(0, t.netRevenue());
        assertEquals(0, t.revenuePerCustomer());
        assertEquals(0, t.averageUnitRevenue());
        assertIdentities(t);
    }

    @Test
    void changeAgainstABaselineIsRelativeAndNullOnAZeroBaseline() {
        RevenueTree.Changes c = RevenueTree.of(150, 1, 1, 1).changeAgainst(RevenueTree.of(100, 2, 2, 2));
        assertEquals(0.5, c.netRevenue(), EPS);
        assertEquals(-0.5, c.purchasers(), EPS);
        assertNull(RevenueTree.of(1, 1, 1, 1).changeAgainst(RevenueTree.EMPTY).netRevenue());
    }

    @Property(tries = 300)
    void identitiesHoldUpToRounding(@ForAll @DoubleRange(min = -1e7, max = 1e9) double revenue,
                                    @ForAll @LongRange(min = 1, max = 2_000_000) long purchasers,
                                    @ForAll @LongRange(min = 0, max = 30_000_000) long extraOrders,
                                    @ForAll @DoubleRange(min = 0.5, max = 1e8) double units) {
        assertIdentities(RevenueTree.of(revenue, purchasers, purchasers + extraOrders, units));
    }

    private static void assertIdentities(RevenueTree t) {
        double tolerance = 1e-9 * Math.max(1, Math.abs(t.netRevenue()));
        assertEquals(t.netRevenue(), t.purchasers() * t.revenuePerCustomer(), tolerance);
        assertEquals(t.revenuePerCustomer(), t.ordersPerCustomer() * t.averageOrderValue(),
                1e-9 * Math.max(1, Math.abs(t.revenuePerCustomer())));
        assertEquals(t.averageOrderValue(), t.unitsPerTransaction() * t.averageUnitRevenue(),
                1e-9 * Math.max(1, Math.abs(t.averageOrderValue())));
    }
}
