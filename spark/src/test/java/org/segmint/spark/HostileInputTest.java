package org.segmint.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.segmint.persistence.reference.RandomWorkspaces;
import org.segmint.spark.cli.Sessions;
import org.segmint.spark.cli.SparkCli;

/**
 * The Spark command line as a hostile user meets it: every mistake is exit 2 and one line; mistakes in the command
 * line and in local files are caught before Spark even starts, unknown names before any job runs; outputs never
 * replace an existing path without {@code --force}, never the data root or the workspace, and a failed write leaves
 * nothing behind; {@code from-workspace} leaves the workspace byte for byte as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
    private Path dir;
    private Path workspace;
    private Path root;

    @BeforeAll
    void prepare() throws Exception {
        dir = Files.createTempDirectory("segmint-spark-hostile");
        workspace = dir.resolve("shop.segmint");
        RandomWorkspaces.create(workspace, 7).close();
        root = dir.resolve("root");
        assertEquals(0, CliRun.of("from-workspace", workspace.toString(), "--out", root.toString()).exit());
        Files.writeString(dir.resolve("buyers.segment.json"), "{\"format\": \"segmint/segment@1\", \"name\":"
                + " \"Buyers\", \"definition\": {\"type\": \"purchase\"}}");
    }

    @AfterAll
    void clean() throws Exception {
        TestFiles.deleteTree(dir);
    }

    /** A run whose Spark session must never be asked for. */
    private static CliRun withoutSpark(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Sessions never = new Sessions() {
            @Override
            public SparkSession get() {
                throw new AssertionError("Spark was started for a mistake that needs no Spark");
            }

            @Override
            public void close() {
            }
        };
        int exit = SparkCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), never);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void refused(CliRun run, String expected) {
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertEquals("", run.out());
    }

    @Test
    void commandLineMistakesAreRefusedBeforeSparkStarts() throws Exception {
        refused(withoutSpark(), "a command is missing");
        refused(withoutSpark("count", "--segment", "X"), "--data");
        refused(withoutSpark("count", "--data", root.toString()), "--segment");
        refused(withoutSpark("count", "--data", root.toString(), "--segment", "X", "--file", "f"), "mutually");
        refused(withoutSpark("count", "--data", root.toString(), "--segment", "X", "--as-of", "2024-02-30"),
                "--as-of: expected a date");
        refused(withoutSpark("members", "--data", root.toString(), "--segment", "X", "--out", "o", "--format",
                "xlsx"), "--format: expected parquet or csv");
        refused(withoutSpark("compare", "--data", root.toString(), "Only one"), "2 to 5 segment names");
        refused(withoutSpark("recalc", "--data", root.toString()), "--group");
        refused(withoutSpark("count", "--data", root.toString(), "--file", dir.resolve("missing.json").toString()),
                "no such file");
        Files.writeString(dir.resolve("broken.segment.json"), "{\"format\": \"segmint/segment@1\", \"name\": ");
        refused(withoutSpark("count", "--data", root.toString(), "--file", dir.resolve("broken.segment.json")
                .toString()), "not valid JSON");
        Files.writeString(dir.resolve("other.segment.json"), "{\"format\": \"segmint/segment@2\", \"name\": \"X\","
                + " \"definition\": {\"type\": \"all\", \"conditions\": []}}");
        refused(withoutSpark("count", "--data", root.toString(), "--file", dir.resolve("other.segment.json")
                .toString()), "segmint/segment@2");
        refused(withoutSpark("from-workspace", dir.toString(), "--out", dir.resolve("x").toString()),
                "is a folder, not a workspace");
        refused(withoutSpark("from-workspace", dir.resolve("none.segmint").toString(), "--out",
                dir.resolve("x").toString()), "no such workspace file");
    }

    @Test
    void unknownNamesAndColumnsAreOneLineBeforeAnyJob() throws Exception {
        long jobs = jobs();
        refused(CliRun.of("count", "--data", root.toString(), "--segment", "Nobody saved this"),
                "Unknown segment 'Nobody saved this'");
        refused(CliRun.of("model", "--data", root.toString(), "--model", "No model"), "Unknown model 'No model'");
        refused(CliRun.of("recalc", "--data", root.toString(), "--group", "No group"), "Unknown group 'No group'");
        refused(CliRun.of("count", "--data", dir.resolve("no-root").toString(), "--segment", "X"),
                "no such data root");
        assertEquals(jobs, jobs(), "no Spark job ran for an unknown name");
        Path file = write("tier.segment.json", "{\"type\": \"attribute\", \"field\": \"customers.tier\", \"op\":"
                + " \"eq\", \"value\": \"gold\"}");
        refused(CliRun.of("count", "--data", root.toString(), "--file", file.toString()),
                "Unknown attribute customers.tier");
        Path group = write("group.segment.json", "{\"type\": \"group\", \"group\": \"Ghosts\"}");
        refused(CliRun.of("count", "--data", root.toString(), "--file", group.toString()), "Unknown group 'Ghosts'");
        refused(CliRun.of("count", "--data", root.toString(), "--segment", "X", "--level", "planets"),
                "Unknown segment");
        refused(CliRun.of("count", "--data", root.toString(), "--file", dir.resolve("buyers.segment.json").toString(),
                "--level", "planets"), "--level: the data has no hierarchy, so there is no level 'planets'");
    }

    @Test
    void aMissingTableOrAWrongColumnTypeIsOneLine() throws Exception {
        Path broken = dir.resolve("broken-root");
        SparkSession spark = SharedSpark.session();
        spark.createDataFrame(List.of(RowFactory.create("C1", "x"), RowFactory.create("C2", "y")),
                new StructType().add("customer_id", DataTypes.StringType).add("city", DataTypes.StringType))
                .write().parquet(broken.resolve("customers").toString());
        Path buyers = dir.resolve("buyers.segment.json");
        refused(CliRun.of("count", "--data", broken.toString(), "--file", buyers.toString()),
                "The data has no orders table");
        spark.createDataFrame(List.of(RowFactory.create("C1", "O1", "2025-01-01")), new StructType()
                .add("customer_id", DataTypes.StringType).add("order_id", DataTypes.StringType)
                .add("order_date", DataTypes.StringType)).write().parquet(broken.resolve("orders").toString());
        Path recent = write("recent.segment.json", "{\"type\": \"purchase\", \"window\": {\"last\": 30}}");
        refused(CliRun.of("count", "--data", broken.toString(), "--file", recent.toString()),
                "orders.order_date is string; Segmint needs a date there");
    }

    @Test
    void outputsNeverReplaceWhatExistsTheDataRootOrTheWorkspace() throws Exception {
        Path buyers = dir.resolve("buyers.segment.json");
        Path existing = Files.createDirectories(dir.resolve("existing"));
        Files.writeString(existing.resolve("keep.txt"), "mine");
        refused(CliRun.of("members", "--data", root.toString(), "--file", buyers.toString(), "--out",
                existing.toString()), "already exists; add --force");
        assertEquals("mine", Files.readString(existing.resolve("keep.txt")));
        refused(CliRun.of("members", "--data", root.toString(), "--file", buyers.toString(), "--out",
                root.resolve("orders").toString(), "--force"), "is inside the data root");
        Path model = dir.resolve("m.model.json");
        Files.writeString(model, "{\"format\": \"segmint/model@1\", \"name\": \"M\", \"segments\": [{\"name\":"
                + " \"Buyers\", \"definition\": {\"type\": \"purchase\"}}]}");
        refused(CliRun.of("model", "--data", root.toString(), "--file", model.toString(), "--out",
                root.toString(), "--force"), "would replace the data root");
        byte[] before = Files.readAllBytes(workspace);
        refused(CliRun.of("from-workspace", workspace.toString(), "--out", workspace.toString()),
                "already exists; add --force");
        refused(CliRun.of("from-workspace", workspace.toString(), "--out", workspace.toString(), "--force"),
                "would replace the workspace itself");
        refused(CliRun.of("from-workspace", workspace.toString(), "--out", dir.toString(), "--force"),
                "would replace the workspace itself");
        assertArrayEquals(before, Files.readAllBytes(workspace));
        CliRun forced = CliRun.of("members", "--data", root.toString(), "--file", buyers.toString(), "--out",
                existing.toString(), "--force", "--json");
        assertTrue(forced.json().get("rows").asLong() > 0);
        assertFalse(Files.exists(existing.resolve("keep.txt")), "--force replaces the folder");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".part-")), "no half output left");
        }
    }

    @Test
    void aFailedWriteLeavesNoOutputAndTheOldOneWhole() throws Exception {
        Path out = dir.resolve("model-out");
        org.segmint.spark.root.Outputs outputs = new org.segmint.spark.root.Outputs(Roots.files());
        org.apache.hadoop.fs.Path target = outputs.check(out.toString(), null, false, "--out");
        try {
            outputs.replace(target, temp -> {
                Roots.files().writeText(new org.apache.hadoop.fs.Path(temp, "half.txt"), "half");
                throw new IllegalStateException("killed half way");
            });
        } catch (IllegalStateException expected) {
            // the write failed, as it should in this test
        }
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".model-out")));
        }
    }

    private Path write(String name, String definition) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "{\"format\": \"segmint/segment@1\", \"name\": \"" + name + "\", \"definition\": "
                + definition + "}");
        return file;
    }

    private static long jobs() {
        return SharedSpark.session().sparkContext().statusTracker().getJobIdsForGroup(null).length;
    }
}
