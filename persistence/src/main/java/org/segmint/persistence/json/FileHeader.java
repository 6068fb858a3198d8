package org.segmint.persistence.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.segmint.persistence.workspace.WorkspaceException;

/** The parts every Segmint file shares: the {@code format} check and unknown top-level fields kept as text. */
final class FileHeader {
    private FileHeader() {
    }

    /** Refuses a document that is not an object or not of {@code expected} format, naming what it is. */
    static void checkFormat(JsonNode root, String expected, String source) {
        if (!root.isObject()) {
            throw new WorkspaceException(source + ": expected a JSON object with \"format\": \"" + expected + "\"");
        }
        JsonNode format = root.get("format");
        if (format == null || format.isNull()) {
            throw new WorkspaceException(source + ": missing \"format\" (expected \"" + expected + "\")");
        }
        if (!format.isTextual() || !format.textValue().equals(expected)) {
            String found = format.isTextual() ? format.textValue() : format.toString();
            throw new WorkspaceException(source + " is a " + found + " file; this Segmint reads " + expected);
        }
    }

    /** Top-level fields other than {@code known}, as compact JSON text by name. */
    static Map<String, String> extra(JsonNode root, Set<String> known) {
        Map<String, String> extra = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            if (!known.contains(e.getKey())) {
                extra.put(e.getKey(), e.getValue().toString());
            }
        });
        return extra;
    }

    /** Writes kept fields back, in name order so files are stable under version control. */
    static void putExtra(ObjectNode node, Map<String, String> extra, String source) {
        extra.keySet().stream().sorted().forEach(key -> {
            if (!node.has(key)) {
                node.set(key, Json.parse(extra.get(key), source + "." + key));
            }
        });
    }

    static String optionalText(JsonNode root, String key, String source) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new WorkspaceException(source + ": \"" + key + "\" must be text, not " + v);
        }
        return v.textValue();
    }

    static String requiredText(JsonNode root, String key, String source) {
        String text = optionalText(root, key, source);
        if (text == null || text.isBlank()) {
            throw new WorkspaceException(source + ": missing \"" + key + "\"");
        }
        return text;
    }
}
