package org.segmint.app.models;

import java.util.Map;

/**
 * One row of a priority list as shown: the segment, how many customers qualify, how many it keeps after
 * earlier segments took theirs, who took the rest (earlier segment name to count), and a warning.
 */
public record PriorityRow(String name, long qualifying, long assigned, Map<String, Long> takenBy, String warning) {

    public long taken() {
        return qualifying - assigned;
    }
}
