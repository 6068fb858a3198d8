package org.segmint.persistence.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SegmentStatus;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Segment files ({@code segmint/segment@1}, one segment) and bundles ({@code segmint/segments@1}:
 * {@code {"format": "segmint/segments@1", "segments": [ segment, ... ]}} where each element is a
 * segment object with or without its own {@code format}). Unknown top-level fields of a segment are
 * kept in {@link Segment#extra()} and written back.
 */
public final class SegmentFiles {
    public static final String FORMAT = "segmint/segment@1";
    public static final String BUNDLE_FORMAT = "segmint/segments@1";

    private static final Set<String> KNOWN = Set.of("format", "name", "description", "folder", "status",
            "definition");

    private SegmentFiles() {
    }

    public static Segment read(Path file) {
        return parse(Json.read(file), file.toString());
    }

    /** Parses one segment file's text; {@code source} names it in errors. */
    public static Segment parse(String text, String source) {
        JsonNode root = Json.parse(text, source);
        FileHeader.checkFormat(root, FORMAT, source);
        return segment(root, source);
    }

    /** Reads a segment file or a bundle: the segments it holds, in file order. */
    public static List<Segment> readAny(Path file) {
        String source = file.toString();
        JsonNode root = Json.parse(Json.read(file), source);
        if (root.isObject() && root.has("format") && BUNDLE_FORMAT.equals(root.get("format").asText())) {
            return bundle(root, source);
        }
        FileHeader.checkFormat(root, FORMAT, source);
        return List.of(segment(root, source));
    }

    public static List<Segment> readBundle(Path file) {
        return parseBundle(Json.read(file), file.toString());
    }

    public static List<Segment> parseBundle(String text, String source) {
        JsonNode root = Json.parse(text, source);
        FileHeader.checkFormat(root, BUNDLE_FORMAT, source);
        return bundle(root, source);
    }

    public static String toText(Segment segment) {
        return Json.write(toJson(segment, true));
    }

    public static void write(Segment segment, Path file) {
        Json.writeFile(file, toText(segment));
    }

    public static String bundleText(List<Segment> segments) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("format", BUNDLE_FORMAT);
        ArrayNode array = root.putArray("segments");
        segments.forEach(s -> array.add(toJson(s, false)));
        return Json.write(root);
    }

    public static void writeBundle(List<Segment> segments, Path file) {
        Json.writeFile(file, bundleText(segments));
    }

    /** The JSON object of one segment; {@code withFormat} false inside a bundle. */
    public static ObjectNode toJson(Segment segment, boolean withFormat) {
        ObjectNode node = Json.NODES.objectNode();
        if (withFormat) {
            node.put("format", FORMAT);
        }
        node.put("name", segment.name());
        node.put("description", segment.description());
        node.put("folder", segment.folder());
        node.put("status", segment.status().jsonName());
        node.set("definition", ConditionJson.write(segment.definition()));
        FileHeader.putExtra(node, segment.extra(), segment.name());
        return node;
    }

    private static List<Segment> bundle(JsonNode root, String source) {
        JsonNode array = root.get("segments");
        if (array == null || !array.isArray()) {
            throw new WorkspaceException(source + ": missing \"segments\" (expected a list of segments)");
        }
        List<Segment> segments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String where = source + ": segments[" + i + "]";
            JsonNode node = array.get(i);
            if (node.has("format")) {
                FileHeader.checkFormat(node, FORMAT, where);
            } else if (!node.isObject()) {
                throw new WorkspaceException(where + ": expected a segment object");
            }
            Segment s = segment(node, where);
            if (!names.add(s.name())) {
                throw new WorkspaceException(where + ": the name '" + s.name() + "' appears twice in the bundle");
            }
            segments.add(s);
        }
        return segments;
    }

    private static Segment segment(JsonNode root, String source) {
        String name = FileHeader.requiredText(root, "name", source).strip();
        String status = FileHeader.optionalText(root, "status", source);
        SegmentStatus parsedStatus = status == null ? SegmentStatus.DRAFT : SegmentStatus.fromJson(status)
                .orElseThrow(() -> new WorkspaceException(source + ": status: unknown status '" + status
                        + "' (expected draft, active or archived)"));
        JsonNode definition = root.get("definition");
        if (definition == null || definition.isNull()) {
            throw new WorkspaceException(source + ": missing \"definition\"");
        }
        Condition condition = ConditionJson.read(definition, source + ": definition");
        return new Segment(name, FileHeader.optionalText(root, "description", source),
                FileHeader.optionalText(root, "folder", source), parsedStatus, condition,
                FileHeader.extra(root, KNOWN));
    }
}
