package org.segmint.model.task;

/** Receives progress of long work: {@code done} of {@code total} units ({@code total} &lt; 0 if unknown). */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total, message) -> { };

    void update(long done, long total, String message);
}
