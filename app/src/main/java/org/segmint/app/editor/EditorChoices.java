package org.segmint.app.editor;

import java.util.List;

/** The values editors offer in pick lists. Every method may query the workspace: call off the FX thread. */
public interface EditorChoices {

    /** Distinct non-empty values of a field containing {@code search}, most frequent first. */
    List<String> distinctValues(String fieldId, String search, int limit);

    List<String> eventTypes();

    List<String> segmentNames();

    List<String> groupNames();

    List<String> listNames();
}
