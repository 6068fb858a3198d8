package org.segmint.spark.root;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.segmint.model.segment.Condition;
import org.segmint.persistence.json.ConditionJson;
import org.segmint.persistence.json.Json;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * A smart group's definition as a data root keeps it, {@code smart-groups/NAME.group.json}:
 * {@code {"format": "segmint/group@1", "name": "...", "kind": "smart", "definition": {...}, "schedule": "daily"}}.
 * Its members (as of its last recalculation) are the group's rows in {@code groups/}.
 */
public record SmartGroup(String name, Condition definition, String schedule) {
    public static final String FORMAT = "segmint/group@1";

    public SmartGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        schedule = schedule == null || schedule.isBlank() ? "manual" : schedule;
    }

    public static SmartGroup parse(String text, String source) {
        JsonNode root = Json.parse(text, source);
        if (!root.isObject() || !root.has("format") || !FORMAT.equals(root.get("format").asText())) {
            String found = root.isObject() && root.has("format") ? root.get("format").asText() : "non-group";
            throw new WorkspaceException(source + " is a " + found + " file; this Segmint reads " + FORMAT);
        }
        JsonNode name = root.get("name");
        if (name == null || !name.isTextual() || name.textValue().isBlank()) {
            throw new WorkspaceException(source + ": missing \"name\"");
        }
        JsonNode definition = root.get("definition");
        if (definition == null || definition.isNull()) {
            throw new WorkspaceException(source + ": missing \"definition\" (only smart groups have a file)");
        }
        JsonNode schedule = root.get("schedule");
        return new SmartGroup(name.textValue().strip(), ConditionJson.read(definition, source + ": definition"),
                schedule == null || schedule.isNull() ? null : schedule.asText());
    }

    public String toText() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("format", FORMAT);
        node.put("name", name);
        node.put("kind", "smart");
        node.set("definition", ConditionJson.write(definition));
        node.put("schedule", schedule);
        return Json.write(node);
    }
}
