package org.segmint.persistence.waterfall;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Condition;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.model.waterfall.Waterfall;
import org.segmint.model.waterfall.WaterfallResult;
import org.segmint.model.waterfall.WaterfallWarning;
import org.segmint.persistence.insight.Memberships;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Runs priority models: each entry's qualifying customers come from the engine (saved entries by their
 * saved definition, inline entries by their own), then {@link Waterfall} assigns first match wins.
 */
public final class ModelRunner {
    private final Memberships memberships;
    private final Function<String, Optional<Condition>> savedSegments;

    /**
     * @param memberships   the engine
     * @param savedSegments a saved segment's definition by name
     */
    public ModelRunner(Memberships memberships, Function<String, Optional<Condition>> savedSegments) {
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.savedSegments = Objects.requireNonNull(savedSegments, "savedSegments");
    }

    /** The definition of an entry: its own when inline, else the saved segment's. */
    public Condition definition(PriorityModel model, ModelEntry entry) {
        if (entry.isInline()) {
            return entry.definition();
        }
        return savedSegments.apply(entry.name()).orElseThrow(() -> new WorkspaceException("Model '" + model.name()
                + "': no saved segment named '" + entry.name() + "'"));
    }

    /** Runs {@code model} as of {@code asOf}. */
    public ModelRun run(PriorityModel model, LocalDate asOf, Cancellation cancel) {
        if (model.entries().isEmpty()) {
            throw new WorkspaceException("Model '" + model.name() + "' has no segments");
        }
        List<Waterfall.Qualifying> qualifying = new ArrayList<>();
        for (ModelEntry entry : model.entries()) {
            cancel.throwIfCancelled();
            RoaringBitmap members = memberships.members(definition(model, entry), asOf, cancel);
            qualifying.add(new Waterfall.Qualifying(entry.name(), members));
        }
        RoaringBitmap universe = memberships.allCustomers();
        return new ModelRun(model, qualifying, universe, Waterfall.assign(qualifying, universe, model.leftovers()));
    }

    /**
     * Runs {@code model} and warns about customers who also land in one of {@code otherModels} (models with
     * the same name as {@code model} are skipped: they are its stored version).
     */
    public ModelRun run(PriorityModel model, List<PriorityModel> otherModels, LocalDate asOf, Cancellation cancel) {
        ModelRun run = run(model, asOf, cancel);
        RoaringBitmap landed = run.landed();
        List<WaterfallWarning> warnings = new ArrayList<>();
        for (PriorityModel other : otherModels) {
            if (other.name().equals(model.name()) || other.entries().isEmpty()) {
                continue;
            }
            long both = RoaringBitmap.andCardinality(landed, run(other, asOf, cancel).landed());
            if (both > 0) {
                warnings.add(new WaterfallWarning(WaterfallWarning.Kind.IN_SEVERAL_MODELS, -1, both
                        + " customers also land in model '" + other.name() + "' and would get several messages"));
            }
        }
        WaterfallResult result = run.result().withWarnings(warnings);
        return new ModelRun(run.model(), run.qualifying(), run.universe(), result);
    }
}
