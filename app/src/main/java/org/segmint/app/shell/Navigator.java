package org.segmint.app.shell;

/** Moves between pages; given to every page by the main window. */
public interface Navigator {

    void show(PageId page);

    /** Shows the editor page with a saved segment. */
    void openSegment(String name);

    /** Shows the editor page with a new segment. */
    void newSegment();
}
