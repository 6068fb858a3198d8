package org.segmint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.waterfall.EntryResult;
import org.segmint.model.waterfall.WaterfallResult;
import org.segmint.persistence.compare.Comparison;
import org.segmint.persistence.insight.InsightSummary;
import org.segmint.persistence.insight.Reachability;
import org.segmint.spark.report.ModelReport;

/**
 * Spark's numbers against the desktop's: counts exactly, money and ratios to 1e-9 relative (FORMATS.md §5).
 */
public final class Agreement {
    private Agreement() {
    }

    public static void money(double desktop, double spark, String what) {
        double scale = Math.max(1, Math.max(Math.abs(desktop), Math.abs(spark)));
        if (Math.abs(desktop - spark) > 1e-9 * scale) {
            throw new AssertionError(what + ": desktop " + desktop + ", Spark " + spark);
        }
    }

    public static void tree(RevenueTree desktop, RevenueTree spark, String what) {
        assertEquals(desktop.purchasers(), spark.purchasers(), what + ": purchasers");
        assertEquals(desktop.orders(), spark.orders(), what + ": orders");
        money(desktop.netRevenue(), spark.netRevenue(), what + ": net revenue");
        money(desktop.units(), spark.units(), what + ": units");
        money(desktop.revenuePerCustomer(), spark.revenuePerCustomer(), what + ": revenue per customer");
        money(desktop.ordersPerCustomer(), spark.ordersPerCustomer(), what + ": orders per customer");
        money(desktop.averageOrderValue(), spark.averageOrderValue(), what + ": average order value");
        money(desktop.unitsPerTransaction(), spark.unitsPerTransaction(), what + ": units per transaction");
        money(desktop.averageUnitRevenue(), spark.averageUnitRevenue(), what + ": average unit revenue");
    }

    public static void summary(InsightSummary desktop, InsightSummary spark, boolean trend, String what) {
        assertEquals(desktop.asOf(), spark.asOf(), what + ": as of");
        assertEquals(desktop.window(), spark.window(), what + ": window");
        assertEquals(desktop.customers(), spark.customers(), what + ": customers");
        assertEquals(desktop.activeCustomers(), spark.activeCustomers(), what + ": active customers");
        money(desktop.revenue12m(), spark.revenue12m(), what + ": revenue 12m");
        tree(desktop.revenueTree(), spark.revenueTree(), what);
        channel(desktop.reachability().email(), spark.reachability().email(), what + ": email");
        channel(desktop.reachability().emailOptIn(), spark.reachability().emailOptIn(), what + ": email opt-in");
        channel(desktop.reachability().phone(), spark.reachability().phone(), what + ": phone");
        channel(desktop.reachability().postalAddress(), spark.reachability().postalAddress(), what + ": postal");
        if (trend) {
            assertEquals(desktop.monthlyRevenue().size(), spark.monthlyRevenue().size(), what + ": months");
            for (int m = 0; m < desktop.monthlyRevenue().size(); m++) {
                assertEquals(desktop.monthlyRevenue().get(m).month(), spark.monthlyRevenue().get(m).month());
                money(desktop.monthlyRevenue().get(m).revenue(), spark.monthlyRevenue().get(m).revenue(),
                        what + ": revenue of " + desktop.monthlyRevenue().get(m).month());
            }
        }
    }

    private static void channel(Reachability.Channel desktop, Reachability.Channel spark, String what) {
        assertEquals(desktop.column(), spark.column(), what + ": column");
        assertEquals(desktop.count(), spark.count(), what + ": customers");
    }

    public static void comparison(Comparison desktop, Comparison spark, String what) {
        assertEquals(desktop.overlap().names(), spark.overlap().names(), what);
        for (int i = 0; i < desktop.overlap().count(); i++) {
            assertEquals(desktop.overlap().unique(i), spark.overlap().unique(i), what + ": unique " + i);
            for (int j = 0; j < desktop.overlap().count(); j++) {
                assertEquals(desktop.overlap().overlap(i, j), spark.overlap().overlap(i, j),
                        what + ": overlap " + i + "," + j);
            }
        }
        assertEquals(desktop.overlap().union(), spark.overlap().union(), what + ": union");
        assertEquals(desktop.overlap().combinations(), spark.overlap().combinations(), what + ": intersections");
        for (int i = 0; i < desktop.metrics().size(); i++) {
            var d = desktop.metrics().get(i);
            var s = spark.metrics().get(i);
            assertEquals(d.customers(), s.customers(), what + ": metrics customers " + i);
            assertEquals(d.activeCustomers(), s.activeCustomers(), what + ": metrics active " + i);
            money(d.revenue(), s.revenue(), what + ": metrics revenue " + i);
            money(d.revenuePerCustomer(), s.revenuePerCustomer(), what + ": revenue per customer " + i);
            money(d.unitsPerOrder(), s.unitsPerOrder(), what + ": units per order " + i);
            money(d.averageOrderValue(), s.averageOrderValue(), what + ": average order value " + i);
        }
    }

    public static void model(WaterfallResult desktop, ModelReport.Result spark, String what) {
        List<EntryResult> entries = desktop.entries();
        assertEquals(entries.size(), spark.entries().size(), what + ": entries");
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(entries.get(i).count(), spark.entries().get(i), what + ": entry " + i);
        }
        assertEquals(desktop.leftoversName(), spark.leftoversName(), what + ": leftovers name");
        assertEquals(desktop.leftovers().getLongCardinality(), spark.leftovers(), what + ": leftovers");
        assertEquals(desktop.total(), spark.total(), what + ": total");
        assertEquals(desktop.warnings(), spark.warnings(), what + ": warnings");
    }
}
