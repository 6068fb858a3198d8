package org.segmint.app.shell;

/** Window-wide commands the menu sends to the current page ({@link Page#handle}). */
public enum PageCommand {
    /** Ctrl+S. */
    SAVE,
    /** Ctrl+Shift+S. */
    SAVE_AS,
    /** Ctrl+I: import a CSV file into the workspace. */
    IMPORT_CSV,
    /** Ctrl+E: export what the page shows. */
    EXPORT,
    /** Ctrl+F: focus the page's search field. */
    FIND
}
