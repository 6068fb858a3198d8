package org.segmint.persistence.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Priority cluster files ({@code segmint/cluster@1}): a name and the names of groups in priority order. Unknown
 * top-level fields are kept.
 */
public final class ClusterFiles {
    public static final String FORMAT = "segmint/cluster@1";

    private static final Set<String> KNOWN = Set.of("format", "name", "groups");

    /** A cluster as written in a file: its name, its groups by name in priority order, fields kept as text. */
    public record Cluster(String name, List<String> groups, Map<String, String> extra) {
        public Cluster {
            groups = List.copyOf(groups);
            extra = Map.copyOf(extra);
        }

        public Cluster withGroups(List<String> newGroups) {
            return new Cluster(name, newGroups, extra);
        }
    }

    private ClusterFiles() {
    }

    public static Cluster read(Path file) {
        return parse(Json.read(file), file.toString());
    }

    /** Reads a cluster; a group listed twice or an empty name is refused. */
    public static Cluster parse(String text, String source) {
        JsonNode root = Json.parse(text, source);
        FileHeader.checkFormat(root, FORMAT, source);
        String name = FileHeader.requiredText(root, "name", source).strip();
        JsonNode array = root.get("groups");
        if (array == null || !array.isArray()) {
            throw new WorkspaceException(source + ": missing \"groups\" (expected a list of group names in priority"
                    + " order)");
        }
        List<String> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode g = array.get(i);
            if (!g.isTextual() || g.textValue().isBlank()) {
                throw new WorkspaceException(source + ": groups[" + i + "]: expected a group name, not " + g);
            }
            String group = g.textValue().strip();
            if (!seen.add(group)) {
                throw new WorkspaceException(source + ": groups[" + i + "]: group '" + group + "' is listed twice");
            }
            groups.add(group);
        }
        return new Cluster(name, groups, FileHeader.extra(root, KNOWN));
    }

    public static String toText(Cluster cluster) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("format", FORMAT);
        root.put("name", cluster.name());
        ArrayNode array = root.putArray("groups");
        cluster.groups().forEach(array::add);
        FileHeader.putExtra(root, cluster.extra(), cluster.name());
        return Json.write(root);
    }

    public static void write(Cluster cluster, Path file) {
        Json.writeFile(file, toText(cluster));
    }
}
