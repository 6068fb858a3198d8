package org.segmint.model.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.roaringbitmap.RoaringBitmap;

/**
 * Sizes and overlaps of 2 to 5 customer sets: the pairwise matrix (the diagonal holds each size), the
 * customers unique to each set, and the count of every exact intersection (the customers in exactly a
 * given combination of sets, which is what an intersection-bar diagram draws).
 *
 * <p>Combinations are bit masks: bit {@code i} set means "in set i". Exact intersections partition the
 * union: their counts add up to {@link #union()}.
 */
public final class OverlapMatrix {
    public static final int MIN_SETS = 2;
    public static final int MAX_SETS = 5;

    private final List<String> names;
    private final List<RoaringBitmap> sets;
    private final long[][] pairs;
    private final long[] exact;
    private final long union;

    private OverlapMatrix(List<String> names, List<RoaringBitmap> sets, long[] exact) {
        this.names = List.copyOf(names);
        this.sets = List.copyOf(sets);
        this.exact = exact;
        int n = names.size();
        pairs = new long[n][n];
        long all = 0;
        for (int mask = 1; mask < exact.length; mask++) {
            all += exact[mask];
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if ((mask & (1 << j)) != 0) {
                        pairs[i][j] += exact[mask];
                    }
                }
            }
        }
        union = all;
    }

    /**
     * The count of every exact intersection from the size of every plain intersection (each built from a smaller
     * one and one set, the widest only counted), by inclusion and exclusion: the customers in exactly the sets of
     * a mask are those in all of them, less those in any more. A few dozen set operations for five sets, where
     * building each exact intersection took a few hundred.
     */
    private static long[] exactCounts(List<RoaringBitmap> sets) {
        int n = sets.size();
        long[] count = new long[1 << n];
        RoaringBitmap[] all = new RoaringBitmap[1 << n];
        for (int mask = 1; mask < count.length; mask++) {
            int high = 31 - Integer.numberOfLeadingZeros(mask);
            int rest = mask & ~(1 << high);
            RoaringBitmap last = sets.get(high);
            if (rest == 0) {
                all[mask] = last;
                count[mask] = last.getLongCardinality();
            } else if (high == n - 1) {
                // No wider mask extends this one: its size is enough.
                count[mask] = RoaringBitmap.andCardinality(all[rest], last);
            } else {
                all[mask] = RoaringBitmap.and(all[rest], last);
                count[mask] = all[mask].getLongCardinality();
            }
        }
        for (int bit = 0; bit < n; bit++) {
            for (int mask = 1; mask < count.length; mask++) {
                if ((mask & (1 << bit)) == 0) {
                    count[mask] -= count[mask | (1 << bit)];
                }
            }
        }
        count[0] = 0;
        return count;
    }

    /**
     * Computes the overlaps of the given sets.
     *
     * @throws IllegalArgumentException unless there are 2 to 5 sets, one name per set
     */
    public static OverlapMatrix of(List<String> names, List<RoaringBitmap> sets) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(sets, "sets");
        if (sets.size() < MIN_SETS || sets.size() > MAX_SETS) {
            throw new IllegalArgumentException("Compare needs 2 to 5 segments, not " + sets.size());
        }
        if (names.size() != sets.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + sets.size() + " segments");
        }
        return new OverlapMatrix(names, sets, exactCounts(sets));
    }

    /**
     * The overlaps of 2 to 5 sets known only by the count of each exact intersection ({@code exact[mask]} =
     * customers in exactly the sets of {@code mask}; index 0 is ignored), as a cluster reports them. Such a matrix
     * has every number but not the customers: {@link #exactly(int)} is not available.
     */
    public static OverlapMatrix ofExactCounts(List<String> names, long[] exact) {
        Objects.requireNonNull(names, "names");
        if (names.size() < MIN_SETS || names.size() > MAX_SETS) {
            throw new IllegalArgumentException("Compare needs 2 to 5 segments, not " + names.size());
        }
        if (exact.length != 1 << names.size()) {
            throw new IllegalArgumentException(exact.length + " counts for " + names.size() + " segments");
        }
        long[] copy = exact.clone();
        copy[0] = 0;
        return new OverlapMatrix(names, List.of(), copy);
    }

    public int count() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }

    public long size(int i) {
        return pairs[i][i];
    }

    /** Customers in both set {@code i} and set {@code j}; {@code overlap(i, i)} is the size of set i. */
    public long overlap(int i, int j) {
        return pairs[i][j];
    }

    /** Share of set {@code i} that is also in set {@code j} (0 when set i is empty). */
    public double overlapShare(int i, int j) {
        return pairs[i][i] == 0 ? 0 : (double) pairs[i][j] / pairs[i][i];
    }

    /** The pairwise matrix as rows; a copy. */
    public long[][] matrix() {
        long[][] copy = new long[pairs.length][];
        for (int i = 0; i < pairs.length; i++) {
            copy[i] = pairs[i].clone();
        }
        return copy;
    }

    /** Customers in set {@code i} and in no other set. */
    public long unique(int i) {
        return exact[1 << i];
    }

    /** Customers in at least one set. */
    public long union() {
        return union;
    }

    /** Customers in exactly the sets of {@code mask} (bit i = set i) and in none of the others. */
    public long exactIntersection(int mask) {
        checkMask(mask);
        return exact[mask];
    }

    /** Customers in every set of {@code mask}, whatever other sets they are in. */
    public long intersection(int mask) {
        checkMask(mask);
        long sum = 0;
        for (int m = 1; m < exact.length; m++) {
            if ((m & mask) == mask) {
                sum += exact[m];
            }
        }
        return sum;
    }

    /** Every non-empty combination with its exact count, largest first (ties by mask), for intersection bars. */
    public List<Combination> combinations() {
        List<Combination> all = new ArrayList<>();
        for (int mask = 1; mask < exact.length; mask++) {
            List<String> in = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    in.add(names.get(i));
                }
            }
            all.add(new Combination(mask, in, exact[mask]));
        }
        all.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count())
                : Integer.compare(a.mask(), b.mask()));
        return all;
    }

    /**
     * The customers in exactly the sets of {@code mask}: a new bitmap.
     *
     * @throws IllegalStateException for a matrix made from counts only ({@link #ofExactCounts})
     */
    public RoaringBitmap exactly(int mask) {
        checkMask(mask);
        if (sets.isEmpty()) {
            throw new IllegalStateException("This comparison holds counts only, not the customers");
        }
        return exactly(sets, mask);
    }

    private static RoaringBitmap exactly(List<RoaringBitmap> sets, int mask) {
        RoaringBitmap in = null;
        RoaringBitmap out = new RoaringBitmap();
        for (int i = 0; i < sets.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                in = in == null ? sets.get(i).clone() : RoaringBitmap.and(in, sets.get(i));
            } else {
                out.or(sets.get(i));
            }
        }
        in.andNot(out);
        return in;
    }

    private void checkMask(int mask) {
        if (mask <= 0 || mask >= (1 << names.size())) {
            throw new IllegalArgumentException("No combination " + mask + " of " + names.size() + " sets");
        }
    }

    /**
     * One exact intersection.
     *
     * @param mask  bit i set = in set i
     * @param names the names of the sets in the combination, in set order
     * @param count customers in exactly these sets
     */
    public record Combination(int mask, List<String> names, long count) {
        public Combination {
            names = List.copyOf(names);
        }
    }
}
