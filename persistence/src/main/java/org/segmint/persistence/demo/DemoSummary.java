package org.segmint.persistence.demo;

/** Rows written by one demo generation and how long it took. */
public record DemoSummary(long customers, long orders, long orderItems, long events, double seconds) {
}
