package org.segmint.app.models;

import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;

/** The members behind a priority list, from the segment engine (which caches them). */
public interface MembershipSource {

    /** The customers matching the entry (a saved segment by name or an inline definition). */
    RoaringBitmap members(ModelEntry entry, Cancellation cancel);

    RoaringBitmap allCustomers();

    /**
     * Warnings about the model as a whole, e.g. customers who also land in another saved model. They do
     * not depend on the order of the entries.
     */
    List<String> modelWarnings(PriorityModel model, Cancellation cancel);

    /** Names of the saved segments that can be added to a model. */
    List<String> segmentNames();
}
