package org.segmint.app.models;

import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.ModelEntry;

/** The members behind a priority list, from the segment engine (which caches them). */
public interface MembershipSource {

    /** The customers matching the entry (a saved segment by name or an inline definition). */
    RoaringBitmap members(ModelEntry entry, Cancellation cancel);

    RoaringBitmap allCustomers();

    /** Names of the saved segments that can be added to a model. */
    List<String> segmentNames();
}
