package org.segmint.spark.cli;

import java.nio.file.Files;
import org.apache.hadoop.fs.Path;
import org.segmint.model.segment.Segment;
import org.segmint.persistence.json.SegmentFiles;
import org.segmint.spark.root.DataRoot;
import picocli.CommandLine.Option;

/** {@code --segment NAME | --file F}: a saved segment of the data root or a segment file. */
public final class SegmentChoice {
    @Option(names = "--segment", paramLabel = "NAME", required = true, description = "A segment of the data root"
            + " (segments/*.segment.json, found by name).")
    String segment;

    @Option(names = "--file", paramLabel = "FILE", required = true, description = "A segment file"
            + " (.segment.json); a local path or any path Spark reads.")
    String file;

    private Segment early;

    /** Reads a local segment file now, before Spark starts, so a bad file is refused at once. */
    void readEarly() {
        if (file != null && isLocal(file)) {
            early = SegmentFiles.read(java.nio.file.Path.of(file.startsWith("file:") ? Path.getPathWithoutSchemeAndAuthority(
                    new Path(file)).toString() : file));
        }
    }

    static boolean isLocal(String path) {
        String scheme = new Path(path).toUri().getScheme();
        return scheme == null || scheme.equals("file") || Files.exists(java.nio.file.Path.of(path));
    }

    /** The segment: a saved one by name, or the file's. */
    Segment resolve(DataRoot root) {
        if (segment != null) {
            return root.definitions().segment(segment.strip());
        }
        if (early != null) {
            return early;
        }
        Path p = new Path(file);
        return SegmentFiles.parse(root.files().readText(p), file);
    }
}
