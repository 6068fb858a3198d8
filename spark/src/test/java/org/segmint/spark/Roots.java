package org.segmint.spark;

import java.nio.file.Path;
import java.util.Map;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.json.SegmentFiles;
import org.segmint.spark.export.FromWorkspace;
import org.segmint.spark.root.DataRoot;
import org.segmint.spark.root.Layout;
import org.segmint.spark.root.Outputs;
import org.segmint.spark.root.RootFiles;

/** Data roots for tests: a workspace written by {@code from-workspace}, opened on the shared session. */
public final class Roots {
    private Roots() {
    }

    public static RootFiles files() {
        return new RootFiles(SharedSpark.session().sparkContext().hadoopConfiguration());
    }

    /** Writes {@code workspace} as a data root at {@code out}. */
    public static void fromWorkspace(Path workspace, Path out) {
        RootFiles files = files();
        org.apache.hadoop.fs.Path target = new Outputs(files).check(out.toString(), null, false, "--out");
        new Outputs(files).replace(target, temp -> new FromWorkspace(files).copy(workspace, temp,
                Cancellation.none()));
    }

    /** Adds saved segments to a data root's segments/. */
    public static void addSegments(Path root, Map<String, Condition> segments) {
        RootFiles files = files();
        segments.forEach((name, definition) -> files.writeText(new org.apache.hadoop.fs.Path(root.resolve(
                Layout.SEGMENTS).resolve(Layout.fileName(name) + Layout.SEGMENT_SUFFIX).toUri()),
                SegmentFiles.toText(Segment.of(name, definition))));
    }

    public static DataRoot open(Path root) {
        return DataRoot.open(SharedSpark.session(), root.toString(), null, Map.of());
    }
}
