package org.segmint.app.segments;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.segmint.model.segment.SegmentIcon;
import org.segmint.model.segment.SegmentStatus;
import org.segmint.persistence.store.SavedSegment;
import org.segmint.persistence.store.Usage;

/** One line of the segments list: a saved segment and where it is used. */
public record SegmentRow(String name, String description, SegmentStatus status, String folder, boolean pinned,
                         SegmentIcon icon, Long lastCount, Instant lastCountedAt, Instant updatedAt, List<Usage> usedIn) {

    public SegmentRow {
        usedIn = List.copyOf(usedIn);
    }

    public static SegmentRow of(SavedSegment s, List<Usage> usedIn) {
        return new SegmentRow(s.name(), s.segment().description(), s.segment().status(), s.segment().folder(),
                s.pinned(), s.icon(), s.lastCount(), s.lastCountedAt(), s.updatedAt(), usedIn);
    }

    /** "model 'Q4 waterfall', segment 'Lapsed VIPs'" or empty. */
    public String usedInText() {
        return usedIn.stream().map(Usage::describe).collect(Collectors.joining(", "));
    }
}
