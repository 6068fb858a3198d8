package org.segmint.app.editor;

import java.util.List;
import org.segmint.persistence.store.ValueLists;
import org.segmint.persistence.workspace.Workspace;

/**
 * Values the editors offer in pick lists: distinct values of a catalog field (most frequent first, filtered by a
 * search text), event types, and the names of saved segments, groups and lists. Call off the FX thread.
 */
public final class PickLists implements EditorChoices {
    private final ValueLists values;
    private final SegmentRepository segments;

    public PickLists(Workspace workspace, SegmentRepository segments) {
        this.values = new ValueLists(workspace);
        this.segments = segments;
    }

    @Override
    public List<String> segmentNames() {
        return segments.names();
    }

    /** Up to {@code limit} distinct non-empty values of {@code fieldId} containing {@code search}. */
    @Override
    public List<String> distinctValues(String fieldId, String search, int limit) {
        return values.distinctValues(fieldId, search, limit);
    }

    @Override
    public List<String> eventTypes() {
        return values.eventTypes();
    }

    @Override
    public List<String> groupNames() {
        return values.groupNames();
    }

    @Override
    public List<String> listNames() {
        return values.listNames();
    }
}
