package org.segmint.persistence.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Priority model files ({@code segmint/model@1}): entries are names of saved segments or inline
 * {@code {"name", "definition"}} segments; {@code leftovers} is optional. Unknown top-level fields are
 * kept in {@link PriorityModel#extra()}.
 */
public final class ModelFiles {
    public static final String FORMAT = "segmint/model@1";

    private static final Set<String> KNOWN = Set.of("format", "name", "segments", "leftovers");

    private ModelFiles() {
    }

    public static PriorityModel read(Path file) {
        return parse(Json.read(file), file.toString());
    }

    public static PriorityModel parse(String text, String source) {
        JsonNode root = Json.parse(text, source);
        FileHeader.checkFormat(root, FORMAT, source);
        String name = FileHeader.requiredText(root, "name", source).strip();
        JsonNode array = root.get("segments");
        if (array == null || !array.isArray()) {
            throw new WorkspaceException(source + ": missing \"segments\" (expected a list of segment names or"
                    + " {\"name\", \"definition\"} objects)");
        }
        List<ModelEntry> entries = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            entries.add(entry(array.get(i), source + ": segments[" + i + "]"));
        }
        return new PriorityModel(name, entries, FileHeader.optionalText(root, "leftovers", source),
                FileHeader.extra(root, KNOWN));
    }

    public static String toText(PriorityModel model) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("format", FORMAT);
        root.put("name", model.name());
        ArrayNode array = root.putArray("segments");
        for (ModelEntry e : model.entries()) {
            if (e.isInline()) {
                ObjectNode inline = array.addObject();
                inline.put("name", e.name());
                inline.set("definition", ConditionJson.write(e.definition()));
            } else {
                array.add(e.name());
            }
        }
        if (model.leftovers() != null) {
            root.put("leftovers", model.leftovers());
        }
        FileHeader.putExtra(root, model.extra(), model.name());
        return Json.write(root);
    }

    public static void write(PriorityModel model, Path file) {
        Json.writeFile(file, toText(model));
    }

    private static ModelEntry entry(JsonNode node, String where) {
        if (node.isTextual()) {
            if (node.textValue().isBlank()) {
                throw new WorkspaceException(where + ": empty segment name");
            }
            return ModelEntry.saved(node.textValue().strip());
        }
        if (!node.isObject()) {
            throw new WorkspaceException(where + ": expected a segment name or {\"name\", \"definition\"}");
        }
        String name = FileHeader.requiredText(node, "name", where).strip();
        JsonNode definition = node.get("definition");
        if (definition == null || definition.isNull()) {
            return ModelEntry.saved(name);
        }
        return ModelEntry.inline(name, ConditionJson.read(definition, where + ".definition"));
    }
}
