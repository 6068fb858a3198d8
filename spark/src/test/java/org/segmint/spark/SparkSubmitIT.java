package org.segmint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.EntryResult;
import org.segmint.model.waterfall.WaterfallResult;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.insight.Memberships;
import org.segmint.persistence.sparkjob.SparkJob;
import org.segmint.persistence.sparkjob.SparkJobFolder;
import org.segmint.persistence.sparkjob.SparkJobResults;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.waterfall.ModelRunner;
import org.segmint.persistence.workspace.Workspace;

/**
 * The whole path a user takes, through Spark's own {@code spark-submit} (its launcher class, from the build's Spark
 * jars) and the built {@code segmint-spark.jar}: {@code from-workspace} on the Chinook workspace, then the desktop's
 * job folder for its priority model run by the folder's {@code run.sh}; the answer read back is the desktop's. About
 * 40 s (two spark-submits).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkSubmitIT {
    private Path dir;
    private Path bin;
    private Path jar;

    @BeforeAll
    void prepare() throws Exception {
        Path target = Path.of(System.getProperty("segmint.target", "target")).toAbsolutePath();
        jar = target.resolve("segmint-spark.jar");
        dir = Files.createTempDirectory("segmint-submit");
        bin = Files.createDirectories(dir.resolve("bin"));
        // spark-submit is Spark's SparkSubmit class; a distribution's script adds nothing the job needs.
        Path submit = bin.resolve("spark-submit");
        Files.writeString(submit, "#!/bin/sh\nexec java -Xmx1g -cp \"" + Files.readString(
                target.resolve("spark.classpath")).strip() + "\" org.apache.spark.deploy.SparkSubmit"
                + " --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=4 \"$@\"\n");
        assertTrue(submit.toFile().setExecutable(true));
    }

    @AfterAll
    void clean() throws Exception {
        TestFiles.deleteTree(dir);
    }

    @Test
    void aModelJobThroughSparkSubmitGivesTheDesktopsAssignment() throws Exception {
        Path workspace = RealWorkspaces.chinook(dir);
        Path root = dir.resolve("root");
        String copied = run(List.of(bin.resolve("spark-submit").toString(), "--master", "local[2]", jar.toString(), "from-workspace",
                workspace.toString(), "--out", root.toString(), "--json"), null);
        assertTrue(copied.contains("\"customers\": 59"), copied);

        Path job = dir.resolve("job");
        WaterfallResult desktop;
        LocalDate asOf;
        try (Workspace ws = Workspace.open(workspace); SegmentEngine engine = new SegmentEngine(ws,
                new SegmentStore(ws)::definition)) {
            asOf = ws.asOf();
            SparkJobFolder.write(ws, new SparkJob(SparkJob.Kind.MODEL, "Priorities", asOf, root.toString(),
                    "local[2]", jar.toString()), job);
            desktop = new ModelRunner(Memberships.of(engine), new SegmentStore(ws)::definition)
                    .run(new ModelStore(ws).get("Priorities"), asOf, Cancellation.none()).result();
        }
        run(List.of("sh", job.resolve("run.sh").toString()), null);
        SparkJobResults results = SparkJobResults.read(job);
        assertEquals(asOf, results.asOf());
        assertEquals(desktop.total(), results.model().total());
        assertEquals(desktop.leftovers().getLongCardinality(), results.model().leftovers());
        for (int i = 0; i < desktop.entries().size(); i++) {
            EntryResult e = desktop.entries().get(i);
            assertEquals(e.name(), results.model().entries().get(i).name());
            assertEquals(e.qualifying(), results.model().entries().get(i).qualifying(), e.name());
            assertEquals(e.assigned(), results.model().entries().get(i).assigned(), e.name());
        }
    }

    private String run(List<String> command, Path workingDir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        pb.redirectError(dir.resolve("stderr-" + System.nanoTime() + ".txt").toFile());
        if (workingDir != null) {
            pb.directory(workingDir.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        int exit = p.waitFor();
        if (exit != 0) {
            throw new AssertionError(command + " exited " + exit + ": " + out);
        }
        return out;
    }
}
