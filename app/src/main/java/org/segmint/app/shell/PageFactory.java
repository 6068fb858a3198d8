package org.segmint.app.shell;

/** Creates a page for the open workspace. */
@FunctionalInterface
public interface PageFactory {
    Page create(AppContext context, Navigator navigator);
}
