package org.segmint.model.hierarchy;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * Every customer's parent at one level, as dense parent keys: customers with the same non-empty parent id share
 * a key; a customer with an empty parent id is a parent of its own (a key no one else has). Sets of customers
 * map to sets of parents, so a count, an overlap or a comparison at that level is the same set algebra as at
 * customer level.
 */
public final class Parents {
    private final int[] parentOf;
    private final List<String> ids;

    /**
     * @param parentOf the parent key of each customer key ({@code -1} for keys that are no customer)
     * @param ids      the parent id of each parent key; null for a customer's own parent
     */
    public Parents(int[] parentOf, List<String> ids) {
        this.parentOf = Objects.requireNonNull(parentOf, "parentOf");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** The parent key of customer key {@code ck}, or -1. */
    public int parentOf(int ck) {
        return ck >= 0 && ck < parentOf.length ? parentOf[ck] : -1;
    }

    /** The parent id of a parent key; null for a customer that is a parent of its own (its id is empty). */
    public String id(int parent) {
        return ids.get(parent);
    }

    /** How many parents there are in the workspace. */
    public int parentCount() {
        return ids.size();
    }

    /** The parents of {@code members}. */
    public RoaringBitmap of(RoaringBitmap members) {
        int[] keys = new int[members.getCardinality()];
        int n = 0;
        for (PeekableIntIterator it = members.getIntIterator(); it.hasNext(); ) {
            int p = parentOf(it.next());
            if (p >= 0) {
                keys[n++] = p;
            }
        }
        Arrays.sort(keys, 0, n);
        RoaringBitmap parents = new RoaringBitmap();
        parents.addN(keys, 0, n);
        return parents;
    }

    /** The number of distinct parents among {@code members}. */
    public long count(RoaringBitmap members) {
        return of(members).getLongCardinality();
    }
}
