package org.segmint.spark.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.segmint.persistence.insight.InsightJson;
import org.segmint.persistence.insight.InsightSummary;

/**
 * The JSON documents of the Spark commands, in the shapes of the desktop command line's (FORMATS.md §3, §5;
 * docs/insights.md): the same keys in the same order, so a script reads either. Insights leave out the desktop's
 * {@code sql} (the {@code sql} command prints the plan). Comparisons and models are written by the desktop's own
 * writers ({@code ComparisonJson}, {@code ModelJson}), as the summaries are ({@code InsightJson}).
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

}
