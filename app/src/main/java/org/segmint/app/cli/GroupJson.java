package org.segmint.app.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.persistence.group.Group;
import org.segmint.persistence.group.HistoryEntry;
import org.segmint.persistence.group.MembersEdit;
import org.segmint.persistence.json.ConditionJson;
import org.segmint.persistence.store.Usage;

/** The JSON shapes of the group commands (docs/cli.md, FORMATS §4). */
final class GroupJson {
    private GroupJson() {
    }

    /** A group as {@code list} and {@code show} print it: name, kind, customers first. */
    static Map<String, Object> group(Group g, Clock clock) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", g.name());
        m.put("kind", g.kind().jsonName());
        m.put("customers", g.customers());
        m.put("folder", g.folder());
        m.put("description", g.description());
        m.put("schedule", g.isSmart() ? g.schedule().text() : null);
        m.put("due", g.isDue(clock));
        m.put("segment", g.segment().orElse(null));
        m.put("definition", g.definition() == null ? null : ConditionJson.write(g.definition()));
        m.put("recalculatedAt", g.recalculatedAt() == null ? null : g.recalculatedAt().toString());
        m.put("asOf", g.recalculatedAsOf() == null ? null : g.recalculatedAsOf().toString());
        m.put("error", g.error());
        m.put("createdAt", g.createdAt().toString());
        m.put("updatedAt", g.updatedAt().toString());
        return m;
    }

    static Map<String, Object> groupWithUse(Group g, Clock clock, List<Usage> usedIn) {
        Map<String, Object> m = group(g, clock);
        m.put("usedIn", usedIn.stream().map(GroupJson::usage).toList());
        return m;
    }

    static Map<String, Object> history(HistoryEntry h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", h.at().toString());
        m.put("asOf", h.asOf().toString());
        m.put("total", h.total());
        m.put("joined", h.joined());
        m.put("left", h.left());
        return m;
    }

    /** {@code {"group", "customers", "added" | "removed", "unknown"}}. */
    static Map<String, Object> edit(MembersEdit e, String changedKey) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", e.group());
        m.put("customers", e.customers());
        m.put(changedKey, e.changed());
        m.put("unknown", e.unknown());
        return m;
    }

    static Map<String, String> usage(Usage u) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", u.kind().label());
        m.put("name", u.name());
        return m;
    }
}
