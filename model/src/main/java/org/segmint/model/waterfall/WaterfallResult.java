package org.segmint.model.waterfall;

import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/**
 * The outcome of a priority model over a set of customers.
 *
 * @param entries        per entry, in model order
 * @param leftoversName  the leftovers bucket's name, or null when the model has none
 * @param leftovers      customers no entry took (reported even without a leftovers bucket); do not modify
 * @param total          every customer considered (the universe)
 * @param warnings       warnings in model order
 */
public record WaterfallResult(List<EntryResult> entries, String leftoversName, RoaringBitmap leftovers, int total,
                             List<WaterfallWarning> warnings) {

    public WaterfallResult {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    /** Customers assigned to some entry (leftovers excluded). */
    public int assignedTotal() {
        return total - leftovers.getCardinality();
    }

    /** The same result with more warnings appended (for example about other stored models). */
    public WaterfallResult withWarnings(List<WaterfallWarning> more) {
        List<WaterfallWarning> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new WaterfallResult(entries, leftoversName, leftovers, total, all);
    }
}
