package org.segmint.app.insights;

import java.time.LocalDate;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.model.catalog.Field;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.group.GroupStore;
import org.segmint.persistence.hierarchy.Levels;
import org.segmint.persistence.insight.Breakdown;
import org.segmint.persistence.insight.BreakdownSql;
import org.segmint.persistence.insight.Breakdowns;
import org.segmint.persistence.insight.CompareBy;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.members.MemberTable;
import org.segmint.persistence.members.PerCustomer;
import org.segmint.persistence.members.SortOrder;
import org.segmint.persistence.store.SavedSegment;
import org.segmint.persistence.store.SegmentStore;

/**
 * The insights tabs' services over an open workspace: the engine for members (outside the session lock, it has
 * connections of its own), everything else through {@link WorkspaceSession#read}, which serialises the use of the
 * workspace's connection. The per-customer arrays of insights, breakdowns, levels and sort keys are cached by the
 * persistence classes per data version.
 */
public final class SessionInsights implements InsightsServices {
    private final WorkspaceSession session;
    private final Insights insights;
    private final Breakdowns breakdowns;
    private final Levels levels;
    private final MemberTable table;

    public SessionInsights(WorkspaceSession session, Insights insights) {
        this.session = session;
        this.insights = insights;
        this.breakdowns = session.read(ws -> new Breakdowns(ws, insights));
        this.levels = session.read(Levels::new);
        this.table = session.read(MemberTable::new);
    }

    @Override
    public LocalDate asOf() {
        return session.read(ws -> ws.asOf());
    }

    @Override
    public List<Field> perCustomerFields() {
        return session.read(ws -> ws.catalog().fields().stream().filter(PerCustomer::holds)
                .filter(f -> !f.column().equals("ck")).toList());
    }

    @Override
    public RoaringBitmap allCustomers() {
        return session.engine().allCustomers();
    }

    @Override
    public Breakdown breakdown(RoaringBitmap members, String field, CompareBy by, DateRange range,
                               Cancellation cancel) {
        return session.read(ws -> breakdowns.of(members, field, by, 10, range, cancel));
    }

    @Override
    public Breakdown breakdownAlike(Breakdown like, RoaringBitmap members, Cancellation cancel) {
        return session.read(ws -> breakdowns.alike(like, members, cancel));
    }

    @Override
    public String breakdownSql(Breakdown breakdown, String membersSql) {
        return session.read(ws -> BreakdownSql.of(breakdown, ws.catalog().field(breakdown.field()).orElseThrow(),
                membersSql));
    }

    @Override
    public List<String> savedSegments() {
        return session.read(ws -> new SegmentStore(ws).list().stream().map(SavedSegment::name).toList());
    }

    @Override
    public Condition savedDefinition(String name) {
        return session.read(ws -> new SegmentStore(ws).get(name).segment().definition());
    }

    @Override
    public RoaringBitmap members(Condition definition, Cancellation cancel) {
        return session.engine().members(definition, asOf(), cancel);
    }

    @Override
    public String viewSql(Condition definition) {
        return session.engine().viewSql(definition, asOf());
    }

    @Override
    public RevenueTree revenueTree(RoaringBitmap members, Cancellation cancel) {
        return session.read(ws -> insights.revenueTree(members, ws.asOf(), cancel));
    }

    @Override
    public List<HierarchyLevel> levels() {
        return session.read(ws -> levels.hierarchy().levels());
    }

    @Override
    public RoaringBitmap units(RoaringBitmap members, HierarchyLevel level) {
        return session.read(ws -> levels.units(members, level));
    }

    @Override
    public int[] order(RoaringBitmap members, Field sort, SortOrder order, Cancellation cancel) {
        if (sort == null) {
            return MemberTable.inKeyOrder(members);
        }
        return session.read(ws -> table.sorted(members, sort, order, cancel));
    }

    @Override
    public List<List<String>> rows(int[] cks, List<Field> columns) {
        return session.read(ws -> table.rows(cks, columns));
    }

    @Override
    public long saveStaticGroup(String name, RoaringBitmap customers) {
        return session.read(ws -> ws.inTransaction(() -> {
            GroupStore groups = new GroupStore(ws);
            groups.createStatic(List.of(name), "");
            return groups.add(name, customers).customers();
        }));
    }

    @Override
    public void saveSegment(String name, Condition definition) {
        session.read(ws -> {
            SegmentStore store = new SegmentStore(ws);
            if (store.find(name).isPresent()) {
                throw new IllegalArgumentException("A segment named \"" + name + "\" already exists");
            }
            return store.save(Segment.of(name, definition));
        });
    }
}
