package org.segmint.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.catalog.Catalog;
import org.segmint.persistence.store.ValueLists;
import org.segmint.persistence.workspace.Workspace;

/**
 * Values for the benchmark definitions, picked from the workspace's data at run time (the most frequent
 * ones) so that the benchmark runs on any demo workspace. A list is empty when the column is missing.
 */
public record BenchSamples(List<String> genders, List<String> allCountries, List<String> tiers,
                           List<String> categories, List<String> eventTypes) {

    /** The three most frequent countries (class a). */
    public List<String> countries() {
        return allCountries.subList(0, Math.min(3, allCountries.size()));
    }

    public static BenchSamples pick(Workspace ws) {
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
        return new BenchSamples(frequent(ws, Catalog.CUSTOMERS, "gender", 1),
                frequent(ws, Catalog.CUSTOMERS, "country", 50), tiers,
                frequent(ws, Catalog.ORDER_ITEMS, "category", 1), events);
    }

    /** For the report: what was picked. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gender", genders);
        m.put("countries", countries());
        m.put("loyaltyTiers", tiers);
        m.put("category", categories);
        m.put("events", eventTypes);
        return m;
    }

    /** The most frequent non-empty values of a catalog column, most frequent first. */
    private static List<String> frequent(Workspace ws, String table, String column, int limit) {
        return new ArrayList<>(new ValueLists(ws).mostFrequent(table, column, limit));
    }
}
