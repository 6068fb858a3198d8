package org.segmint.persistence.group;

import java.time.Instant;
import java.time.LocalDate;

/** One recalculation of a smart group: when it ran, the as-of date it used, and what it did to the members. */
public record HistoryEntry(Instant at, LocalDate asOf, long total, long joined, long left) {
}
