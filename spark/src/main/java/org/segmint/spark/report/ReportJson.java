package org.segmint.spark.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.compare.OverlapMatrix;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.waterfall.EntryCount;
import org.segmint.model.waterfall.WaterfallWarning;
import org.segmint.persistence.compare.Comparison;
import org.segmint.persistence.compare.SegmentMetrics;
import org.segmint.persistence.insight.InsightJson;
import org.segmint.persistence.insight.InsightSummary;

/**
 * The JSON documents of the Spark commands, in the shapes of the desktop command line's (FORMATS.md §3, §5;
 * docs/insights.md): the same keys in the same order, so a script reads either. Insights leave out the desktop's
 * {@code sql} (the {@code sql} command prints the plan).
 */
public final class ReportJson {
    /** Indented, with {@code "key": value} spacing, as the desktop prints. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setDefaultPrettyPrinter(new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private ReportJson() {
    }

    public static String text(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** With a level: its name, its column (null for customers), the count, and the count under the level's name. */
    public static Map<String, Object> count(String segment, long customers, String asOf,
                                            org.segmint.model.hierarchy.HierarchyLevel level, Long count) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("segment", segment);
        result.put("customers", customers);
        result.put("asOf", asOf);
        if (level != null) {
            result.put("level", level.name());
            result.put("column", level.column());
            result.put("count", count);
            result.putIfAbsent(level.name(), count);
        }
        return result;
    }

    public static Map<String, Object> insights(String segment, InsightSummary s, InsightSummary base) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("segment", segment);
        result.put("asOf", s.asOf().toString());
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("from", s.window().from().toString());
        window.put("to", s.window().to().toString());
        result.put("window", window);
        result.putAll(InsightJson.summary(s, true));
        result.put("changeAgainstBaseline", s.revenueTree().changeAgainst(base.revenueTree()));
        result.put("baseline", InsightJson.summary(base, false));
        return result;
    }

    public static Map<String, Object> compare(Comparison c) {
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

    public static Map<String, Object> model(ModelReport.Result r) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", r.model());
        result.put("asOf", r.asOf().toString());
        List<Map<String, Object>> segments = new ArrayList<>();
        for (EntryCount e : r.entries()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", e.name());
            s.put("qualifying", e.qualifying());
            s.put("assigned", e.assigned());
            s.put("taken", e.taken());
            List<Map<String, Object>> takenBy = new ArrayList<>();
            for (int j = 0; j < e.takenBy().size(); j++) {
                if (e.takenBy().get(j) > 0) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("name", r.entries().get(j).name());
                    t.put("customers", e.takenBy().get(j));
                    takenBy.add(t);
                }
            }
            s.put("takenBy", takenBy);
            segments.add(s);
        }
        result.put("segments", segments);
        Map<String, Object> leftovers = new LinkedHashMap<>();
        leftovers.put("name", r.leftoversName());
        leftovers.put("assigned", r.leftovers());
        result.put("leftovers", leftovers);
        result.put("total", r.total());
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (WaterfallWarning w : r.warnings()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", w.kind().name().toLowerCase());
            x.put("segment", w.entry() < 0 ? null : r.entries().get(w.entry()).name());
            x.put("message", w.message());
            warnings.add(x);
        }
        result.put("warnings", warnings);
        return result;
    }
}
