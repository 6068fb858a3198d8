package org.segmint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
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
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.EntryResult;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.model.waterfall.WaterfallResult;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.insight.InsightSummary;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.insight.Memberships;
import org.segmint.persistence.reference.RandomWorkspaces;
import org.segmint.persistence.sparkjob.SparkJob;
import org.segmint.persistence.sparkjob.SparkJobFolder;
import org.segmint.persistence.sparkjob.SparkJobResults;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.waterfall.ModelRunner;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.spark.export.FromWorkspace;
import org.segmint.spark.root.RootFiles;

/**
 * The whole path a user takes, on a real multi-process cluster: the desktop's "Run on Spark…" job folders (a priority
 * model with a sequence among its entries, and a segment's insights) run by their own {@code run.sh}, through Spark's
 * {@code spark-submit} (its launcher class, from the build's Spark jars) with the built thin {@code segmint-spark.jar}
 * on master {@code local-cluster[2,1,1024]}: two worker processes whose executor JVMs start from a Spark home of the
 * build's jars and get Segmint's code only from the submitted jar. The answers read back are the desktop's: every
 * entry of the model, and the segment's summary, revenue tree and monthly revenue with the baseline.
 *
 * <p>The data root is written in this JVM by the code of {@code from-workspace} (no Spark job runs there; the command
 * itself is tested with the others). Both jobs are submitted at once, so the two clusters start side by side.
 * Runs after the jar is built (failsafe, {@code ./mvnw verify}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalClusterIT {
    private static final String MASTER = "local-cluster[2,1,1024]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private Path bin;
    private Path jar;
    private Path modelJob;
    private Path segmentJob;
    private WaterfallResult desktopModel;
    private InsightSummary desktopSegment;
    private InsightSummary desktopBaseline;
    private LocalDate asOf;

    @BeforeAll
    void runBothJobs() throws Exception {
        Path target = Path.of(System.getProperty("segmint.target", "target")).toAbsolutePath();
        jar = target.resolve("segmint-spark.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("run after package: " + jar + " is missing");
        }
        SparkHome.prepare(Path.of(System.getenv("SPARK_HOME")), target.resolve("spark.classpath"));
        dir = Files.createTempDirectory("segmint-cluster");
        bin = Files.createDirectories(dir.resolve("bin"));
        // spark-submit is Spark's SparkSubmit class; a distribution's script adds nothing the job needs.
        Path submit = bin.resolve("spark-submit");
        Files.writeString(submit, "#!/bin/sh\nexec java -Xmx768m -cp \"" + Files.readString(
                target.resolve("spark.classpath")).strip() + "\" org.apache.spark.deploy.SparkSubmit"
                + " --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=4"
                + " --conf spark.executor.memory=640m \"$@\"\n");
        assertTrue(submit.toFile().setExecutable(true));

        Path file = dir.resolve("shop.segmint");
        Path root = dir.resolve("root");
        try (Workspace ws = RandomWorkspaces.create(file, 42)) {
            asOf = ws.asOf();
            SegmentStore segments = new SegmentStore(ws);
            segments.save(Segment.of("Viewed then carted", new SequenceCondition(List.of(
                    SequenceCondition.Step.of("view"), SequenceCondition.Step.of("cart")),
                    new SequenceCondition.Within(3, TimeUnit.DAYS), "signup", Window.ALL_TIME)));
            segments.save(Segment.of("Buyers", new PurchaseCondition(true, List.of(), Measure.ORDERS,
                    Comparison.of(Operator.GTE, 3), Window.last(12, TimeUnit.MONTHS))));
            segments.save(Segment.of("Viewers", EventCondition.did("view", Window.last(180, TimeUnit.DAYS))));
            segments.save(Segment.of("Big or converted", GroupCondition.any(List.of(
                    new PurchaseCondition(true, List.of(), Measure.REVENUE, Comparison.of(Operator.GT, 200),
                            Window.ALL_TIME),
                    new SequenceCondition(List.of(SequenceCondition.Step.of("cart"),
                            SequenceCondition.Step.of("purchase")), null, null, Window.last(2, TimeUnit.YEARS))))));
            PriorityModel model = new PriorityModel("Cluster", List.of(ModelEntry.saved("Viewed then carted"),
                    ModelEntry.saved("Buyers"), ModelEntry.saved("Viewers")), "Others", Map.of());
            new ModelStore(ws).save(model);

            RootFiles files = new RootFiles(new Configuration());
            new FromWorkspace(files).copy(file, new org.apache.hadoop.fs.Path(root.toUri()), Cancellation.none());

            modelJob = dir.resolve("model-job");
            segmentJob = dir.resolve("segment-job");
            SparkJobFolder.write(ws, new SparkJob(SparkJob.Kind.MODEL, "Cluster", asOf, root.toString(), MASTER,
                    jar.toString()), modelJob);
            SparkJobFolder.write(ws, new SparkJob(SparkJob.Kind.SEGMENT, "Big or converted", asOf, root.toString(),
                    MASTER, jar.toString()), segmentJob);

            try (SegmentEngine engine = new SegmentEngine(ws, segments::definition)) {
                desktopModel = new ModelRunner(Memberships.of(engine), segments::definition).run(model, asOf,
                        Cancellation.none()).result();
                RoaringBitmap members = engine.members(segments.get("Big or converted").segment().definition(),
                        asOf, Cancellation.none());
                Insights insights = new Insights(ws);
                desktopSegment = insights.summary(members, asOf, null, Cancellation.none());
                desktopBaseline = insights.baseline(asOf, Cancellation.none());
            }
        }

        List<Process> runs = new ArrayList<>();
        for (Path job : List.of(modelJob, segmentJob)) {
            ProcessBuilder pb = new ProcessBuilder("sh", job.resolve("run.sh").toString());
            pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
            pb.redirectOutput(job.resolve("stdout.txt").toFile());
            pb.redirectError(job.resolve("stderr.txt").toFile());
            runs.add(pb.start());
        }
        for (int i = 0; i < runs.size(); i++) {
            int exit = runs.get(i).waitFor();
            if (exit != 0) {
                Path job = i == 0 ? modelJob : segmentJob;
                throw new AssertionError("run.sh of " + job.getFileName() + " exited " + exit + ":\n"
                        + Files.readString(job.resolve("stderr.txt")));
            }
        }
    }

    @AfterAll
    void clean() throws Exception {
        if (dir != null) {
            TestFiles.deleteTree(dir);
        }
    }

    @Test
    void aModelWithASequenceIsTheDesktopsOnTheCluster() {
        SparkJobResults results = SparkJobResults.read(modelJob);
        assertEquals(asOf, results.asOf());
        assertEquals(desktopModel.total(), results.model().total());
        assertEquals(desktopModel.leftoversName(), results.model().leftoversName());
        assertEquals(desktopModel.leftovers().getLongCardinality(), results.model().leftovers());
        assertEquals(desktopModel.entries().size(), results.model().entries().size());
        for (int i = 0; i < desktopModel.entries().size(); i++) {
            EntryResult e = desktopModel.entries().get(i);
            assertEquals(e.name(), results.model().entries().get(i).name());
            assertEquals(e.qualifying(), results.model().entries().get(i).qualifying(), e.name());
            assertEquals(e.assigned(), results.model().entries().get(i).assigned(), e.name());
        }
        assertTrue(desktopModel.entries().get(0).assigned() > 0, "the sequence entry should hold someone");
    }

    @Test
    void anInsightIsTheDesktopsOnTheCluster() throws Exception {
        JsonNode json = JSON.readTree(segmentJob.resolve("results").resolve("insights.json").toFile());
        assertEquals(asOf.toString(), json.get("asOf").asText());
        assertTrue(desktopSegment.customers() > 0);
        Agreement.summary(desktopSegment, json, true, "segment");
        Agreement.summary(desktopBaseline, json.get("baseline"), false, "baseline");
        SparkJobResults results = SparkJobResults.read(segmentJob);
        assertEquals(desktopSegment.customers(), results.segment().customers());
    }
}
