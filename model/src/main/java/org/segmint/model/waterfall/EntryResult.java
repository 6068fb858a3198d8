package org.segmint.model.waterfall;

import java.util.List;
import java.util.Objects;
import org.roaringbitmap.RoaringBitmap;

/**
 * What one entry of a priority model got.
 *
 * @param name       the entry's name
 * @param qualifying customers who match the entry's definition
 * @param assigned   customers who land in this entry (qualifying and not taken by an earlier entry)
 * @param takenBy    for each earlier entry, in model order, how many of this entry's qualifying customers it
 *                   took; the sum is {@code qualifying - assigned}
 * @param members    the assigned customers (keys); do not modify
 */
public record EntryResult(String name, int qualifying, int assigned, List<Integer> takenBy, RoaringBitmap members) {

    public EntryResult {
        Objects.requireNonNull(name, "name");
        takenBy = List.copyOf(takenBy);
        Objects.requireNonNull(members, "members");
    }

    /** The numbers of this result, without the customers. */
    public EntryCount count() {
        return new EntryCount(name, qualifying, assigned, takenBy.stream().map(Integer::longValue).toList());
    }

    /** Qualifying customers that earlier entries took. */
    public int taken() {
        return qualifying - assigned;
    }
}
