package org.segmint.persistence.engine;

import org.segmint.model.validation.Values;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Operator;
import org.segmint.persistence.columns.Parallel;

/**
 * The measure (orders, units, revenue, event count) of every customer that has matching rows, for one
 * behaviour condition without its comparison. Kept so that changing only the threshold ("more than
 * 500" to "more than 600") compares in memory instead of aggregating the orders again.
 */
record Measures(int[] cks, double[] values, int size) {

    /** @param size one past the largest key: computed once here, not at every threshold edit */
    Measures(int[] cks, double[] values) {
        this(cks, values, keysUpTo(cks));
    }

    private static int keysUpTo(int[] cks) {
        int size = 0;
        for (int ck : cks) {
            size = Math.max(size, ck + 1);
        }
        return size;
    }

    /** The keys whose measure passes ({@code pass}) or fails ({@code !pass}) the comparison. */
    RoaringBitmap matching(Comparison cmp, boolean pass) {
        Comparison sqlLike = asCompared(cmp);
        double[] bounds = exactDoubles(sqlLike);
        double[] range = bounds == null ? null : range(sqlLike.op(), bounds);
        // A bit per key, set in one pass on both cores: a threshold edit at a million customers stays a few ms.
        int words = (size + 63) >>> 6;
        List<long[]> parts = Parallel.split(cks.length, cks.length, (from, to) -> {
            long[] mine = new long[words];
            if (range != null) {
                // Measures are finite: "inside low .. high" is the comparison (outside it for "not equal").
                double low = range[0];
                double high = range[1];
                boolean want = pass == (range[2] == 0);
                for (int i = from; i < to; i++) {
                    double v = values[i];
                    if ((v >= low && v <= high) == want) {
                        mine[cks[i] >>> 6] |= 1L << cks[i];
                    }
                }
            } else {
                for (int i = from; i < to; i++) {
                    if (sqlLike.test(new BigDecimal(values[i])) == pass) {
                        mine[cks[i] >>> 6] |= 1L << cks[i];
                    }
                }
            }
            return mine;
        });
        return ColumnLeaves.unionOfBits(parts);
    }

    /**
     * The comparison on doubles as the closed range {low, high, negated} it accepts ({@code negated} 1 when it
     * accepts what lies outside, for "not equal"); null for an operator that is not a range.
     */
    private static double[] range(Operator op, double[] bounds) {
        double b = bounds[0];
        double inf = Double.POSITIVE_INFINITY;
        return switch (op) {
            case EQ -> new double[] {b, b, 0};
            case NE -> new double[] {b, b, 1};
            case LT -> new double[] {-inf, Math.nextDown(b), 0};
            case LTE -> new double[] {-inf, b, 0};
            case GT -> new double[] {Math.nextUp(b), inf, 0};
            case GTE -> new double[] {b, inf, 0};
            case BETWEEN -> bounds.length == 2 ? new double[] {b, bounds[1], 0} : null;
            default -> null;
        };
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
