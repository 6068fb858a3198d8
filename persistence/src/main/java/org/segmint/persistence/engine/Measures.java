package org.segmint.persistence.engine;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Comparison;

/**
 * The measure (orders, units, revenue, event count) of every customer that has matching rows, for one
 * behaviour condition without its comparison. Kept so that changing only the threshold ("more than
 * 500" to "more than 600") compares in memory instead of aggregating the orders again.
 */
record Measures(int[] cks, double[] values) {

    /** The keys whose measure passes ({@code pass}) or fails ({@code !pass}) the comparison. */
    RoaringBitmap matching(Comparison cmp, boolean pass) {
        Comparison sqlLike = asCompared(cmp);
        RoaringBitmap result = new RoaringBitmap();
        for (int i = 0; i < cks.length; i++) {
            if (sqlLike.test(new BigDecimal(values[i])) == pass) {
                result.add(cks[i]);
            }
        }
        return result;
    }

    /**
     * The comparison with its values as SQLite compares them with a REAL sum: whole numbers exactly,
     * others as the nearest double. Keeps the in-memory test equal to View SQL's HAVING clause.
     */
    private static Comparison asCompared(Comparison cmp) {
        return new Comparison(cmp.op(), cmp.values().stream().map(v -> {
            Object n = Values.sqlNumber(v);
            return n instanceof Double d ? new BigDecimal(d) : v;
        }).toList());
    }

    long bytes() {
        return 12L * cks.length + 32;
    }

    /** A small LRU of measures, bounded by bytes. */
    static final class Cache {
        private final long maxBytes;
        private final LinkedHashMap<MembershipCache.Key, Measures> entries = new LinkedHashMap<>(16, 0.75f, true);
        private long bytes;

        Cache(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        synchronized Measures get(MembershipCache.Key key) {
            return entries.get(key);
        }

        synchronized void put(MembershipCache.Key key, Measures measures) {
            Measures old = entries.put(key, measures);
            bytes += measures.bytes() - (old == null ? 0 : old.bytes());
            var it = entries.entrySet().iterator();
            while (bytes > maxBytes && it.hasNext()) {
                Map.Entry<MembershipCache.Key, Measures> eldest = it.next();
                if (!eldest.getKey().equals(key)) {
                    bytes -= eldest.getValue().bytes();
                    it.remove();
                }
            }
        }

        synchronized void clear() {
            entries.clear();
            bytes = 0;
        }
    }
}
