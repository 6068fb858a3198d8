package org.segmint.spark.root;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Segment;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.json.ModelFiles;
import org.segmint.persistence.json.SegmentFiles;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The saved definitions of a data root, found by the {@code name} inside each file: segments
 * ({@code segments/*.segment.json}), priority models ({@code models/*.model.json}) and smart groups
 * ({@code smart-groups/*.group.json}). A job folder's definitions are read over the root's: one of the same name
 * replaces the root's.
 */
public final class Definitions {
    private final Map<String, Segment> segments = new LinkedHashMap<>();
    private final Map<String, PriorityModel> models = new LinkedHashMap<>();
    private final Map<String, SmartGroup> smartGroups = new LinkedHashMap<>();

    /** Reads the definitions under {@code folder} (a data root or a job folder) over those read so far. */
    public void read(RootFiles files, Path folder) {
        Map<String, Segment> found = new LinkedHashMap<>();
        for (Path file : files(files, new Path(folder, Layout.SEGMENTS), Layout.SEGMENT_SUFFIX)) {
            Segment segment = SegmentFiles.parse(files.readText(file), file.toString());
            put(found, segment.name(), segment, file);
        }
        segments.putAll(found);
        Map<String, PriorityModel> foundModels = new LinkedHashMap<>();
        for (Path file : files(files, new Path(folder, Layout.MODELS), Layout.MODEL_SUFFIX)) {
            PriorityModel model = ModelFiles.parse(files.readText(file), file.toString());
            put(foundModels, model.name(), model, file);
        }
        models.putAll(foundModels);
        Map<String, SmartGroup> foundGroups = new LinkedHashMap<>();
        for (Path file : files(files, new Path(folder, Layout.SMART_GROUPS), Layout.GROUP_SUFFIX)) {
            SmartGroup group = SmartGroup.parse(files.readText(file), file.toString());
            put(foundGroups, group.name(), group, file);
        }
        smartGroups.putAll(foundGroups);
    }

    private static <T> void put(Map<String, T> found, String name, T value, Path file) {
        if (found.containsKey(name)) {
            throw new WorkspaceException(file + ": another file of " + file.getParent() + " already holds '" + name
                    + "'");
        }
        found.put(name, value);
    }

    private static List<Path> files(RootFiles files, Path folder, String suffix) {
        return files.list(folder).stream().filter(FileStatus::isFile).map(FileStatus::getPath)
                .filter(p -> p.getName().endsWith(suffix) && !p.getName().startsWith(".")).toList();
    }

    public Optional<Condition> segmentDefinition(String name) {
        return Optional.ofNullable(segments.get(name)).map(Segment::definition);
    }

    public Segment segment(String name) {
        Segment s = segments.get(name);
        if (s == null) {
            throw new WorkspaceException("Unknown segment '" + name + "'");
        }
        return s;
    }

    public PriorityModel model(String name) {
        PriorityModel m = models.get(name);
        if (m == null) {
            throw new WorkspaceException("Unknown model '" + name + "'");
        }
        return m;
    }

    public Map<String, Segment> segments() {
        return segments;
    }

    public List<PriorityModel> models() {
        return List.copyOf(models.values());
    }

    public Map<String, SmartGroup> smartGroups() {
        return smartGroups;
    }
}
