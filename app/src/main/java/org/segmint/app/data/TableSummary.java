package org.segmint.app.data;

/** One row of the Data page's table list: a workspace table, its rows and attributes. */
public record TableSummary(String name, String label, long rows, int attributes) {
}
