package org.segmint.persistence.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Operator;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.columns.ColumnStore;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.DerivedData;

/**
 * The engine (its column evaluation, on columns read from the rows and on columns stored in the workspace), the
 * same engine reading every leaf through SQL, and the reference evaluator give the same members for random definitions over random workspaces, as of random dates. 1,000 tries by default; {@code -Djqwik.tries.default=10000} runs more
 * (see docs/testing.md).
 */
class EngineMatchesReferenceProperties {
    private static final long[] SEEDS = {11, 23, 42, 97};
    /** The engine reads before/after as exclusive; see docs/testing.md, "Known disagreements". */
    private static final Set<Operator> LEFT_OUT = Set.of();

    private static RandomFixtures fixtures;
    private static List<SegmentEngine> engines;
    private static List<SegmentEngine> sqlEngines;
    private static List<Workspace> reopened;
    private static List<SegmentEngine> storedEngines;

    @BeforeContainer
    static void createWorkspaces() {
        fixtures = new RandomFixtures(LEFT_OUT, SEEDS);
        engines = fixtures.all().stream().map(f -> new SegmentEngine(f.workspace(),
                name -> Optional.ofNullable(RandomDefinitions.SAVED.get(name)))).toList();
        sqlEngines = fixtures.all().stream().map(f -> SegmentEngine.sqlOnly(f.workspace(),
                name -> Optional.ofNullable(RandomDefinitions.SAVED.get(name)))).toList();
        // The same files opened a second time, after their columns were stored: these engines count from the
        // stored columns (and store the where columns the first engines have not).
        fixtures.all().forEach(f -> ColumnStore.prepare(f.workspace(), Cancellation.none()));
        reopened = fixtures.all().stream().map(f -> Workspace.open(f.workspace().file())).toList();
        storedEngines = reopened.stream().map(ws -> new SegmentEngine(ws,
                name -> Optional.ofNullable(RandomDefinitions.SAVED.get(name)))).toList();
    }

    @AfterContainer
    static void closeWorkspaces() {
        engines.forEach(SegmentEngine::close);
        sqlEngines.forEach(SegmentEngine::close);
        storedEngines.forEach(SegmentEngine::close);
        reopened.forEach(Workspace::close);
        fixtures.close();
    }

    /** One try: which workspace, the as-of date and the definition. */
    record Case(int workspace, LocalDate asOf, Condition definition) {
        @Override
        public String toString() {
            return "workspace seed " + SEEDS[workspace] + ", as of " + asOf + ": " + DefinitionText.of(definition);
        }
    }

    /**
     * The as-of dates include, more often, the date the workspace's metrics table was computed for: the
     * engine reads metrics from that table on that date and computes them on other dates.
     */
    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.integers().between(0, SEEDS.length - 1).flatMap(i -> {
            RandomFixtures.Fixture f = fixtures.all().get(i);
            LocalDate metricsAsOf = LocalDate.parse(f.workspace().setting(DerivedData.METRICS_AS_OF).orElseThrow());
            List<LocalDate> dates = new ArrayList<>(RandomDefinitions.asOfDateList());
            dates.addAll(List.of(metricsAsOf, metricsAsOf, metricsAsOf, metricsAsOf));
            return Arbitraries.of(dates).flatMap(asOf -> f.definitions().definitions(asOf, true)
                    .map(d -> new Case(i, asOf, d)));
        });
    }

    // Edge cases of this large a combination are costly to enumerate and add little: boundary values are
    // already drawn on purpose.
    @Property(shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE, generation = GenerationMode.RANDOMIZED)
    void engineGivesTheReferenceMembers(@ForAll("cases") Case c) {
        RandomFixtures.Fixture f = fixtures.all().get(c.workspace());
        RoaringBitmap expected = f.reference().members(c.definition(), c.asOf());
        SegmentEngine engine = engines.get(c.workspace());
        long sqlBefore = engine.sqlQueriesRun();
        RoaringBitmap columns = engine.members(c.definition(), c.asOf(), Cancellation.none());
        long sqlRun = engine.sqlQueriesRun() - sqlBefore;
        long leftToSql = SqlLeaves.count(c.definition(), RandomDefinitions.SAVED::get);
        if (sqlRun > leftToSql) {
            throw new AssertionError(c + "\n  the column engine ran " + sqlRun + " SQL queries; only " + leftToSql
                    + " leaves (group and list memberships, items joined to orders) are left to SQL");
        }
        RoaringBitmap sql = sqlEngines.get(c.workspace()).members(c.definition(), c.asOf(), Cancellation.none());
        RoaringBitmap stored = storedEngines.get(c.workspace()).members(c.definition(), c.asOf(), Cancellation.none());
        check(f, c, "the column engine", columns, expected);
        check(f, c, "the column engine on stored columns", stored, expected);
        check(f, c, "the SQL engine", sql, expected);
    }

    private static void check(RandomFixtures.Fixture f, Case c, String engine, RoaringBitmap actual,
                              RoaringBitmap expected) {
        if (!expected.equals(actual)) {
            throw new AssertionError(c + "\n  only in " + engine + ": "
                    + f.reference().customerIds(RoaringBitmap.andNot(actual, expected))
                    + "\n  only in the reference: "
                    + f.reference().customerIds(RoaringBitmap.andNot(expected, actual)));
        }
    }
}
