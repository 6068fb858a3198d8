package org.segmint.app.shell;

/** The page registered for {@link PageId#EDITOR}: the Segments page hands a segment over to it. */
public interface SegmentEditorPage extends Page {

    /** Opens a saved segment by name. */
    void openSegment(String name);

    /** Starts a new, unsaved segment. */
    void newSegment();
}
