package org.segmint.persistence.store;

import java.time.Instant;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SegmentIcon;

/**
 * A segment as stored in a workspace, with what the segments page shows besides the file content.
 *
 * @param icon          the icon shown while the segment is pinned
 * @param lastCount     customers at the last count, or null when never counted since the definition changed
 * @param lastCountedAt when that count was made, or null
 */
public record SavedSegment(Segment segment, boolean pinned, SegmentIcon icon, Instant createdAt, Instant updatedAt, Long lastCount,
                           Instant lastCountedAt) {

    public String name() {
        return segment.name();
    }
}
