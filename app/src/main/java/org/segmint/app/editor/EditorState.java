package org.segmint.app.editor;

import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SegmentStatus;

/** Everything the editor can change about a segment: one snapshot per undo step. */
record EditorState(String name, String description, String folder, SegmentStatus status, Condition definition) {

    static EditorState of(Segment segment) {
        return new EditorState(segment.name(), segment.description(), segment.folder(), segment.status(),
                segment.definition());
    }

    EditorState withDefinition(Condition newDefinition) {
        return new EditorState(name, description, folder, status, newDefinition);
    }
}
