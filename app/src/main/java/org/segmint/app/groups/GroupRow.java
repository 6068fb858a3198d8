package org.segmint.app.groups;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.segmint.persistence.group.Group;

/** A group as the list shows it. {@code lastRun} is the local date of the last recalculation, or empty. */
public record GroupRow(String name, String kind, long customers, String schedule, String lastRun, String asOf,
                       boolean due, String error, String source, String folder) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    public static GroupRow of(Group g, Clock clock) {
        String last = g.recalculatedAt() == null ? "" : WHEN.format(LocalDateTime.ofInstant(g.recalculatedAt(),
                clock.getZone()));
        String source = !g.isSmart() ? "" : g.segment().map(s -> "segment '" + s + "'").orElse("its own definition");
        return new GroupRow(g.name(), g.kind().jsonName(), g.customers(), g.isSmart() ? g.schedule().text() : "",
                last, g.recalculatedAsOf() == null ? "" : g.recalculatedAsOf().toString(), g.isDue(clock),
                g.error() == null ? "" : g.error(), source, g.folder());
    }

    public boolean smart() {
        return kind.equals("smart");
    }
}
