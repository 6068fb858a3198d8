package org.segmint.app.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.persistence.json.ConditionJson;
import org.segmint.persistence.store.SegmentHistory;
import org.segmint.persistence.store.SegmentVersion;

/** {@code segment WS history NAME}: the versions of a saved segment, newest first, as lines or JSON. */
final class SegmentHistoryOutput {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final WorkspaceCommand command;

    SegmentHistoryOutput(WorkspaceCommand command) {
        this.command = command;
    }

    int history(SegmentHistory history, String name) throws Exception {
        List<SegmentVersion> versions = history.versions(name);
        if (command.json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (SegmentVersion v : versions) {
                list.add(json(v));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("segment", name);
            result.put("versions", list);
            command.printJson(result);
            return Cli.OK;
        }
        for (SegmentVersion v : versions) {
            String count = v.customers() == null ? "not counted" : String.format("%,d customers", v.customers());
            String who = v.savedBy().isEmpty() ? "-" : v.savedBy();
            String note = v.note().isEmpty() ? "" : "  " + v.note();
            command.println(String.format("%3d  %s  %-12s %-20s%s%s", v.version(), WHEN.format(v.savedAt()), who,
                    count, v.current() ? "current" : "", note));
        }
        return Cli.OK;
    }

    static Map<String, Object> json(SegmentVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("current", v.current());
        m.put("savedAt", v.savedAt().toString());
        m.put("savedBy", v.savedBy());
        m.put("note", v.note());
        m.put("customers", v.customers());
        m.put("countedAt", v.countedAt() == null ? null : v.countedAt().toString());
        m.put("name", v.segment().name());
        m.put("description", v.segment().description());
        m.put("folder", v.segment().folder());
        m.put("status", v.segment().status().jsonName());
        m.put("definition", ConditionJson.write(v.segment().definition()));
        return m;
    }
}
