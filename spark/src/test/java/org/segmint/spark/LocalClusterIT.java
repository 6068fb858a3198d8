package org.segmint.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.insight.Memberships;
import org.segmint.persistence.reference.RandomDefinitions;
import org.segmint.persistence.reference.RandomWorkspaces;
import org.segmint.persistence.waterfall.ModelRunner;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.spark.cli.Sessions;
import org.segmint.spark.report.InsightsReport;
import org.segmint.spark.report.ModelReport;
import org.segmint.spark.report.SparkEngine;
import org.segmint.spark.root.DataRoot;

/**
 * On a real multi-process cluster ({@code local-cluster[2,1,1024]}: two worker processes, each an executor JVM of
 * its own, built from a Spark home whose {@code jars/} are the build's Spark jars), with the job's code reaching the
 * executors only through the thin {@code segmint-spark.jar} shipped as {@code spark-submit} ships it: a priority model
 * (a sequence among its entries, so the executors run Segmint's own code) and an insight equal the desktop's.
 * Runs after the jar is built (failsafe, {@code ./mvnw verify}); about 40 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalClusterIT {
    private Path dir;
    private Workspace ws;
    private SegmentEngine engine;
    private SparkSession cluster;
    private SparkEngine spark;
    private LocalDate asOf;

    @BeforeAll
    void start() throws IOException {
        Path target = Path.of(System.getProperty("segmint.target", "target")).toAbsolutePath();
        Path jar = target.resolve("segmint-spark.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("run after package: " + jar + " is missing");
        }
        SparkHome.prepare(Path.of(System.getenv("SPARK_HOME")), target.resolve("spark.classpath"));
        dir = Files.createTempDirectory("segmint-cluster");
        Path file = dir.resolve("random.segmint");
        ws = RandomWorkspaces.create(file, 42);
        asOf = ws.asOf();
        engine = new SegmentEngine(ws, name -> Optional.ofNullable(RandomDefinitions.SAVED.get(name)));
        cluster = SparkSession.builder().master("local-cluster[2,1,1024]").appName("segmint-cluster-test")
                .config("spark.jars", jar.toString())
                .config("spark.executor.memory", "768m")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.log.level", "ERROR")
                .getOrCreate();
        Sessions.configure(cluster);
        Path root = dir.resolve("root");
        CliRunOn.cluster(cluster, "from-workspace", file.toString(), "--out", root.toString());
        spark = new SparkEngine(DataRoot.open(cluster, root.toString(), null, Map.of()));
    }

    @AfterAll
    void stop() throws IOException {
        if (cluster != null) {
            cluster.stop();
        }
        if (engine != null) {
            engine.close();
        }
        if (ws != null) {
            ws.close();
        }
        TestFiles.deleteTree(dir);
    }

    @Test
    void aModelWithASequenceIsTheDesktopsOnTheCluster() {
        Condition sequence = new SequenceCondition(List.of(SequenceCondition.Step.of("view"),
                SequenceCondition.Step.of("cart")), new SequenceCondition.Within(3, TimeUnit.DAYS), "signup",
                Window.ALL_TIME);
        Condition buyers = new PurchaseCondition(true, List.of(), Measure.ORDERS, Comparison.of(Operator.GTE, 3),
                Window.last(12, TimeUnit.MONTHS));
        Condition viewers = EventCondition.did("view", Window.last(180, TimeUnit.DAYS));
        PriorityModel model = new PriorityModel("Cluster", List.of(ModelEntry.inline("Viewed then carted", sequence),
                ModelEntry.inline("Buyers", buyers), ModelEntry.inline("Viewers", viewers)), "Others", Map.of());
        var desktop = new ModelRunner(Memberships.of(engine), name -> Optional.empty()).run(model, asOf,
                Cancellation.none()).result();
        Agreement.model(desktop, ModelReport.run(spark, model, List.of(), asOf, null), "model on the cluster");
    }

    @Test
    void anInsightIsTheDesktopsOnTheCluster() {
        Condition segment = GroupCondition.any(List.of(
                new PurchaseCondition(true, List.of(), Measure.REVENUE, Comparison.of(Operator.GT, 200),
                        Window.ALL_TIME),
                new SequenceCondition(List.of(SequenceCondition.Step.of("cart"), SequenceCondition.Step.of("purchase")),
                        null, null, Window.last(2, TimeUnit.YEARS))));
        RoaringBitmap members = engine.members(segment, asOf, Cancellation.none());
        Insights insights = new Insights(ws);
        InsightsReport.Result r = InsightsReport.run(spark, segment, asOf);
        Agreement.summary(insights.summary(members, asOf, null, Cancellation.none()), r.segment(), true, "segment");
        Agreement.summary(insights.baseline(asOf, Cancellation.none()), r.baseline(), false, "baseline");
    }
}
