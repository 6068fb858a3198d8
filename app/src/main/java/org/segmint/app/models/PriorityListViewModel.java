package org.segmint.app.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Condition;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.app.task.LatestTask;
import org.segmint.app.task.Tasks;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.EntryResult;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.model.waterfall.Waterfall;
import org.segmint.model.waterfall.WaterfallResult;
import org.segmint.model.waterfall.WaterfallWarning;

/**
 * The Models page: the saved models, and the priority list of the chosen one with qualifying and
 * assigned counts. Memberships are computed once per entry in the background and cached, so a reorder
 * (a drop in the view becomes {@link #move}) recomputes the counts at once.
 */
public final class PriorityListViewModel {
    private final ModelRepository repository;
    private final MembershipSource source;
    private final BackgroundExecutor executor;
    private final Map<ModelEntry, RoaringBitmap> cache = new HashMap<>();
    private final LatestTask loading = new LatestTask();
    private final LatestTask checking = new LatestTask();
    private RoaringBitmap allCustomers;
    private WaterfallResult lastResult;

    // Properties //
    private final ObservableList<String> modelNames = FXCollections.observableArrayList();
    private final ObjectProperty<PriorityModel> model = new SimpleObjectProperty<>(this, "model");
    private final ObservableList<PriorityRow> rows = FXCollections.observableArrayList();
    private final LongProperty leftovers = new SimpleLongProperty(this, "leftovers", -1);
    private final LongProperty total = new SimpleLongProperty(this, "total", -1);
    private final BooleanProperty computing = new SimpleBooleanProperty(this, "computing");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty modelWarnings = new SimpleStringProperty(this, "modelWarnings", "");

    public PriorityListViewModel(ModelRepository repository, MembershipSource source, BackgroundExecutor executor) {
        this.repository = repository;
        this.source = source;
        this.executor = executor;
    }

    // Commands //

    /** Reloads the list of saved models. */
    public void refresh() {
        modelNames.setAll(repository.names());
    }

    /** Shows the model {@code name} and computes its memberships. */
    public void select(String name) {
        PriorityModel found = repository.find(name)
                .orElseThrow(() -> new IllegalArgumentException("No model named " + name));
        show(found, false);
        checkModel();
    }

    /** Starts a new model with no entries, saved at once so it appears in the list. */
    public void create(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A model needs a name");
        }
        if (repository.find(trimmed).isPresent()) {
            throw new IllegalArgumentException("A model named \"" + trimmed + "\" already exists");
        }
        PriorityModel created = new PriorityModel(trimmed, List.of(), "Everyone else", Map.of());
        repository.save(created);
        refresh();
        show(created, false);
    }

    /** Moves the entry at {@code from} so it ends up at position {@code to} (both in the current list). */
    public void move(int from, int to) {
        List<ModelEntry> entries = new ArrayList<>(model.get().entries());
        if (from == to || from < 0 || from >= entries.size()) {
            return;
        }
        ModelEntry entry = entries.remove(from);
        entries.add(Math.max(0, Math.min(to, entries.size())), entry);
        show(model.get().withEntries(entries), true);
    }

    /** Appends the saved segment {@code name}. */
    public void add(String segmentName) {
        List<ModelEntry> entries = new ArrayList<>(model.get().entries());
        if (entries.stream().anyMatch(e -> e.name().equals(segmentName))) {
            throw new IllegalArgumentException("\"" + segmentName + "\" is already in this model");
        }
        entries.add(ModelEntry.saved(segmentName));
        show(model.get().withEntries(entries), true);
        checkModel();
    }

    /**
     * Appends a segment defined inside the model (not saved on its own); its name must differ from the other
     * entries' and from the leftovers bucket's.
     */
    public void addInline(String name, Condition definition) {
        String n = entryName(name, -1);
        List<ModelEntry> entries = new ArrayList<>(model.get().entries());
        entries.add(ModelEntry.inline(n, definition));
        show(model.get().withEntries(entries), true);
        checkModel();
    }

    /** Changes the name and definition of the inline entry at {@code index}. */
    public void editInline(int index, String name, Condition definition) {
        List<ModelEntry> entries = new ArrayList<>(model.get().entries());
        if (!entries.get(index).isInline()) {
            throw new IllegalArgumentException("\"" + entries.get(index).name() + "\" is a saved segment: edit it in"
                    + " the segment editor");
        }
        entries.set(index, ModelEntry.inline(entryName(name, index), definition));
        show(model.get().withEntries(entries), true);
        checkModel();
    }

    /** The entry at {@code index} (its definition when inline). */
    public ModelEntry entry(int index) {
        return model.get().entries().get(index);
    }

    private String entryName(String name, int except) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("An inline segment needs a name");
        }
        List<ModelEntry> entries = model.get().entries();
        for (int i = 0; i < entries.size(); i++) {
            if (i != except && entries.get(i).name().equals(n)) {
                throw new IllegalArgumentException("\"" + n + "\" is already in this model");
            }
        }
        if (n.equals(model.get().leftovers())) {
            throw new IllegalArgumentException("\"" + n + "\" is the name of the leftovers bucket");
        }
        return n;
    }

    /** Moves the entry at {@code index} one place up (-1) or down (+1); false at the ends. */
    public boolean step(int index, int delta) {
        int to = index + delta;
        if (model.get() == null || index < 0 || to < 0 || to >= model.get().entries().size()) {
            return false;
        }
        move(index, to);
        return true;
    }

    public void remove(int index) {
        List<ModelEntry> entries = new ArrayList<>(model.get().entries());
        entries.remove(index);
        show(model.get().withEntries(entries), true);
        checkModel();
    }

    /** Recomputes the model-wide warnings in the background (the order of entries does not matter). */
    private void checkModel() {
        checking.cancel();
        modelWarnings.set("");
        PriorityModel m = model.get();
        if (m.entries().isEmpty()) {
            return;
        }
        checking.run(Tasks.create(ctx -> String.join("; ", source.modelWarnings(m, ctx.cancellation())))
                .onSuccess(modelWarnings::set), executor);
        // A failing check shows no warnings: the counts are right without them and must not be hidden.
    }

    /** Names (or renames) the leftovers bucket, or removes it when blank; not the name of an entry. */
    public void setLeftovers(String name) {
        PriorityModel m = model.get();
        String n = name == null ? "" : name.strip();
        if (m.entries().stream().anyMatch(e -> e.name().equals(n))) {
            throw new IllegalArgumentException("\"" + n + "\" is a segment of this model; the leftovers bucket needs"
                    + " a name of its own");
        }
        if (java.util.Objects.equals(m.leftovers(), n.isEmpty() ? null : n)) {
            return;
        }
        show(new PriorityModel(m.name(), m.entries(), n, m.extra()), true);
    }

    public void save() {
        repository.save(model.get());
        dirty.set(false);
    }

    /** Forgets cached memberships (after an import or an edited segment). */
    public void invalidate() {
        cache.clear();
        allCustomers = null;
        if (model.get() != null) {
            show(model.get(), dirty.get());
        }
    }

    private void show(PriorityModel next, boolean changed) {
        model.set(next);
        dirty.set(changed);
        error.set("");
        List<ModelEntry> missing = next.entries().stream().filter(e -> !cache.containsKey(e)).toList();
        if (missing.isEmpty() && allCustomers != null) {
            recompute();
            return;
        }
        computing.set(true);
        boolean needAll = allCustomers == null;
        loading.run(Tasks.create(ctx -> {
            Map<ModelEntry, RoaringBitmap> found = new HashMap<>();
            for (ModelEntry entry : missing) {
                ctx.throwIfCancelled();
                found.put(entry, source.members(entry, ctx.cancellation()));
            }
            return new Loaded(found, needAll ? source.allCustomers() : null);
        }).onSuccess(loaded -> {
            cache.putAll(loaded.members());
            if (loaded.allCustomers() != null) {
                allCustomers = loaded.allCustomers();
            }
            computing.set(false);
            recompute();
        }).onError(e -> {
            computing.set(false);
            error.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }), executor);
    }

    /** Memberships read in the background, and everyone when not known yet. */
    private record Loaded(Map<ModelEntry, RoaringBitmap> members, RoaringBitmap allCustomers) {
    }

    private void recompute() {
        PriorityModel m = model.get();
        List<Waterfall.Qualifying> qualifying = new ArrayList<>();
        for (ModelEntry entry : m.entries()) {
            RoaringBitmap bitmap = cache.get(entry);
            if (bitmap == null || allCustomers == null) {
                return;
            }
            qualifying.add(new Waterfall.Qualifying(entry.name(), bitmap));
        }
        WaterfallResult result = Waterfall.assign(qualifying, allCustomers, m.leftovers());
        List<PriorityRow> shown = new ArrayList<>();
        for (int i = 0; i < result.entries().size(); i++) {
            EntryResult e = result.entries().get(i);
            Map<String, Long> takenBy = new LinkedHashMap<>();
            for (int j = 0; j < e.takenBy().size(); j++) {
                if (e.takenBy().get(j) > 0) {
                    takenBy.merge(result.entries().get(j).name(), (long) e.takenBy().get(j), Long::sum);
                }
            }
            int index = i;
            String warning = String.join("; ", result.warnings().stream().filter(w -> w.entry() == index)
                    .map(WaterfallWarning::message).toList());
            shown.add(new PriorityRow(e.name(), e.qualifying(), e.assigned(), takenBy, warning,
                    m.entries().get(i).isInline()));
        }
        rows.setAll(shown);
        lastResult = result;
        total.set(result.total());
        leftovers.set(result.leftovers().getLongCardinality());
    }

    /** The last computed assignment (what an export writes), or null before the first. */
    public WaterfallResult result() {
        return lastResult;
    }

    // Properties //

    public ObservableList<String> modelNames() {
        return modelNames;
    }

    public ReadOnlyObjectProperty<PriorityModel> modelProperty() {
        return model;
    }

    /** The entries in priority order with their counts (empty while memberships load). */
    public ObservableList<PriorityRow> rows() {
        return rows;
    }

    /** Customers in no entry (the leftovers bucket when the model names one). */
    public ReadOnlyLongProperty leftoversProperty() {
        return leftovers;
    }

    public ReadOnlyLongProperty totalProperty() {
        return total;
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    /** Warnings about the whole model (customers also in other models), or empty. */
    public ReadOnlyStringProperty modelWarningsProperty() {
        return modelWarnings;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public List<String> segmentNames() {
        return source.segmentNames();
    }
}
