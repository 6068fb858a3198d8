package org.segmint.app.groups;

/** A group of a cluster: its size before de-duplication and the customers it keeps after. */
public record ClusterRow(String name, long customers, long assigned) {
    /** Customers taken by groups above this one. */
    public long taken() {
        return customers - assigned;
    }
}
