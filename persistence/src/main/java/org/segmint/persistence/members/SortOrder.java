package org.segmint.persistence.members;

/** Which way a column sorts; empty values always come last. */
public enum SortOrder {
    ASCENDING,
    DESCENDING
}
