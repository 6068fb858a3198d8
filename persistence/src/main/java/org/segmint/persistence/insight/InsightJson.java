package org.segmint.persistence.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.insight.RevenueTree;

/**
 * The JSON shapes of insights (documented in docs/insights.md), one writer for the desktop's command line and for
 * Spark's, so that both print the same document.
 */
public final class InsightJson {
    private InsightJson() {
    }

    /** customers, activeCustomers, revenue12m, revenueTree, reachability and, when asked, the monthly trend. */
    public static Map<String, Object> summary(InsightSummary s, boolean monthly) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customers", s.customers());
        m.put("activeCustomers", s.activeCustomers());
        m.put("revenue12m", s.revenue12m());
        m.put("revenueTree", tree(s.revenueTree()));
        m.put("reachability", reachability(s.reachability()));
        if (monthly) {
            List<Map<String, Object>> months = new ArrayList<>();
            for (MonthRevenue r : s.monthlyRevenue()) {
                Map<String, Object> month = new LinkedHashMap<>();
                month.put("month", r.month().toString());
                month.put("revenue", r.revenue());
                months.add(month);
            }
            m.put("monthlyRevenue", months);
        }
        return m;
    }

    public static Map<String, Object> tree(RevenueTree t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("netRevenue", t.netRevenue());
        m.put("purchasers", t.purchasers());
        m.put("revenuePerCustomer", t.revenuePerCustomer());
        m.put("ordersPerCustomer", t.ordersPerCustomer());
        m.put("averageOrderValue", t.averageOrderValue());
        m.put("unitsPerTransaction", t.unitsPerTransaction());
        m.put("averageUnitRevenue", t.averageUnitRevenue());
        m.put("orders", t.orders());
        m.put("units", t.units());
        return m;
    }

    public static Map<String, Object> reachability(Reachability r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", channel(r.email()));
        m.put("emailOptIn", channel(r.emailOptIn()));
        m.put("phone", channel(r.phone()));
        m.put("postalAddress", channel(r.postalAddress()));
        return m;
    }

    private static Map<String, Object> channel(Reachability.Channel c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", c.available());
        m.put("column", c.column());
        m.put("customers", c.count());
        m.put("share", c.share());
        return m;
    }

    public static Map<String, Object> breakdown(Breakdown b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", b.field());
        m.put("kind", b.kind().name().toLowerCase());
        m.put("compareBy", b.compareBy().name().toLowerCase());
        m.put("from", b.range().from() == null ? null : b.range().from().toString());
        m.put("to", b.range().to() == null ? null : b.range().to().toString());
        m.put("customers", b.customers());
        m.put("purchasers", b.purchasers());
        m.put("revenue", b.revenue());
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (Breakdown.Bucket x : b.buckets()) {
            Map<String, Object> bucket = new LinkedHashMap<>();
            bucket.put("label", x.label());
            if (x.low() != null) {
                bucket.put("low", x.low());
                bucket.put("high", x.high());
            }
            bucket.put("customers", x.customers());
            bucket.put("purchasers", x.purchasers());
            bucket.put("revenue", x.revenue());
            bucket.put("value", x.value());
            buckets.add(bucket);
        }
        m.put("buckets", buckets);
        return m;
    }
}
