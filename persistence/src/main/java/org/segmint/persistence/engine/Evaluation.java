package org.segmint.persistence.engine;

import org.segmint.model.validation.Validator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.ConditionVisitor;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Junction;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.CancelledException;
import org.segmint.persistence.columns.DamagedColumnsException;
import org.segmint.persistence.columns.StaleColumnsException;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * One evaluation of a (validated) definition on one connection: leaves come from the cache or from
 * their query; groups and negations are combined here. Bitmaps returned by {@link #eval} may be shared
 * with the cache and are never modified.
 */
final class Evaluation implements ConditionVisitor<RoaringBitmap> {
    private final Connection connection;
    private final SegmentEngine.Snapshot snapshot;
    private final LocalDate asOf;
    private final Cancellation cancel;
    private final SegmentEngine engine;
    private final ColumnLeaves columns;
    private final Deque<String> resolving = new ArrayDeque<>();
    /** Members of each referenced segment in this evaluation: a segment referred to many times is evaluated once. */
    private final java.util.Map<String, RoaringBitmap> referenced = new java.util.HashMap<>();
    private LeafCompiler compiler;

    /** @param columns the column engine's leaves, or null to run every leaf as SQL */
    Evaluation(Connection connection, SegmentEngine.Snapshot snapshot, LocalDate asOf, Cancellation cancel,
               SegmentEngine engine, ColumnLeaves columns) {
        this.connection = connection;
        this.columns = columns;
        this.snapshot = snapshot;
        this.asOf = asOf;
        this.cancel = cancel == null ? Cancellation.none() : cancel;
        this.engine = engine;
    }

    RoaringBitmap eval(Condition c) {
        cancel.throwIfCancelled();
        if (GroupCondition.isNeutral(c)) {
            // A definition without conditions (or the negation of one) matches everyone.
            return snapshot.all();
        }
        return c.accept(this);
    }

    @Override
    public RoaringBitmap visitGroup(GroupCondition group) {
        List<Condition> children = group.effectiveConditions();
        if (children.isEmpty()) {
            return snapshot.all();
        }
        RoaringBitmap[] parts = new RoaringBitmap[children.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = eval(children.get(i));
        }
        if (parts.length == 1) {
            return parts[0];
        }
        if (group.junction() == Junction.ALL) {
            // Smallest first: the running intersection shrinks at once, so the later steps touch little.
            Arrays.sort(parts, Comparator.comparingLong(RoaringBitmap::getLongCardinality));
            return FastAggregation.and(parts);
        }
        // All the children at once (never modifying them: they may be cached): cheaper than pair by pair.
        return FastAggregation.or(parts);
    }

    @Override
    public RoaringBitmap visitNot(NotCondition not) {
        return RoaringBitmap.andNot(snapshot.all(), eval(not.condition()));
    }

    @Override
    public RoaringBitmap visitAttribute(AttributeCondition attribute) {
        return leaf(attribute, lc -> lc.attribute(attribute), true, c -> c.attribute(attribute));
    }

    @Override
    public RoaringBitmap visitPurchase(PurchaseCondition p) {
        PurchaseCondition withoutComparison = new PurchaseCondition(true, p.where(), p.measure(), null, p.window());
        return behaviour(p, withoutComparison, p.comparison(), p.has(), lc -> lc.purchaseRows(p),
                lc -> lc.purchase(p), c -> c.purchaseRows(p), c -> c.purchaseMeasures(p));
    }

    @Override
    public RoaringBitmap visitEvent(EventCondition e) {
        EventCondition withoutComparison = new EventCondition(true, e.event(), e.where(), null, e.window());
        return behaviour(e, withoutComparison, e.comparison(), e.did(), lc -> lc.eventRows(e), lc -> lc.event(e),
                c -> c.eventRowsAny(e), c -> c.eventMeasures(e));
    }

    /**
     * A purchase or event condition. "At least one" runs its own query; other comparisons are applied
     * in memory to the customers' measures, which are cached apart from the comparison.
     */
    private RoaringBitmap behaviour(Condition c, Condition measureKey, Comparison cmp, boolean positive,
                                    Function<LeafCompiler, LeafCompiler.Aggregate> rows,
                                    Function<LeafCompiler, Leaf> query,
                                    Function<ColumnLeaves, RoaringBitmap> anyRow,
                                    Function<ColumnLeaves, Measures> columnMeasures) {
        MembershipCache.Key key = new MembershipCache.Key(c, asOf, snapshot.version());
        RoaringBitmap cached = engine.cache().get(key);
        if (cached != null) {
            return cached;
        }
        LeafCompiler.Aggregate aggregate = rows.apply(compiler());
        if (!LeafCompiler.needsMeasure(cmp, aggregate.countsRows())) {
            // "At least one": the customers with a counted row, or (has/did false) everyone else.
            return leaf(c, query, true, columns == null ? null : cl -> {
                RoaringBitmap any = anyRow.apply(cl);
                return any == null || positive ? any : RoaringBitmap.andNot(snapshot.all(), any);
            });
        }
        MembershipCache.Key mkey = new MembershipCache.Key(measureKey, asOf, snapshot.version());
        Measures measures = engine.measures().get(mkey);
        if (measures == null) {
            measures = fromColumns(columnMeasures);
            if (measures == null) {
                measures = runMeasures(aggregate.measures());
            }
            engine.measures().put(mkey, measures);
        }
        // A customer without rows has the measure 0: when 0 passes, members are all but those failing.
        boolean zeroPasses = cmp.test(BigDecimal.ZERO);
        RoaringBitmap rowsMatching = measures.matching(cmp, !zeroPasses);
        RoaringBitmap result = zeroPasses == positive ? RoaringBitmap.andNot(snapshot.all(), rowsMatching)
                : rowsMatching;
        result.runOptimize();
        engine.cache().put(key, result);
        return result;
    }

    @Override
    public RoaringBitmap visitSequence(SequenceCondition sequence) {
        return leaf(sequence, lc -> lc.sequence(sequence), true, c -> c.sequence(sequence));
    }

    @Override
    public RoaringBitmap visitMembership(MembershipCondition m) {
        if (m.kind() == MembershipCondition.Kind.SEGMENT) {
            return reference(m);
        }
        // Group and list members change without a new data version: always read them (an indexed lookup).
        return leaf(m, lc -> lc.membership(m), false, null);
    }

    private RoaringBitmap reference(MembershipCondition m) {
        if (resolving.contains(m.name())) {
            throw new WorkspaceException("Segment '" + m.name() + "' refers to itself");
        }
        if (resolving.size() >= Validator.MAX_REFERENCE_DEPTH) {
            throw new WorkspaceException("Segment '" + m.name() + "' is more than " + Validator.MAX_REFERENCE_DEPTH
                    + " segment references deep");
        }
        RoaringBitmap r = referenced.get(m.name());
        if (r == null) {
            Condition definition = engine.segments().apply(m.name())
                    .orElseThrow(() -> new WorkspaceException("Unknown segment '" + m.name() + "'"));
            resolving.push(m.name());
            try {
                r = eval(definition);
            } finally {
                resolving.pop();
            }
            referenced.put(m.name(), r);
        }
        return m.in() ? r : RoaringBitmap.andNot(snapshot.all(), r);
    }

    /**
     * A leaf's members: from the cache, else from the columns ({@code columnar}, when given and covering the
     * condition), else from its SQL query.
     */
    private RoaringBitmap leaf(Condition c, Function<LeafCompiler, Leaf> compile, boolean cacheable,
                               Function<ColumnLeaves, RoaringBitmap> columnar) {
        MembershipCache.Key key = new MembershipCache.Key(c, asOf, snapshot.version());
        if (cacheable) {
            RoaringBitmap cached = engine.cache().get(key);
            if (cached != null) {
                return cached;
            }
        }
        RoaringBitmap result = columnar == null ? null : fromColumns(columnar);
        if (result == null) {
            Leaf leaf = compile.apply(compiler());
            RoaringBitmap rows = run(leaf.query());
            result = leaf.complement() ? RoaringBitmap.andNot(snapshot.all(), rows) : rows;
        }
        result.runOptimize();
        if (cacheable) {
            engine.cache().put(key, result);
        }
        return result;
    }

    /** The column engine's answer, or null when it has none (no columns, a shape it leaves to SQL, new data). */
    private <T> T fromColumns(Function<ColumnLeaves, T> work) {
        if (columns == null) {
            return null;
        }
        cancel.throwIfCancelled();
        // A damaged stored column is dropped where it is found: the second try reads that table from the rows.
        for (int attempt = 0; ; attempt++) {
            try {
                T result = work.apply(columns);
                if (result != null) {
                    engine.countQuery();
                }
                return result;
            } catch (DamagedColumnsException e) {
                if (attempt > 0) {
                    return null;
                }
            } catch (StaleColumnsException e) {
                return null;
            }
        }
    }

    private LeafCompiler compiler() {
        if (compiler == null) {
            compiler = new LeafCompiler(snapshot.catalog(), asOf,
                    () -> engine.metricsTables().source(connection, snapshot, asOf),
                    name -> EngineData.listMatchOn(connection, name));
        }
        return compiler;
    }

    /**
     * The keys a leaf query returns. They travel as one comma-separated text value (group_concat):
     * one row instead of one per customer saves most of the JDBC cost of large results.
     */
    private RoaringBitmap run(Sql sql) {
        Sql all = Sql.of("SELECT group_concat(ck) FROM (").add(sql).add(")");
        return query(all, rs -> {
            RoaringBitmap result = new RoaringBitmap();
            String keys = rs.next() ? rs.getString(1) : null;
            if (keys == null) {
                return result;
            }
            int[] buffer = new int[4096];
            int n = 0;
            int value = 0;
            for (int i = 0, len = keys.length(); i <= len; i++) {
                char ch = i < len ? keys.charAt(i) : ',';
                if (ch == ',') {
                    buffer[n++] = value;
                    value = 0;
                    if (n == buffer.length) {
                        result.addN(buffer, 0, n);
                        n = 0;
                    }
                } else {
                    value = value * 10 + (ch - '0');
                }
            }
            result.addN(buffer, 0, n);
            return result;
        });
    }

    private Measures runMeasures(Sql sql) {
        return query(sql, rs -> {
            int[] cks = new int[1024];
            double[] values = new double[1024];
            int n = 0;
            while (rs.next()) {
                if (n == cks.length) {
                    cks = Arrays.copyOf(cks, n * 2);
                    values = Arrays.copyOf(values, n * 2);
                }
                cks[n] = rs.getInt(1);
                values[n++] = rs.getDouble(2);
            }
            return new Measures(Arrays.copyOf(cks, n), Arrays.copyOf(values, n));
        });
    }

    /** Reads the rows of one query. */
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs one query, stopping it on cancel; a cancelled query never returns (partial) rows. */
    private <T> T query(Sql sql, RowReader<T> reader) {
        cancel.throwIfCancelled();
        engine.countQuery();
        engine.countSqlQuery();
        try (PreparedStatement ps = connection.prepareStatement(sql.text())) {
            AutoCloseable hook = cancel.onCancel(() -> cancelQuietly(ps));
            try {
                sql.bind(ps);
                T result;
                try (ResultSet rs = ps.executeQuery()) {
                    result = reader.read(rs);
                }
                // A cancel that arrived while the rows were read may have cut them short.
                cancel.throwIfCancelled();
                return result;
            } finally {
                closeQuietly(hook);
            }
        } catch (SQLException e) {
            if (cancel.isCancelled()) {
                throw new CancelledException();
            }
            throw new WorkspaceException("Cannot evaluate the segment (" + e.getMessage() + ")", e);
        }
    }

    private static void cancelQuietly(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            // The statement finished or closed meanwhile: nothing left to stop.
        }
    }

    private static void closeQuietly(AutoCloseable hook) {
        try {
            hook.close();
        } catch (Exception e) {
            // Unregistering a hook from a list cannot fail.
        }
    }
}
