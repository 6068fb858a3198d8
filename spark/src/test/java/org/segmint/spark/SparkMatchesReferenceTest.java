package org.segmint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Segment;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.compare.SegmentComparer;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.insight.Memberships;
import org.segmint.persistence.waterfall.ModelRunner;
import org.segmint.spark.report.CompareReport;
import org.segmint.spark.report.InsightsReport;
import org.segmint.spark.report.ModelReport;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.reference.DefinitionText;
import org.segmint.persistence.reference.RandomDefinitions;
import org.segmint.persistence.reference.RandomWorkspaces;
import org.segmint.persistence.reference.ReferenceEvaluator;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.spark.plan.CustomerFrame;
import org.segmint.spark.report.SparkEngine;

/**
 * Spark gives the members the in-memory reference evaluator and the desktop engine give, for random definitions
 * (every node type and operator, {@code RandomDefinitions}) over random workspaces ({@code RandomWorkspaces}: empty
 * values, mixed case, LIKE wildcards, leap days, tied event times, orphans, groups and lists) written as data roots
 * by {@code from-workspace}, as of many dates. Each try evaluates a batch of definitions in one Spark pass, the way a
 * model or a comparison does. Few tries per build (each Spark pass costs seconds however small the data); every
 * build draws new ones.
 */
class SparkMatchesReferenceTest {
    static final long[] SEEDS = {11, 42, 97};
    static final int BATCH = 24;

    private static Path dir;
    private static List<Fixture> fixtures;

    /** One random workspace, its data root and its three evaluators. */
    record Fixture(long seed, Workspace ws, ReferenceEvaluator reference, RandomDefinitions definitions,
                   SegmentEngine engine, SparkEngine spark) {
    }

    /** One try: a workspace, a date and the definitions evaluated together. */
    record Batch(int workspace, LocalDate asOf, List<Condition> definitions) {
        @Override
        public String toString() {
            return "workspace seed " + SEEDS[workspace] + ", as of " + asOf + ", " + definitions.size()
                    + " definitions";
        }
    }

    @BeforeContainer
    static void createRoots() throws IOException {
        dir = Files.createTempDirectory("segmint-spark-random");
        fixtures = new ArrayList<>();
        for (long seed : SEEDS) {
            fixtures.add(fixture(dir, seed));
        }
    }

    /** A random workspace written as a data root, with the saved segments random definitions refer to. */
    static Fixture fixture(Path dir, long seed) {
        Path file = dir.resolve("random-" + seed + ".segmint");
        Workspace ws = RandomWorkspaces.create(file, seed);
        Path root = dir.resolve("root-" + seed);
        Roots.fromWorkspace(file, root);
        Roots.addSegments(root, RandomDefinitions.SAVED);
        return new Fixture(seed, ws, new ReferenceEvaluator(ws.connection(),
                name -> Optional.ofNullable(RandomDefinitions.SAVED.get(name))),
                new RandomDefinitions(ws.connection(), Set.of()),
                new SegmentEngine(ws, name -> Optional.ofNullable(RandomDefinitions.SAVED.get(name))),
                new SparkEngine(Roots.open(root)));
    }

    @AfterContainer
    static void closeRoots() throws IOException {
        for (Fixture f : fixtures) {
            f.engine().close();
            f.ws().close();
        }
        TestFiles.deleteTree(dir);
    }

    @Provide
    Arbitrary<Batch> batches() {
        return Arbitraries.integers().between(0, SEEDS.length - 1).flatMap(i -> RandomDefinitions.asOfDates()
                .flatMap(asOf -> fixtures.get(i).definitions().definitions(asOf, true).list().ofSize(BATCH)
                        .map(defs -> new Batch(i, asOf, defs))));
    }

    @Property(tries = 3, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE,
            generation = GenerationMode.RANDOMIZED)
    void sparkGivesTheMembersOfTheReferenceAndOfTheDesktop(@ForAll("batches") Batch b) {
        Fixture f = fixtures.get(b.workspace());
        List<List<String>> spark = sparkMembers(f.spark(), b.asOf(), b.definitions());
        for (int i = 0; i < b.definitions().size(); i++) {
            Condition d = b.definitions().get(i);
            List<String> reference = f.reference().customerIds(f.reference().members(d, b.asOf()));
            List<String> desktop = f.reference().customerIds(f.engine().members(d, b.asOf(), Cancellation.none()));
            String what = b + ": " + DefinitionText.of(d);
            assertEquals(reference, desktop, "desktop and reference differ (their own tests should say so): " + what);
            if (!reference.equals(spark.get(i))) {
                throw new AssertionError(what + "\n  only on Spark: " + minus(spark.get(i), reference)
                        + "\n  only in the reference: " + minus(reference, spark.get(i)));
            }
        }
    }

    /**
     * The revenue tree and summary of a random segment, a priority model of four random entries with leftovers, and
     * a comparison of three: Spark gives the desktop's numbers.
     */
    @Property(tries = 2, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE,
            generation = GenerationMode.RANDOMIZED)
    void sparkGivesTheDesktopsInsightsModelsAndComparisons(@ForAll("batches") Batch b) {
        Fixture f = fixtures.get(b.workspace());
        List<Condition> d = b.definitions();
        String what = b + ", first: " + DefinitionText.of(d.get(0));
        Insights insights = new Insights(f.ws());
        RoaringBitmap members = f.engine().members(d.get(0), b.asOf(), Cancellation.none());
        InsightsReport.Result spark = InsightsReport.run(f.spark(), d.get(0), b.asOf());
        Agreement.summary(insights.summary(members, b.asOf(), null, Cancellation.none()), spark.segment(), true, what);
        Agreement.summary(insights.baseline(b.asOf(), Cancellation.none()), spark.baseline(), false,
                what + " (baseline)");

        List<ModelEntry> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            entries.add(ModelEntry.inline("Entry " + i, d.get(i)));
        }
        PriorityModel model = new PriorityModel("Random", entries, "Rest", Map.of());
        ModelRunner runner = new ModelRunner(Memberships.of(f.engine()),
                name -> Optional.ofNullable(RandomDefinitions.SAVED.get(name)));
        Agreement.model(runner.run(model, b.asOf(), Cancellation.none()).result(),
                ModelReport.run(f.spark(), model, List.of(), b.asOf(), null), what);

        List<Segment> segments = List.of(Segment.of("A", d.get(4)), Segment.of("B", d.get(5)),
                Segment.of("C", d.get(6)));
        Agreement.comparison(new SegmentComparer(Memberships.of(f.engine()), insights).compare(segments, b.asOf(),
                Cancellation.none()), CompareReport.run(f.spark(), segments, b.asOf()), what);
    }

    /** The sorted member ids of each definition, from one pass (the ids are collected: this is a test). */
    static List<List<String>> sparkMembers(SparkEngine spark, LocalDate asOf, List<Condition> definitions) {
        SparkEngine.Pass pass = spark.pass(asOf);
        List<Column> columns = new ArrayList<>(List.of(org.apache.spark.sql.functions.col(CustomerFrame.CUSTOMER_ID)));
        for (int i = 0; i < definitions.size(); i++) {
            columns.add(pass.members(definitions.get(i)).as("m" + i));
        }
        List<Row> rows = pass.frame().build().select(columns.toArray(new Column[0])).collectAsList();
        List<List<String>> members = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            TreeSet<String> ids = new TreeSet<>();
            for (Row r : rows) {
                if (r.getBoolean(i + 1)) {
                    ids.add(r.getString(0));
                }
            }
            members.add(new ArrayList<>(ids));
        }
        return members;
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.removeAll(b);
        return out;
    }
}
