package org.segmint.app.shell;

import javafx.scene.Node;

/**
 * One page of the main window. A page is created once per open workspace (by its {@link PageFactory})
 * and shown and hidden as the user navigates.
 */
public interface Page {

    /** The page's root node. */
    Node node();

    /** Called each time the page becomes visible (reload what may have changed). */
    default void onShown() {
    }

    /** F5: reload everything from the workspace. */
    default void refresh() {
    }

    /**
     * A window-wide command (menu or shortcut) aimed at the current page; return true when handled.
     * Commands a page does not know are ignored.
     */
    default boolean handle(PageCommand command) {
        return false;
    }

    /** Called when the workspace closes and the page is dropped: remove listeners on the context here. */
    default void dispose() {
    }

    /**
     * Called before the workspace closes or the user leaves for another workspace; return false to stay
     * (e.g. unsaved edits the user chose to keep).
     */
    default boolean canLeave() {
        return true;
    }
}
