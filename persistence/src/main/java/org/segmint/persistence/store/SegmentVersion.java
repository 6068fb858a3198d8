package org.segmint.persistence.store;

import java.time.Instant;
import org.segmint.model.segment.Segment;

/**
 * One saved state of a segment: versions are numbered 1, 2, ... per segment; the newest is the segment as it is
 * now. Each carries who saved it and when, and the customer count made while it was the current version.
 *
 * @param segment   the segment as saved then (its name then, description, folder, status and definition)
 * @param savedBy   the account name of whoever saved it, or empty when not known
 * @param note      what kind of save it was, when not a plain save ("restored version 3", "renamed from X")
 * @param customers the count made while this version was current, or null when it was never counted
 * @param current   whether this is the segment as it is now
 */
public record SegmentVersion(int version, Segment segment, Instant savedAt, String savedBy, String note,
                             Long customers, Instant countedAt, boolean current) {
}
