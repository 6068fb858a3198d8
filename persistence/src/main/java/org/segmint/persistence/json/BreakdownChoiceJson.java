package org.segmint.persistence.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.insight.BreakdownChoice;
import org.segmint.model.segment.Segment;

/**
 * The Breakdown tab's choice kept with a segment, as the optional top-level field {@code "insights"} of the
 * segment file: {@code {"breakdown": {"charts": ["customers.gender"], "compareBy": "revenue", "from":
 * "2025-01-01", "to": null}}}. Other members of {@code "insights"} are kept. A choice that cannot be read is
 * ignored (the tab starts empty), never an error: it only lays out a screen.
 */
public final class BreakdownChoiceJson {
    /** The segment file's top-level field. */
    public static final String FIELD = "insights";

    private BreakdownChoiceJson() {
    }

    /** The choice saved with {@code segment}, or {@link BreakdownChoice#NONE}. */
    public static BreakdownChoice of(Segment segment) {
        String text = segment.extra().get(FIELD);
        if (text == null) {
            return BreakdownChoice.NONE;
        }
        try {
            JsonNode b = Json.parse(text, FIELD).path("breakdown");
            List<String> charts = new ArrayList<>();
            b.path("charts").forEach(n -> {
                if (n.isTextual()) {
                    charts.add(n.asText());
                }
            });
            String by = b.path("compareBy").isTextual() ? b.path("compareBy").asText() : null;
            return new BreakdownChoice(charts, by, date(b.path("from")), date(b.path("to")));
        } catch (RuntimeException e) {
            return BreakdownChoice.NONE;
        }
    }

    /** {@code extra} with the choice written into {@code "insights"} (other members kept). */
    public static Map<String, String> with(Map<String, String> extra, BreakdownChoice choice) {
        ObjectNode insights;
        try {
            JsonNode old = extra.containsKey(FIELD) ? Json.parse(extra.get(FIELD), FIELD) : null;
            insights = old instanceof ObjectNode o ? o : Json.NODES.objectNode();
        } catch (RuntimeException e) {
            insights = Json.NODES.objectNode();
        }
        ObjectNode b = insights.putObject("breakdown");
        ArrayNode charts = b.putArray("charts");
        choice.charts().forEach(charts::add);
        b.put("compareBy", choice.compareBy());
        b.put("from", choice.from() == null ? null : choice.from().toString());
        b.put("to", choice.to() == null ? null : choice.to().toString());
        Map<String, String> result = new HashMap<>(extra);
        result.put(FIELD, Json.write(insights).strip());
        return result;
    }

    private static LocalDate date(JsonNode n) {
        if (!n.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(n.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
