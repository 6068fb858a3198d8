package org.segmint.app.editor;

/** Where the live count of the definition being edited stands. */
public enum CountState {
    /** Nothing asked yet. */
    IDLE,
    /** An edit is waiting for the debounce or the engine is counting. */
    COUNTING,
    /** The count of the current definition is known. */
    DONE,
    /** The definition has problems; the conditions concerned are marked. */
    INVALID,
    /** The engine failed; the message says why. */
    ERROR
}
