package org.segmint.persistence.engine;

import org.segmint.model.validation.Validator;
import org.segmint.model.validation.DefinitionProblem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.segment.Condition;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.CancelledException;
import org.segmint.persistence.columns.ColumnStore;
import org.segmint.persistence.columns.Columns;
import org.segmint.persistence.columns.CustomerKeys;
import org.segmint.persistence.columns.StaleColumnsException;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The one engine behind every count Segmint shows. Members are sets of dense customer keys
 * ({@code customers.ck}).
 *
 * <p>Each leaf condition runs as one uncorrelated SQL query with bound values; its members are cached
 * by (condition, as-of date, data version), so counting again after editing one condition runs only
 * that condition's query. Groups and negations are combined in Java. The engine is safe to use from
 * several threads: each evaluation borrows its own connection from {@link Workspace#openConnection()}.
 * See docs/engine.md for the exact semantics.
 */
public final class SegmentEngine implements AutoCloseable {
    private static final int CACHE_ENTRIES = 2_000;
    private static final long CACHE_BYTES = 256L << 20;
    private static final long MEASURE_BYTES = 64L << 20;

    private final Workspace workspace;
    private final Function<String, Optional<Condition>> segments;
    private final MembershipCache cache = new MembershipCache(CACHE_ENTRIES, CACHE_BYTES);
    private final Measures.Cache measures = new Measures.Cache(MEASURE_BYTES);
    private final AtomicLong queriesRun = new AtomicLong();
    private final AtomicLong sqlQueriesRun = new AtomicLong();
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> connections = new ArrayList<>();
    private final MetricsTables metricsTables = new MetricsTables();
    private final boolean useColumns;
    private volatile Snapshot snapshot;
    private boolean closed;

    /** What the engine knows about the data at one data version. */
    record Snapshot(long version, Catalog catalog, RoaringBitmap all, Optional<LocalDate> metricsAsOf) {
    }

    /**
     * @param workspace the open workspace
     * @param segments  resolves a saved segment's name to its definition (for {@code segment} references)
     */
    public SegmentEngine(Workspace workspace, Function<String, Optional<Condition>> segments) {
        this(workspace, segments, true);
    }

    private SegmentEngine(Workspace workspace, Function<String, Optional<Condition>> segments, boolean useColumns) {
        this.workspace = workspace;
        this.segments = segments;
        this.useColumns = useColumns;
    }

    /**
     * The same engine evaluating every leaf with its SQL query only, never with the columns: the second reading
     * of each definition that tests hold equal to the first (and to the reference evaluator).
     */
    public static SegmentEngine sqlOnly(Workspace workspace, Function<String, Optional<Condition>> segments) {
        return new SegmentEngine(workspace, segments, false);
    }

    /**
     * The customers matching {@code definition} as of {@code asOf}. The result is the caller's to
     * modify. Throws {@link WorkspaceException} with the first problem of an invalid definition and
     * {@link CancelledException} when cancelled (the cache then holds only complete results).
     */
    public RoaringBitmap members(Condition definition, LocalDate asOf, Cancellation cancel) {
        Evaluated e = evaluate(definition, asOf, cancel);
        if (!e.valid()) {
            throw new InvalidDefinitionException(e.problems());
        }
        return e.members();
    }

    /** A definition checked and, when valid, evaluated: its problems, or its members (the caller's to modify). */
    public record Evaluated(List<DefinitionProblem> problems, RoaringBitmap members) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Validates {@code definition} and, when it has no problem, evaluates it, on one snapshot of the workspace:
     * one validation per count (callers that show problems need not validate first).
     */
    public Evaluated evaluate(Condition definition, LocalDate asOf, Cancellation cancel) {
        Connection c = borrow();
        try {
            Snapshot s = snapshot(c);
            List<DefinitionProblem> problems = validator(c, s).validate(definition);
            if (!problems.isEmpty()) {
                return new Evaluated(problems, null);
            }
            return new Evaluated(List.of(), new Evaluation(c, s, asOf, cancel, this, columnLeaves(s, asOf, cancel))
                    .eval(definition).clone());
        } finally {
            release(c);
        }
    }

    /** Every customer of the workspace. */
    public RoaringBitmap allCustomers() {
        Connection c = borrow();
        try {
            return snapshot(c).all().clone();
        } finally {
            release(c);
        }
    }

    /**
     * One readable SQL statement (values inlined) selecting {@code ck, customer_id} of the members, which
     * runs as-is on the workspace (for example in the {@code sqlite3} shell).
     */
    public String viewSql(Condition definition, LocalDate asOf) {
        Connection c = borrow();
        try {
            Snapshot s = snapshot(c);
            List<DefinitionProblem> problems = validator(c, s).validate(definition);
            if (!problems.isEmpty()) {
                throw new InvalidDefinitionException(problems);
            }
            LeafCompiler compiler = new LeafCompiler(s.catalog(), asOf, () -> MetricsTables.viewSource(s, asOf),
                    name -> EngineData.listMatchOn(c, name));
            return new ViewSql(compiler, segments).render(definition);
        } finally {
            release(c);
        }
    }

    /** Problems of the definition against the workspace's catalog and saved objects; empty when valid. */
    public List<DefinitionProblem> validate(Condition definition) {
        Connection c = borrow();
        try {
            return validator(c, snapshot(c)).validate(definition);
        } finally {
            release(c);
        }
    }

    /** Drops every cached membership (call after the data changed). */
    public void invalidate() {
        cache.clear();
        measures.clear();
        snapshot = null;
        metricsTables.clear();
    }

    Function<String, Optional<Condition>> segments() {
        return segments;
    }

    MembershipCache cache() {
        return cache;
    }

    Measures.Cache measures() {
        return measures;
    }

    MetricsTables metricsTables() {
        return metricsTables;
    }

    void countQuery() {
        queriesRun.incrementAndGet();
    }

    void countSqlQuery() {
        sqlQueriesRun.incrementAndGet();
    }

    /**
     * How many leaves the engine has computed (on the columns or with an SQL query): cached leaves do not count.
     * For tests and benchmarks.
     */
    public long queriesRun() {
        return queriesRun.get();
    }

    /** How many of {@link #queriesRun()} ran as SQL queries (leaves the columns do not cover). */
    public long sqlQueriesRun() {
        return sqlQueriesRun.get();
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                // Closing a read-only connection cannot lose anything.
            }
        }
        connections.clear();
        idle.clear();
    }

    // Connections and the data snapshot //

    private synchronized Connection borrow() {
        if (closed) {
            throw new IllegalStateException("engine closed");
        }
        Connection c = idle.poll();
        if (c == null) {
            c = workspace.openConnection();
            connections.add(c);
        }
        return c;
    }

    private synchronized void release(Connection c) {
        if (closed) {
            try {
                c.close();
            } catch (SQLException e) {
                // See close().
            }
        } else {
            idle.push(c);
        }
    }

    private Snapshot snapshot(Connection c) {
        long version = EngineData.dataVersion(c);
        Snapshot s = snapshot;
        if (s != null && s.version() == version) {
            return s;
        }
        RoaringBitmap all = useColumns ? columnKeys(version) : null;
        if (all == null) {
            all = readAllCustomers(c);
        }
        Optional<LocalDate> metricsAsOf = EngineData.setting(c, MetricsTables.AS_OF_SETTING).map(LocalDate::parse);
        s = new Snapshot(version, EngineData.catalog(c), all, metricsAsOf);
        snapshot = s;
        return s;
    }

    /** Every customer key as the column store holds it (read once per data version), or null. */
    private RoaringBitmap columnKeys(long version) {
        try {
            CustomerKeys keys = ColumnStore.of(workspace).at(version).keys(Cancellation.none());
            return keys == null ? null : keys.all();
        } catch (StaleColumnsException e) {
            return null;
        }
    }

    private static RoaringBitmap readAllCustomers(Connection c) {
        RoaringBitmap all = new RoaringBitmap();
        try (Statement st = c.createStatement()) {
            long min;
            long max;
            long count;
            try (ResultSet rs = st.executeQuery("SELECT min(ck), max(ck), count(*) FROM customers")) {
                min = rs.getLong(1);
                max = rs.getLong(2);
                count = rs.getLong(3);
            }
            if (count > 0 && count == max - min + 1) {
                // Keys are dense (the usual case): the range is the set.
                all.add(min, max + 1);
            } else if (count > 0) {
                try (ResultSet rs = st.executeQuery("SELECT ck FROM customers")) {
                    while (rs.next()) {
                        all.add(rs.getInt(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read the customers (" + e.getMessage() + ")", e);
        }
        all.runOptimize();
        return all;
    }

    /** The column engine for this evaluation, or null when every leaf runs as SQL. */
    private ColumnLeaves columnLeaves(Snapshot s, LocalDate asOf, Cancellation cancel) {
        if (!useColumns) {
            return null;
        }
        Columns columns = ColumnStore.of(workspace).at(s.version());
        try {
            CustomerKeys keys = columns.keys(cancel);
            return keys == null ? null : new ColumnLeaves(columns, keys, s.catalog(), asOf,
                    cancel == null ? Cancellation.none() : cancel);
        } catch (StaleColumnsException e) {
            return null;
        }
    }

    private Validator validator(Connection c, Snapshot s) {
        return new Validator(s.catalog(), segments, name -> EngineData.groupExists(c, name),
                name -> EngineData.listMatchOn(c, name));
    }
}
