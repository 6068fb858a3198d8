package org.segmint.app.groups;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.group.Schedule;
import org.segmint.model.group.SetOperation;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.group.BatchOperation;
import org.segmint.persistence.group.BatchOperations;
import org.segmint.persistence.group.ClusterStore;
import org.segmint.persistence.group.Group;
import org.segmint.persistence.group.GroupStore;
import org.segmint.persistence.group.HistoryEntry;
import org.segmint.persistence.group.MembersEdit;
import org.segmint.persistence.group.Recalculation;
import org.segmint.persistence.group.SplitAndCombine;
import org.segmint.persistence.group.Undo;
import org.segmint.persistence.json.ClusterFiles.Cluster;
import org.segmint.persistence.store.CsvValues;
import org.segmint.persistence.store.ListStore.MatchOn;
import org.segmint.persistence.store.SavedSegment;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;

/** The groups of an open workspace, through its session (one caller at a time on its connection). */
public final class WorkspaceGroups implements GroupService {
    private final WorkspaceSession session;

    public WorkspaceGroups(WorkspaceSession session) {
        this.session = session;
    }

    @Override
    public List<Group> groups() {
        return session.read(ws -> new GroupStore(ws).list());
    }

    @Override
    public List<HistoryEntry> history(String group) {
        return session.read(ws -> new GroupStore(ws).history(group));
    }

    @Override
    public List<String> segmentNames() {
        return session.read(ws -> new SegmentStore(ws).list().stream().map(SavedSegment::name).toList());
    }

    @Override
    public List<String> attributes() {
        return session.read(ws -> ws.catalog().fields(Catalog.CUSTOMERS).stream().map(Field::column)
                .filter(c -> !c.equals("customer_id")).toList());
    }

    @Override
    public List<Group> createStatic(List<String> names) {
        return session.read(ws -> new GroupStore(ws).createStatic(names, null));
    }

    @Override
    public Group createSmart(String name, String segment, Schedule schedule) {
        MembershipCondition definition = new MembershipCondition(MembershipCondition.Kind.SEGMENT, segment, true);
        java.time.LocalDate asOf = session.read(Workspace::asOf);
        RoaringBitmap members = session.engine().members(definition, asOf, Cancellation.none());
        return session.read(ws -> new GroupStore(ws).createSmart(name, definition, schedule, null, null, members,
                asOf));
    }

    @Override
    public List<Recalculation.Outcome> recalculate(List<String> names, Cancellation cancel, Progress progress) {
        // a connection of its own, so that a long evaluation never holds up the page's other reads
        try (Workspace ws = Workspace.open(session.file())) {
            GroupStore store = new GroupStore(ws);
            Recalculation r = new Recalculation(store, session.engine());
            return r.run(names == null ? r.due(store) : names, ws.asOf(), cancel, progress);
        }
    }

    @Override
    public void delete(String group, boolean force) {
        session.read(ws -> new GroupStore(ws).delete(group, force));
    }

    @Override
    public Group setSchedule(String group, Schedule schedule) {
        return session.read(ws -> new GroupStore(ws).setSchedule(group, schedule));
    }

    @Override
    public MembersEdit editMembers(String group, boolean add, String segment, Path file) {
        if (segment != null) {
            RoaringBitmap keys = session.engine().members(new MembershipCondition(MembershipCondition.Kind.SEGMENT,
                    segment, true), session.read(Workspace::asOf), Cancellation.none());
            return session.read(ws -> add ? new GroupStore(ws).add(group, keys) : new GroupStore(ws).remove(group,
                    keys));
        }
        return session.read(ws -> {
            GroupStore store = new GroupStore(ws);
            List<String> values = new java.util.ArrayList<>(CsvValues.read(file, null, store::isCustomerIdOrEmail));
            MatchOn on = !values.isEmpty() && values.stream().allMatch(v -> v.contains("@")) ? MatchOn.EMAIL
                    : MatchOn.CUSTOMER_ID;
            return add ? store.addValues(group, values, on) : store.removeValues(group, values, on);
        });
    }

    @Override
    public BatchOperations.Result preview(String group, BatchOperation op) {
        return session.read(ws -> new BatchOperations(new GroupStore(ws)).preview(group, op));
    }

    @Override
    public BatchOperations.Result apply(String group, BatchOperation op) {
        return session.read(ws -> new BatchOperations(new GroupStore(ws)).apply(group, op));
    }

    @Override
    public Optional<Undo.Batch> lastOperation() {
        return session.read(ws -> new Undo(new GroupStore(ws)).last());
    }

    @Override
    public Undo.Batch undo() {
        return session.read(ws -> new Undo(new GroupStore(ws)).undoLast());
    }

    @Override
    public List<Group> split(String group, List<String> into, List<BigDecimal> percents, long seed, String stratify) {
        return session.read(ws -> new SplitAndCombine(new GroupStore(ws)).split(group, into, percents, seed,
                stratify));
    }

    @Override
    public Group combine(SetOperation op, String first, String second, String into) {
        return session.read(ws -> new SplitAndCombine(new GroupStore(ws)).combine(op, first, second, into));
    }

    @Override
    public List<String> clusterNames() {
        return session.read(ws -> new ClusterStore(new GroupStore(ws)).list().stream().map(Cluster::name).toList());
    }

    @Override
    public Optional<Cluster> cluster(String name) {
        return session.read(ws -> new ClusterStore(new GroupStore(ws)).find(name));
    }

    @Override
    public void saveCluster(Cluster cluster) {
        session.read(ws -> new ClusterStore(new GroupStore(ws)).save(cluster));
    }

    @Override
    public RoaringBitmap members(String group) {
        return session.read(ws -> new GroupStore(ws).memberKeys(group));
    }

    @Override
    public long exportCluster(Cluster cluster, Path file, Cancellation cancel) {
        return session.read(ws -> {
            ClusterStore clusters = new ClusterStore(new GroupStore(ws));
            return clusters.export(clusters.run(cluster), file, cancel);
        });
    }
}
