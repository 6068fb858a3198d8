package org.segmint.app.segments;

/** What the segments list is sorted by (pinned segments stay on top either way). */
public enum SortKey {
    NAME("Name"),
    STATUS("Status"),
    UPDATED("Last updated"),
    CUSTOMERS("Customers"),
    FOLDER("Folder");

    private final String label;

    SortKey(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
