package org.segmint.persistence.waterfall;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.waterfall.EntryCount;
import org.segmint.model.waterfall.WaterfallWarning;

/**
 * A priority model's outcome as the JSON document of {@code segmint model --json} (FORMATS.md §3): per entry
 * what qualified, what it got and who took the rest, the leftovers, the total and the warnings. The one writer of
 * that shape, for the desktop command line and for the Spark job's.
 */
public final class ModelJson {
    private ModelJson() {
    }

    /** The document, keys in the order they are printed. */
    public static Map<String, Object> of(String model, LocalDate asOf, List<EntryCount> entries,
                                         String leftoversName, long leftoverCount, long total,
                                         List<WaterfallWarning> warnings) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", model);
        result.put("asOf", asOf.toString());
        List<Map<String, Object>> segments = new ArrayList<>();
        for (EntryCount e : entries) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", e.name());
            s.put("qualifying", e.qualifying());
            s.put("assigned", e.assigned());
            s.put("taken", e.taken());
            List<Map<String, Object>> takenBy = new ArrayList<>();
            for (int j = 0; j < e.takenBy().size(); j++) {
                if (e.takenBy().get(j) > 0) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("name", entries.get(j).name());
                    t.put("customers", e.takenBy().get(j));
                    takenBy.add(t);
                }
            }
            s.put("takenBy", takenBy);
            segments.add(s);
        }
        result.put("segments", segments);
        Map<String, Object> leftovers = new LinkedHashMap<>();
        leftovers.put("name", leftoversName);
        leftovers.put("assigned", leftoverCount);
        result.put("leftovers", leftovers);
        result.put("total", total);
        List<Map<String, Object>> warningList = new ArrayList<>();
        for (WaterfallWarning w : warnings) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", w.kind().name().toLowerCase());
            x.put("segment", w.entry() < 0 ? null : entries.get(w.entry()).name());
            x.put("message", w.message());
            warningList.add(x);
        }
        result.put("warnings", warningList);
        return result;
    }
}
