package org.segmint.persistence.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.segmint.model.catalog.FieldType;

/**
 * Values that occur in a workspace, by field, in the form a segment file writes them (text, ISO date,
 * number, boolean), plus boundary values around them, so random definitions hit real data.
 */
final class DataSamples {
    private final ReferenceData data;
    private final Map<String, List<Object>> byField = new HashMap<>();
    private final Map<String, List<String>> fragments = new HashMap<>();

    DataSamples(ReferenceData data) {
        this.data = data;
        collect("customers", data.customers);
        collect("orders", data.orders);
        collect("order_items", data.items);
        collect("events", data.events);
    }

    private void collect(String table, List<ReferenceData.Row> rows) {
        for (Map.Entry<String, FieldType> e : data.types.entrySet()) {
            if (!e.getKey().startsWith(table + ".")) {
                continue;
            }
            String column = e.getKey().substring(table.length() + 1);
            Set<Object> values = new LinkedHashSet<>();
            for (ReferenceData.Row r : rows) {
                Object v = r.get(column);
                if (!ReferenceValues.isEmpty(v)) {
                    values.add(asWritten(e.getValue(), v));
                }
            }
            byField.put(e.getKey(), new ArrayList<>(values));
        }
    }

    /** A stored value as a definition writes it. */
    static Object asWritten(FieldType type, Object stored) {
        switch (type) {
            case TEXT:
                return stored.toString();
            case INTEGER:
            case DECIMAL:
                return number(((Number) stored).doubleValue());
            case DATE:
                return LocalDate.ofEpochDay(((Number) stored).longValue()).toString();
            case DATETIME:
                return ReferenceCalendar.dayOfSeconds(((Number) stored).longValue()).toString();
            default:
                return ((Number) stored).longValue() == 1;
        }
    }

    static BigDecimal number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? BigDecimal.valueOf((long) d) : BigDecimal.valueOf(d);
    }

    /** The values of a field in the data (metrics as of the date), never empty. */
    List<Object> values(String field, LocalDate asOf, Map<Long, Map<String, Object>> metrics) {
        List<Object> values = byField.get(field);
        if (values == null && field.startsWith("metrics.")) {
            Set<Object> set = new LinkedHashSet<>();
            String column = field.substring("metrics.".length());
            for (Map<String, Object> m : metrics.values()) {
                if (!ReferenceValues.isEmpty(m.get(column))) {
                    set.add(asWritten(data.type(field), m.get(column)));
                }
            }
            values = new ArrayList<>(set);
        }
        if (values == null || values.isEmpty()) {
            return List.of(fallback(data.type(field), asOf));
        }
        return values;
    }

    private static Object fallback(FieldType type, LocalDate asOf) {
        switch (type) {
            case TEXT:
                return "none";
            case DATE:
            case DATETIME:
                return asOf.toString();
            case BOOLEAN:
                return Boolean.TRUE;
            default:
                return BigDecimal.ONE;
        }
    }

    /**
     * Pieces of text values for contains / starts_with / ends_with: prefixes, suffixes and middles in
     * other letter cases, plus LIKE wildcards that must be taken literally.
     */
    List<String> fragments(String field) {
        return fragments.computeIfAbsent(field, f -> {
            Set<String> set = new LinkedHashSet<>(List.of("%", "_", "0%", "o_", "zz"));
            for (Object v : byField.getOrDefault(f, List.of())) {
                String s = v.toString();
                int n = s.length();
                set.add(s.substring(0, Math.min(2, n)));
                set.add(s.substring(Math.max(0, n - 3)).toUpperCase(java.util.Locale.ROOT));
                set.add(s.substring(n / 3, Math.max(n / 3 + 1, 2 * n / 3)));
                set.add(s.toLowerCase(java.util.Locale.ROOT));
            }
            set.remove("");
            return new ArrayList<>(set);
        });
    }
}
