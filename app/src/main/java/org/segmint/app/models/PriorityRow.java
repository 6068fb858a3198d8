package org.segmint.app.models;

import java.util.Map;

/**
 * One row of a priority list as shown: the segment, how many customers qualify, how many it keeps after
 * earlier segments took theirs, who took the rest (earlier segment name to count), a warning, and whether the
 * segment is defined inside the model (inline) rather than saved.
 */
public record PriorityRow(String name, long qualifying, long assigned, Map<String, Long> takenBy, String warning,
                          boolean inline) {

    public PriorityRow(String name, long qualifying, long assigned, Map<String, Long> takenBy, String warning) {
        this(name, qualifying, assigned, takenBy, warning, false);
    }

    public long taken() {
        return qualifying - assigned;
    }
}
