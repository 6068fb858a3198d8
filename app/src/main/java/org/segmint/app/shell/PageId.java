package org.segmint.app.shell;

/** The pages of the main window. {@link #EDITOR} is not in the navigation: it opens from the Segments page. */
public enum PageId {
    SEGMENTS("Segments", "Build and manage audience segments", true),
    EDITOR("Segment editor", "Edit one segment", false),
    MODELS("Models", "Priority models: each customer lands in one segment", true),
    DATA("Data", "Tables, attributes, as-of date and imports", true),
    GROUPS("Groups", "Smart and static groups, batch operations and priority clusters", true);

    private final String title;
    private final String description;
    private final boolean inNavigation;

    PageId(String title, String description, boolean inNavigation) {
        this.title = title;
        this.description = description;
        this.inNavigation = inNavigation;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public boolean inNavigation() {
        return inNavigation;
    }
}
