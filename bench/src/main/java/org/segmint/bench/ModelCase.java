package org.segmint.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.EntryResult;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.model.waterfall.WaterfallResult;
import org.segmint.persistence.waterfall.ModelRunner;

/**
 * g: a priority model of 6 segments (first match wins) with leftovers: per entry the qualifying customers,
 * those it gets and how many each earlier entry took; the leftovers; everyone. Cold, or with Segmint's
 * conditions cached.
 */
final class ModelCase implements BenchCase<WaterfallResult> {
    private final String name;
    private final String description;
    private final boolean cold;
    private final Supplier<List<Segments.Segment>> segments;

    ModelCase(String name, String description, boolean cold, Supplier<List<Segments.Segment>> segments) {
        this.name = name;
        this.description = description;
        this.cold = cold;
        this.segments = segments;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description + (cold ? " (cold)" : " (conditions cached)");
    }

    @Override
    public void prepare(SegmintSide segmint, int run) {
        if (cold || run == 0) {
            segmint.dropCaches();
        }
    }

    @Override
    public WaterfallResult segmint(SegmintSide segmint, int run) {
        List<ModelEntry> entries = new ArrayList<>();
        List<Segments.Segment> list = segments.get();
        for (int i = 0; i < list.size(); i++) {
            entries.add(ModelEntry.inline("S" + i, list.get(i).definition()));
        }
        PriorityModel model = new PriorityModel("Bench", entries, "Leftovers", Map.of());
        return new ModelRunner(segmint.memberships(), saved -> Optional.empty())
                .run(model, segmint.asOf(), Cancellation.none()).result();
    }

    @Override
    public Answer answer(WaterfallResult r) {
        Answer a = new Answer("assigned").count("assigned", r.assignedTotal()).count("customers", r.total())
                .count("leftovers", r.leftovers().getLongCardinality());
        for (int i = 0; i < r.entries().size(); i++) {
            EntryResult e = r.entries().get(i);
            a.count(i + " qualifying", e.qualifying()).count(i + " assigned", e.assigned());
            for (int j = 0; j < i; j++) {
                a.count(i + " taken by " + j, e.takenBy().get(j));
            }
        }
        return a;
    }

    @Override
    public Answer duckDb(Connection duck, int run) {
        List<Segments.Segment> list = segments.get();
        int n = list.size();
        long[] count = new long[1 << n];
        Masks.with(list).add(" SELECT mask, count(*) FROM masks GROUP BY mask"
                + " UNION ALL SELECT 0, count(*) FROM customers").forEachRow(duck, rs -> {
                    count[rs.getInt(1)] = rs.getLong(2);
                });
        long assigned = 0;
        for (int mask = 1; mask < 1 << n; mask++) {
            assigned += count[mask];
        }
        Answer a = new Answer("assigned").count("assigned", assigned).count("customers", count[0])
                .count("leftovers", count[0] - assigned);
        for (int i = 0; i < n; i++) {
            long qualifying = 0;
            long got = 0;
            long[] takenBy = new long[i];
            for (int mask = 1; mask < 1 << n; mask++) {
                if (Masks.has(mask, i)) {
                    qualifying += count[mask];
                    int first = Masks.first(mask);
                    if (first == i) {
                        got += count[mask];
                    } else {
                        takenBy[first] += count[mask];
                    }
                }
            }
            a.count(i + " qualifying", qualifying).count(i + " assigned", got);
            for (int j = 0; j < i; j++) {
                a.count(i + " taken by " + j, takenBy[j]);
            }
        }
        return a;
    }
}
