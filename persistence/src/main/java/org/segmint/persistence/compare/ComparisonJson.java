package org.segmint.persistence.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.compare.OverlapMatrix;
import org.segmint.model.hierarchy.HierarchyLevel;

/**
 * A comparison as the JSON document of {@code segmint compare --json} (FORMATS.md §3): sizes, overlaps, every
 * exact intersection and each segment's metrics. The one writer of that shape, for the desktop command line and
 * for the Spark job's, so the two cannot drift apart.
 */
public final class ComparisonJson {
    private ComparisonJson() {
    }

    /** The document, keys in the order they are printed. */
    public static Map<String, Object> of(Comparison c) {
        OverlapMatrix m = c.overlap();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("asOf", c.asOf().toString());
        result.put("level", c.level());
        boolean customers = c.level().equals(HierarchyLevel.CUSTOMER.name());
        List<Map<String, Object>> segments = new ArrayList<>();
        for (int i = 0; i < m.count(); i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", m.names().get(i));
            s.put("customers", c.metrics().get(i).customers());
            if (!customers) {
                s.put("count", m.size(i));
                s.put(c.level(), m.size(i));
            }
            s.put("unique", m.unique(i));
            segments.add(s);
        }
        result.put("segments", segments);
        result.put("overlap", m.matrix());
        List<List<Double>> shares = new ArrayList<>();
        for (int i = 0; i < m.count(); i++) {
            List<Double> row = new ArrayList<>();
            for (int j = 0; j < m.count(); j++) {
                row.add(m.overlapShare(i, j));
            }
            shares.add(row);
        }
        result.put("overlapShare", shares);
        result.put("union", m.union());
        List<Map<String, Object>> intersections = new ArrayList<>();
        for (OverlapMatrix.Combination combination : m.combinations()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("segments", combination.names());
            x.put(customers ? "customers" : "count", combination.count());
            intersections.add(x);
        }
        result.put("intersections", intersections);
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (SegmentMetrics s : c.metrics()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", s.name());
            x.put("customers", s.customers());
            x.put("activeCustomers", s.activeCustomers());
            x.put("revenue12m", s.revenue());
            x.put("revenuePerCustomer", s.revenuePerCustomer());
            x.put("unitsPerOrder", s.unitsPerOrder());
            x.put("averageOrderValue", s.averageOrderValue());
            metrics.add(x);
        }
        result.put("metrics", metrics);
        return result;
    }
}
