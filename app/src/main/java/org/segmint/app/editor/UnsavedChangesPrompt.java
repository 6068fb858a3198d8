package org.segmint.app.editor;

/** Asks the user what to do with unsaved changes before the editor closes or loads another segment. */
@FunctionalInterface
public interface UnsavedChangesPrompt {

    /** The user's answer. */
    enum Choice { SAVE, DISCARD, CANCEL }

    Choice ask(String segmentName);
}
