package org.segmint.app.history;

import java.util.List;
import org.segmint.persistence.store.SegmentVersion;

/** Where the history window reads a segment's versions and restores one (the workspace's segment store). */
public interface HistorySource {

    /** The versions of the saved segment {@code name}, newest (current) first. */
    List<SegmentVersion> versions(String name);

    /** Saves version {@code version} again as the newest; a {@code WorkspaceException} with a user message. */
    void restore(String name, int version);

    /** The label of a field id for the side-by-side text ("Email" for customers.email). */
    String label(String fieldId);
}
