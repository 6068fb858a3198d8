package org.segmint.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.catalog.Catalog;
import org.segmint.persistence.store.ValueLists;
import org.segmint.persistence.workspace.Workspace;

/**
 * The values the cases' definitions use, picked from the workspace's data before anything is timed (the most
 * frequent ones), so that the benchmark runs on any demo workspace, and the as-of date every window ends on.
 * A list is empty when the column is missing; a case that needs it then says so instead of running.
 *
 * @param smallRevenue lifetime revenue above which about 3% of the customers are (segment "small")
 * @param largeRevenue lifetime revenue above which about 60% of the customers are (segment "large")
 */
record Samples(LocalDate asOf, List<String> genders, List<String> allCountries, List<String> tiers,
               List<String> categories, List<String> eventTypes, Double smallRevenue, Double largeRevenue) {

    /** The three most frequent countries (case a). */
    List<String> countries() {
        return allCountries.subList(0, Math.min(3, allCountries.size()));
    }

    static Samples pick(Workspace ws) {
        List<String> tiers = frequent(ws, Catalog.CUSTOMERS, "loyalty_tier", 10);
        if (tiers.contains("gold") && tiers.contains("platinum")) {
            tiers = List.of("gold", "platinum");
        } else {
            tiers = tiers.subList(0, Math.min(2, tiers.size()));
        }
        List<String> events = frequent(ws, Catalog.EVENTS, "event_type", 50);
        if (events.contains("click_laptop") && events.contains("click_camera")) {
            events = List.of("click_laptop", "click_camera");
        } else {
            events = events.subList(0, Math.min(2, events.size()));
        }
        return new Samples(ws.asOf(), frequent(ws, Catalog.CUSTOMERS, "gender", 1),
                frequent(ws, Catalog.CUSTOMERS, "country", 50), tiers,
                frequent(ws, Catalog.ORDER_ITEMS, "category", 1), events, revenueQuantile(ws, 0.97),
                revenueQuantile(ws, 0.40));
    }

    /** For the report: what was picked. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gender", genders);
        m.put("countries", countries());
        m.put("loyaltyTiers", tiers);
        m.put("category", categories);
        m.put("events", eventTypes);
        m.put("smallAboveRevenue", smallRevenue);
        m.put("largeAboveRevenue", largeRevenue);
        return m;
    }

    private static List<String> frequent(Workspace ws, String table, String column, int limit) {
        if (ws.catalog().field(table, column).isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(new ValueLists(ws).mostFrequent(table, column, limit));
    }

    private static Double revenueQuantile(Workspace ws, double quantile) {
        if (ws.catalog().field("metrics.revenue").isEmpty()) {
            return null;
        }
        var value = new ValueLists(ws).customerQuantile("metrics.revenue", quantile);
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
