package org.segmint.persistence.group;

/**
 * What a recalculation (or the first calculation) did to a group, against the members it had before:
 * {@code joined} are in now and were not, {@code left} were in and are not, {@code total} are in now.
 */
public record MemberChange(long total, long joined, long left) {
}
