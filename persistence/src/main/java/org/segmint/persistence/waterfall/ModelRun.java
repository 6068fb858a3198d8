package org.segmint.persistence.waterfall;

import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.model.waterfall.Waterfall;
import org.segmint.model.waterfall.WaterfallResult;

/**
 * A model's result together with each entry's qualifying customers, so that reordering the entries
 * recomputes from memory (no query) in about a millisecond.
 *
 * @param model      the model as run
 * @param qualifying each entry's qualifying customers, in model order
 * @param universe   every customer
 * @param result     the assignment
 */
public record ModelRun(PriorityModel model, List<Waterfall.Qualifying> qualifying, RoaringBitmap universe,
                       WaterfallResult result) {

    public ModelRun {
        qualifying = List.copyOf(qualifying);
    }

    /** The run with entry {@code from} moved to position {@code to}, recomputed from the cached sets. */
    public ModelRun moved(int from, int to) {
        List<Waterfall.Qualifying> q = new ArrayList<>(qualifying);
        q.add(to, q.remove(from));
        List<org.segmint.model.waterfall.ModelEntry> entries = new ArrayList<>(model.entries());
        entries.add(to, entries.remove(from));
        WaterfallResult r = Waterfall.assign(q, universe, model.leftovers());
        List<org.segmint.model.waterfall.WaterfallWarning> modelWide = result.warnings().stream()
                .filter(w -> w.entry() < 0).toList();
        return new ModelRun(model.withEntries(entries), q, universe, r.withWarnings(modelWide));
    }

    /** Customers who land in some bucket of this model: every entry, plus leftovers when the model names them. */
    public RoaringBitmap landed() {
        RoaringBitmap all = new RoaringBitmap();
        result.entries().forEach(e -> all.or(e.members()));
        if (model.leftovers() != null) {
            all.or(result.leftovers());
        }
        return all;
    }
}
