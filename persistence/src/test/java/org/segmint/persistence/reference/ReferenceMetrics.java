package org.segmint.persistence.reference;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The derived per-customer metrics as of a date, computed row by row from the orders: only orders of a
 * known customer with a date on or before the as-of date count. Lifecycle follows the rule written in
 * {@code MetricsSql}: prospect without orders, else the days since the last order measured in the
 * customer's own gap between distinct order dates (clamped to 7..365 days, 90 for one order date):
 * up to 1.5 gaps active, up to 3 cooling down, up to 4 at risk, beyond that lapsed.
 */
final class ReferenceMetrics {
    private ReferenceMetrics() {
    }

    /** Metrics by ck, as the columns of the {@code metrics} table (Long, Double, String or null). */
    static Map<Long, Map<String, Object>> compute(ReferenceData data, LocalDate asOf) {
        long asOfDay = asOf.toEpochDay();
        long start12 = ReferenceCalendar.last(12, org.segmint.model.segment.TimeUnit.MONTHS, asOf).from().toEpochDay();
        Map<Long, List<ReferenceData.Row>> byCustomer = new HashMap<>();
        for (ReferenceData.Row o : data.orders) {
            Object date = o.get("order_date");
            if (o.ck() != null && date != null && ((Number) date).longValue() <= asOfDay) {
                byCustomer.computeIfAbsent(o.ck(), k -> new java.util.ArrayList<>()).add(o);
            }
        }
        Map<Long, Map<String, Object>> metrics = new HashMap<>();
        for (ReferenceData.Row c : data.customers) {
            metrics.put(c.ck(), of(byCustomer.getOrDefault(c.ck(), List.of()), asOfDay, start12));
        }
        return metrics;
    }

    private static Map<String, Object> of(List<ReferenceData.Row> orders, long asOfDay, long start12) {
        Map<String, Object> m = new HashMap<>();
        if (orders.isEmpty()) {
            m.put("orders", 0L);
            m.put("revenue", 0.0);
            m.put("orders_12m", 0L);
            m.put("revenue_12m", 0.0);
            m.put("lifecycle", "prospect");
            return m;
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Set<Object> ids = new HashSet<>();
        Set<Object> ids12 = new HashSet<>();
        long idless = 0;
        long idless12 = 0;
        double revenue = 0;
        double revenue12 = 0;
        Set<Long> days = new HashSet<>();
        for (ReferenceData.Row o : orders) {
            long day = ((Number) o.get("order_date")).longValue();
            first = Math.min(first, day);
            last = Math.max(last, day);
            days.add(day);
            double r = o.get("revenue") == null ? 0 : ((Number) o.get("revenue")).doubleValue();
            revenue += r;
            boolean recent = day >= start12;
            if (o.get("order_id") == null) {
                idless++;
                idless12 += recent ? 1 : 0;
            } else {
                ids.add(o.get("order_id"));
                if (recent) {
                    ids12.add(o.get("order_id"));
                }
            }
            revenue12 += recent ? r : 0;
        }
        long count = ids.size() + idless;
        long since = asOfDay - last;
        double gap = days.size() < 2 ? 90.0 : Math.min(365.0, Math.max(7.0, (last - first) * 1.0 / (days.size() - 1)));
        String lifecycle = since <= 1.5 * gap ? "active" : since <= 3.0 * gap ? "cooling down"
                : since <= 4.0 * gap ? "at risk" : "lapsed";
        m.put("first_order_date", first);
        m.put("last_order_date", last);
        m.put("orders", count);
        m.put("revenue", revenue);
        m.put("orders_12m", ids12.size() + idless12);
        m.put("revenue_12m", revenue12);
        m.put("aov", revenue / count);
        m.put("days_since_last_order", since);
        m.put("lifecycle", lifecycle);
        return m;
    }
}
