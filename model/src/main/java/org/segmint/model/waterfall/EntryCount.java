package org.segmint.model.waterfall;

import java.util.List;
import java.util.Objects;

/**
 * What one entry of a priority model got, as numbers only: what a report and its warnings need, wherever the
 * customer sets themselves live (in memory on the desktop, on a cluster for a Spark job).
 *
 * @param name       the entry's name
 * @param qualifying customers who match the entry's definition
 * @param assigned   customers who land in this entry
 * @param takenBy    for each earlier entry, in model order, how many of this entry's qualifying customers it took
 */
public record EntryCount(String name, long qualifying, long assigned, List<Long> takenBy) {

    public EntryCount {
        Objects.requireNonNull(name, "name");
        takenBy = List.copyOf(takenBy);
    }

    /** Qualifying customers that earlier entries took. */
    public long taken() {
        return qualifying - assigned;
    }
}
