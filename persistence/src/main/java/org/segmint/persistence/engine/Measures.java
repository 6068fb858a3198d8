package org.segmint.persistence.engine;

import org.segmint.model.validation.Values;
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
        double[] bounds = exactDoubles(sqlLike);
        int[] keys = new int[cks.length];
        int n = 0;
        boolean sorted = true;
        for (int i = 0; i < cks.length; i++) {
            boolean passes = bounds == null ? sqlLike.test(new BigDecimal(values[i])) : test(sqlLike, bounds, values[i]);
            if (passes == pass) {
                sorted &= n == 0 || keys[n - 1] < cks[i];
                keys[n++] = cks[i];
            }
        }
        if (!sorted) {
            return RoaringBitmap.bitmapOfUnordered(java.util.Arrays.copyOf(keys, n));
        }
        org.roaringbitmap.RoaringBitmapWriter<RoaringBitmap> out = ColumnLeaves.writer();
        for (int i = 0; i < n; i++) {
            out.add(keys[i]);
        }
        return out.get();
    }

    /** The comparison's values as doubles when each is exactly a double (then double tests are exact). */
    private static double[] exactDoubles(Comparison cmp) {
        double[] out = new double[cmp.values().size()];
        for (int i = 0; i < out.length; i++) {
            BigDecimal v = cmp.values().get(i);
            out[i] = v.doubleValue();
            if (Double.isInfinite(out[i]) || new BigDecimal(out[i]).compareTo(v) != 0) {
                return null;
            }
        }
        return out.length == 0 ? null : out;
    }

    /** {@link Comparison#test} on doubles. */
    private static boolean test(Comparison cmp, double[] bounds, double v) {
        double first = bounds[0];
        switch (cmp.op()) {
            case EQ:
                return v == first;
            case NE:
                return v != first;
            case LT:
                return v < first;
            case LTE:
                return v <= first;
            case GT:
                return v > first;
            case GTE:
                return v >= first;
            case BETWEEN:
                return bounds.length == 2 && v >= first && v <= bounds[1];
            default:
                return false;
        }
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
