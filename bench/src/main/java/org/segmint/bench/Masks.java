package org.segmint.bench;

import java.util.List;

/**
 * DuckDB's side of overlaps and models: every customer in at least one of the segments gets a bit mask (bit i
 * = in segment i), and the rows are grouped by mask. Every overlap and every first-match-wins number is a sum
 * of those groups, so one pass over the union answers them all.
 */
final class Masks {
    private Masks() {
    }

    /** {@code WITH s0 AS (...), ..., masks AS (SELECT ck, mask ...)}: the segments' masks, one row a customer. */
    static Query with(List<Segments.Segment> segments) {
        Query q = Query.of("WITH ");
        for (int i = 0; i < segments.size(); i++) {
            q.add("s" + i + " AS (").add(segments.get(i).members()).add("), ");
        }
        q.add("tagged AS (");
        for (int i = 0; i < segments.size(); i++) {
            q.add(i == 0 ? "" : " UNION ALL ").add("SELECT ck, " + (1 << i) + " AS bit FROM s" + i);
        }
        return q.add("), masks AS (SELECT ck, bit_or(bit) AS mask FROM tagged GROUP BY ck)");
    }

    static boolean has(int mask, int i) {
        return (mask & (1 << i)) != 0;
    }

    /** The first segment of the mask: the one that takes the customer in a first-match-wins model. */
    static int first(int mask) {
        return Integer.numberOfTrailingZeros(mask);
    }
}
