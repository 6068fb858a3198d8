package org.segmint.spark.root;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.segmint.persistence.json.Json;
import org.segmint.persistence.workspace.AsOfSetting;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * {@code settings.json} of a data root: {@code {"asOf": "latest"|"today"|"YYYY-MM-DD", "hierarchy": ["household_id",
 * ...]}}. Both may be left out: as of the latest date in the data; without {@code hierarchy}, the levels are
 * {@code household_id} then {@code account_id}, those of the two the customers have (as a workspace that never set
 * one); an empty list turns levels off.
 *
 * @param hierarchy customer columns naming the parent levels, lowest first; null when not given
 */
public record Settings(AsOfSetting asOf, List<String> hierarchy) {

    public static final Settings DEFAULT = new Settings(AsOfSetting.LATEST_IN_DATA, null);

    public Settings {
        hierarchy = hierarchy == null ? null : List.copyOf(hierarchy);
    }

    public static Settings parse(String text, String source) {
        JsonNode root = Json.parse(text, source);
        if (!root.isObject()) {
            throw new WorkspaceException(source + ": expected a JSON object like {\"asOf\": \"latest\"}");
        }
        AsOfSetting asOf = AsOfSetting.LATEST_IN_DATA;
        JsonNode a = root.get("asOf");
        if (a != null && !a.isNull()) {
            if (!a.isTextual()) {
                throw new WorkspaceException(source + ": \"asOf\" must be \"latest\", \"today\" or a date like"
                        + " \"2025-06-30\"");
            }
            try {
                asOf = AsOfSetting.parse(a.textValue().strip());
            } catch (WorkspaceException e) {
                throw new WorkspaceException(source + ": asOf: " + e.getMessage());
            }
        }
        List<String> hierarchy = null;
        JsonNode h = root.get("hierarchy");
        if (h != null && !h.isNull()) {
            hierarchy = new ArrayList<>();
            if (!h.isArray()) {
                throw new WorkspaceException(source + ": \"hierarchy\" must be a list of customer columns");
            }
            for (JsonNode level : h) {
                if (!level.isTextual() || level.textValue().isBlank()) {
                    throw new WorkspaceException(source + ": \"hierarchy\" must be a list of customer columns");
                }
                hierarchy.add(level.textValue().strip());
            }
        }
        return new Settings(asOf, hierarchy);
    }

    public String toText() {
        var node = Json.mapper().createObjectNode();
        node.put("asOf", asOf.text());
        if (hierarchy != null) {
            var levels = node.putArray("hierarchy");
            hierarchy.forEach(levels::add);
        }
        return Json.write(node);
    }

    public Settings withAsOf(AsOfSetting setting) {
        return new Settings(setting, hierarchy);
    }
}
