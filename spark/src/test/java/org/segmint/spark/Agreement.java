package org.segmint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** A summary as the command line prints it ({@code insights --json}) against the desktop's. */
    public static void summary(InsightSummary desktop, com.fasterxml.jackson.databind.JsonNode spark, boolean trend,
                               String what) {
        assertEquals(desktop.customers(), spark.get("customers").asLong(), what + ": customers");
        assertEquals(desktop.activeCustomers(), spark.get("activeCustomers").asLong(), what + ": active customers");
        money(desktop.revenue12m(), spark.get("revenue12m").asDouble(), what + ": revenue 12m");
        RevenueTree t = desktop.revenueTree();
        var tree = spark.get("revenueTree");
        assertEquals(t.purchasers(), tree.get("purchasers").asLong(), what + ": purchasers");
        assertEquals(t.orders(), tree.get("orders").asLong(), what + ": orders");
        money(t.netRevenue(), tree.get("netRevenue").asDouble(), what + ": net revenue");
        money(t.units(), tree.get("units").asDouble(), what + ": units");
        money(t.revenuePerCustomer(), tree.get("revenuePerCustomer").asDouble(), what + ": revenue per customer");
        money(t.ordersPerCustomer(), tree.get("ordersPerCustomer").asDouble(), what + ": orders per customer");
        money(t.averageOrderValue(), tree.get("averageOrderValue").asDouble(), what + ": average order value");
        money(t.unitsPerTransaction(), tree.get("unitsPerTransaction").asDouble(), what + ": units per transaction");
        money(t.averageUnitRevenue(), tree.get("averageUnitRevenue").asDouble(), what + ": average unit revenue");
        var reach = spark.get("reachability");
        channel(desktop.reachability().email(), reach.get("email"), what + ": email");
        channel(desktop.reachability().emailOptIn(), reach.get("emailOptIn"), what + ": email opt-in");
        channel(desktop.reachability().phone(), reach.get("phone"), what + ": phone");
        channel(desktop.reachability().postalAddress(), reach.get("postalAddress"), what + ": postal");
        if (trend) {
            assertEquals(desktop.monthlyRevenue().size(), spark.get("monthlyRevenue").size(), what + ": months");
            for (int m = 0; m < desktop.monthlyRevenue().size(); m++) {
                var month = spark.get("monthlyRevenue").get(m);
                assertEquals(desktop.monthlyRevenue().get(m).month().toString(), month.get("month").asText());
                money(desktop.monthlyRevenue().get(m).revenue(), month.get("revenue").asDouble(),
                        what + ": revenue of " + month.get("month").asText());
            }
        }
    }

    private static void channel(Reachability.Channel desktop, com.fasterxml.jackson.databind.JsonNode spark,
                                String what) {
        assertEquals(desktop.available(), spark.get("available").asBoolean(), what + ": available");
        assertEquals(desktop.column(), spark.get("column").isNull() ? null : spark.get("column").asText(),
                what + ": column");
        if (desktop.count() == null) {
            assertTrue(spark.get("customers").isNull(), what + ": customers");
        } else {
            assertEquals(desktop.count().longValue(), spark.get("customers").asLong(), what + ": customers");
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
