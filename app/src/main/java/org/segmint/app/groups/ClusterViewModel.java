package org.segmint.app.groups;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.shell.UserMessages;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.app.task.Tasks;
import org.segmint.model.group.PriorityCluster;
import org.segmint.persistence.json.ClusterFiles.Cluster;

/**
 * The Clusters view: the saved priority clusters, and the chosen one's groups in priority order with each group's
 * size before de-duplication and after. The groups' members are read once in the background; every reorder
 * ({@link #move}, what a drop or a key calls) recomputes the counts at once on the cached sets.
 */
public final class ClusterViewModel {
    private final GroupService service;
    private final BackgroundExecutor executor;
    private final Map<String, RoaringBitmap> members = new HashMap<>();

    // Properties //
    private final ObservableList<String> clusterNames = FXCollections.observableArrayList();
    private final ObjectProperty<Cluster> cluster = new SimpleObjectProperty<>(this, "cluster");
    private final ObservableList<ClusterRow> rows = FXCollections.observableArrayList();
    private final LongProperty before = new SimpleLongProperty(this, "before", -1);
    private final LongProperty after = new SimpleLongProperty(this, "after", -1);
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final BooleanProperty computing = new SimpleBooleanProperty(this, "computing");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    public ClusterViewModel(GroupService service, BackgroundExecutor executor) {
        this.service = service;
        this.executor = executor;
    }

    public ObservableList<String> clusterNames() {
        return clusterNames;
    }

    public ObjectProperty<Cluster> clusterProperty() {
        return cluster;
    }

    /** The chosen cluster's groups in priority order with their counts. */
    public ObservableList<ClusterRow> rows() {
        return rows;
    }

    /** Memberships before de-duplication (the groups' sizes added up). */
    public LongProperty beforeProperty() {
        return before;
    }

    /** Distinct customers in any group of the cluster. */
    public LongProperty afterProperty() {
        return after;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public BooleanProperty computingProperty() {
        return computing;
    }

    public StringProperty errorProperty() {
        return error;
    }

    // Commands //

    public void refresh() {
        Tasks.create(ctx -> service.clusterNames()).onSuccess(clusterNames::setAll)
                .onError(e -> error.set(UserMessages.message(e))).runOnce(executor);
    }

    /** Shows the saved cluster {@code name}. */
    public void select(String name) {
        Tasks.create(ctx -> service.cluster(name).orElseThrow()).onSuccess(c -> show(c, false))
                .onError(e -> error.set(UserMessages.message(e))).runOnce(executor);
    }

    /** A new, empty cluster (saved when the user saves). */
    public void create(String name) {
        show(new Cluster(name.strip(), List.of(), Map.of()), true);
    }

    /** Moves the group at {@code from} to {@code to} and recomputes the counts at once. */
    public void move(int from, int to) {
        Cluster c = cluster.get();
        if (c == null || from == to || from < 0 || to < 0 || from >= c.groups().size() || to >= c.groups().size()) {
            return;
        }
        List<String> groups = new ArrayList<>(c.groups());
        groups.add(to, groups.remove(from));
        cluster.set(c.withGroups(groups));
        dirty.set(true);
        recompute();
    }

    /** Adds a group at the end (lowest priority). */
    public void add(String group) {
        Cluster c = cluster.get();
        if (c == null || c.groups().contains(group)) {
            return;
        }
        List<String> groups = new ArrayList<>(c.groups());
        groups.add(group);
        show(c.withGroups(groups), true);
    }

    public void remove(int index) {
        Cluster c = cluster.get();
        if (c == null || index < 0 || index >= c.groups().size()) {
            return;
        }
        List<String> groups = new ArrayList<>(c.groups());
        groups.remove(index);
        cluster.set(c.withGroups(groups));
        dirty.set(true);
        recompute();
    }

    public void save() {
        Cluster c = cluster.get();
        if (c == null) {
            return;
        }
        Tasks.createVoid(ctx -> service.saveCluster(c)).onSuccess(v -> {
            dirty.set(false);
            refresh();
        }).onError(e -> error.set(UserMessages.message(e))).runOnce(executor);
    }

    /** Writes the de-duplicated members ({@code customer_id,group}) to {@code file}; {@code done} gets the rows. */
    public void export(Path file, java.util.function.LongConsumer done) {
        Cluster c = cluster.get();
        if (c == null) {
            return;
        }
        Tasks.create(ctx -> service.exportCluster(c, file, ctx.cancellation())).onSuccess(done::accept)
                .onError(e -> error.set(UserMessages.message(e))).runOnce(executor);
    }

    /** The groups' members may have changed (a recalculation, an edit): read them again. */
    public void invalidate() {
        members.clear();
        if (cluster.get() != null) {
            show(cluster.get(), dirty.get());
        }
    }

    private void show(Cluster c, boolean changed) {
        cluster.set(c);
        dirty.set(changed);
        error.set("");
        List<String> missing = c.groups().stream().filter(g -> !members.containsKey(g)).toList();
        if (missing.isEmpty()) {
            recompute();
            return;
        }
        computing.set(true);
        Tasks.create(ctx -> {
            Map<String, RoaringBitmap> read = new HashMap<>();
            for (String g : missing) {
                ctx.throwIfCancelled();
                read.put(g, service.members(g));
            }
            return read;
        }).onSuccess(read -> {
            members.putAll(read);
            recompute();
        }).onError(e -> error.set(UserMessages.message(e))).andFinally(() -> computing.set(false)).runOnce(executor);
    }

    private void recompute() {
        Cluster c = cluster.get();
        List<PriorityCluster.Member> groups = new ArrayList<>();
        for (String g : c.groups()) {
            RoaringBitmap m = members.get(g);
            if (m == null) {
                return;
            }
            groups.add(new PriorityCluster.Member(g, m));
        }
        PriorityCluster.Result r = PriorityCluster.assign(groups);
        rows.setAll(r.groups().stream().map(p -> new ClusterRow(p.name(), p.customers(), p.assigned())).toList());
        before.set(r.groups().stream().mapToLong(PriorityCluster.Placed::customers).sum());
        after.set(r.total());
    }
}
