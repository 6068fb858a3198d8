package org.segmint.app.insights;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.app.task.LatestTask;
import org.segmint.app.task.Tasks;
import org.segmint.model.compare.OverlapMatrix;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.persistence.compare.CompareSql;
import org.segmint.persistence.compare.SegmentMetrics;

/**
 * The Compare tab: the segment being edited beside 1 to 4 saved segments (2 to 5 in all): sizes, the pairwise
 * overlap matrix, unique members, every exact intersection, at customer level or a level of the hierarchy, and the
 * key metrics of each segment's customers. An intersection can be saved as a new segment.
 */
public final class CompareViewModel {
    /** Most saved segments beside the current one. */
    public static final int MAX_OTHERS = OverlapMatrix.MAX_SETS - 1;

    /**
     * A computed comparison: the overlap in units of {@code level}, the same of the customers, metrics of the
     * customers.
     */
    public record Result(HierarchyLevel level, OverlapMatrix overlap, OverlapMatrix customers,
                         List<SegmentMetrics> metrics, List<Condition> definitions) {
    }

    private final InsightsServices services;
    private final BackgroundExecutor executor;
    private final LatestTask computing = new LatestTask();
    private String currentName = "This segment";
    private Condition currentDefinition = Condition.everyone();
    private RoaringBitmap currentMembers;
    private boolean active;
    private boolean stale = true;

    // Properties //
    private final ObservableList<String> others = FXCollections.observableArrayList();
    private final ObservableList<String> available = FXCollections.observableArrayList();
    private final ObservableList<HierarchyLevel> levels = FXCollections.observableArrayList(HierarchyLevel.CUSTOMER);
    private final ObjectProperty<HierarchyLevel> level = new SimpleObjectProperty<>(this, "level",
            HierarchyLevel.CUSTOMER);
    private final ObjectProperty<Result> result = new SimpleObjectProperty<>(this, "result");
    private final ObjectProperty<InsightsViewModel.State> state = new SimpleObjectProperty<>(this, "state",
            InsightsViewModel.State.EMPTY);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    public CompareViewModel(InsightsServices services, BackgroundExecutor executor) {
        this.services = services;
        this.executor = executor;
        others.addListener((ListChangeListener<String>) c -> refresh());
        level.addListener((o, old, l) -> refresh());
    }

    // Commands //

    /** The segment being edited: its name, definition and members (after each count). */
    public void update(String name, Condition definition, RoaringBitmap members) {
        currentName = name;
        currentDefinition = definition;
        currentMembers = members;
        refresh();
    }

    /** The tab shows (or hides); it computes only while it shows. */
    public void setActive(boolean showing) {
        active = showing;
        if (showing) {
            loadChoices();
            if (stale) {
                refresh();
            }
        }
    }

    /** Reads the saved segments and the hierarchy's levels for the pickers. */
    public void loadChoices() {
        Tasks.create(ctx -> new Object[] {services.savedSegments(), services.levels()}).onSuccess(r -> {
            @SuppressWarnings("unchecked") List<String> names = (List<String>) r[0];
            @SuppressWarnings("unchecked") List<HierarchyLevel> ls = (List<HierarchyLevel>) r[1];
            available.setAll(names.stream().filter(n -> !n.equals(currentName)).toList());
            others.removeIf(n -> !available.contains(n));
            levels.setAll(ls);
            if (!levels.contains(level.get())) {
                level.set(HierarchyLevel.CUSTOMER);
            }
        }).runOnce(executor);
    }

    /** Chooses the saved segments compared with the current one (1 to 4; more are ignored). */
    public void setOthers(List<String> names) {
        List<String> chosen = names.stream().distinct().filter(n -> !n.equals(currentName)).limit(MAX_OTHERS)
                .toList();
        if (!chosen.equals(others)) {
            others.setAll(chosen);
        }
    }

    /** The definition of the members in exactly the segments of {@code mask} (bit i = segment i). */
    public Condition intersectionDefinition(int mask) {
        Result r = result.get();
        List<Condition> parts = new ArrayList<>();
        for (int i = 0; i < r.definitions().size(); i++) {
            Condition c = r.definitions().get(i);
            parts.add((mask & (1 << i)) != 0 ? c : new NotCondition(c));
        }
        return GroupCondition.all(parts);
    }

    /** Saves an intersection as a new segment; saved segments are referred to, the edited one is copied in. */
    public void saveIntersection(int mask, String name) {
        services.saveSegment(name, intersectionDefinition(mask));
    }

    /**
     * Saves the customers in exactly the segments of {@code mask} (at customer level, whatever level is shown) as a
     * new static group; returns its size. The group keeps these customers: it does not follow the segments.
     */
    public long saveIntersectionAsGroup(int mask, String name) {
        return services.saveStaticGroup(name, result.get().customers().exactly(mask));
    }

    /** "A and B, not C". */
    public String intersectionName(int mask) {
        return org.segmint.persistence.compare.SegmentComparer.intersectionName(result.get().overlap().names(), mask);
    }

    /** View SQL of the sizes and overlaps. */
    public String sql() {
        Result r = result.get();
        if (r == null) {
            return "-- nothing compared yet";
        }
        List<String> sqls = r.definitions().stream().map(services::viewSql).toList();
        return CompareSql.of(r.overlap().names(), sqls);
    }

    /** Builds the View SQL in the background (it reads the workspace) and hands it to {@code show}. */
    public void requestSql(java.util.function.Consumer<String> show) {
        Tasks.create(ctx -> sql()).onSuccess(show).onError(e -> show.accept("-- " + e.getMessage()))
                .runOnce(executor);
    }

    private void refresh() {
        if (!active || currentMembers == null) {
            stale = true;
            return;
        }
        stale = false;
        if (others.isEmpty()) {
            computing.cancel();
            result.set(null);
            state.set(InsightsViewModel.State.EMPTY);
            return;
        }
        List<String> names = new ArrayList<>();
        names.add(currentName);
        names.addAll(others);
        List<String> saved = List.copyOf(others);
        RoaringBitmap current = currentMembers;
        Condition currentDef = currentDefinition;
        HierarchyLevel l = level.get();
        state.set(InsightsViewModel.State.COMPUTING);
        computing.run(Tasks.create(ctx -> {
            List<RoaringBitmap> sets = new ArrayList<>();
            List<Condition> definitions = new ArrayList<>();
            sets.add(current);
            definitions.add(currentDef);
            for (String name : saved) {
                ctx.throwIfCancelled();
                sets.add(services.members(services.savedDefinition(name), ctx.cancellation()));
                definitions.add(new MembershipCondition(MembershipCondition.Kind.SEGMENT, name, true));
            }
            List<SegmentMetrics> metrics = new ArrayList<>();
            List<RoaringBitmap> units = new ArrayList<>();
            for (int i = 0; i < sets.size(); i++) {
                RevenueTree t = services.revenueTree(sets.get(i), ctx.cancellation());
                metrics.add(new SegmentMetrics(names.get(i), sets.get(i).getLongCardinality(), t.purchasers(),
                        t.netRevenue(), t.revenuePerCustomer(), t.unitsPerTransaction(), t.averageOrderValue()));
                units.add(l.isCustomer() ? sets.get(i) : services.units(sets.get(i), l));
            }
            OverlapMatrix customers = OverlapMatrix.of(names, sets);
            return new Result(l, l.isCustomer() ? customers : OverlapMatrix.of(names, units), customers, metrics,
                    definitions);
        }).onSuccess(r -> {
            result.set(r);
            state.set(InsightsViewModel.State.DONE);
        }).onError(e -> {
            message.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            state.set(InsightsViewModel.State.ERROR);
        }), executor);
    }

    // Properties //

    public ObservableList<String> others() {
        return others;
    }

    public ObservableList<String> available() {
        return available;
    }

    public ObservableList<HierarchyLevel> levels() {
        return levels;
    }

    public ObjectProperty<HierarchyLevel> levelProperty() {
        return level;
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result;
    }

    public ReadOnlyObjectProperty<InsightsViewModel.State> stateProperty() {
        return state;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public String currentName() {
        return currentName;
    }
}
