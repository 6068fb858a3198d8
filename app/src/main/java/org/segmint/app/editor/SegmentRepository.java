package org.segmint.app.editor;

import java.util.List;
import java.util.Optional;
import org.segmint.model.segment.Segment;

/** Where the editor loads and saves segments (the workspace's segment store). */
public interface SegmentRepository {

    /** Names of the saved segments, sorted. */
    List<String> names();

    Optional<Segment> find(String name);

    /**
     * Saves {@code segment}; when {@code previousName} is not null and differs, the segment saved under
     * that name is renamed. Throws a {@code WorkspaceException} with a user message on failure.
     */
    void save(Segment segment, String previousName);
}
