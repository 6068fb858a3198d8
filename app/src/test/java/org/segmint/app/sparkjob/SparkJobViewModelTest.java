package org.segmint.app.sparkjob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.ScriptedDialogs;
import org.segmint.app.shell.SettingsStore;
import org.segmint.app.task.SameThreadExecutor;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.reference.RandomWorkspaces;
import org.segmint.persistence.sparkjob.SparkJobFolder;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.store.SegmentStore;

/**
 * "Run on Spark…": the job folder holds the segment and every segment, group and list it uses, the as-of date, a
 * run.sh whose spark-submit line passes the name intact whatever characters it has, and a README; a folder that is
 * not empty is refused.
 */
class SparkJobViewModelTest {
    static final String NAME = "Bob's \"best\" $customers";

    @TempDir
    Path dir;
    private AppContext context;

    @BeforeEach
    void setUp() {
        context = new AppContext(new SameThreadExecutor(), new ScriptedDialogs(),
                new SettingsStore(dir.resolve("settings.json")));
        Path file = dir.resolve("shop.segmint");
        RandomWorkspaces.create(file, 5).close();
        context.setSession(AppContext.openFile(file));
        context.requireSession().read(ws -> {
            SegmentStore store = new SegmentStore(ws);
            store.save(Segment.of("Viewers", EventCondition.did("view", Window.last(90, TimeUnit.DAYS))));
            store.save(Segment.of(NAME, GroupCondition.all(List.of(
                    new MembershipCondition(MembershipCondition.Kind.SEGMENT, "Viewers", true),
                    new MembershipCondition(MembershipCondition.Kind.GROUP, RandomWorkspaces.GROUPS.get(0), true),
                    new MembershipCondition(MembershipCondition.Kind.GROUP, RandomWorkspaces.GROUPS.get(2), false),
                    new MembershipCondition(MembershipCondition.Kind.LIST, RandomWorkspaces.LISTS.get(0), false)))));
            store.save(Segment.of("Londoners", AttributeCondition.of("customers.city", Operator.EQ, "London")));
            new ModelStore(ws).save(new PriorityModel("Spring", List.of(ModelEntry.saved(NAME),
                    ModelEntry.saved("Londoners"), ModelEntry.inline("Buyers", PurchaseCondition.any())),
                    "Others", Map.of()));
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void aSegmentJobHoldsEverythingTheSegmentUses() throws Exception {
        SparkJobViewModel vm = new SparkJobViewModel(context, org.segmint.persistence.sparkjob.SparkJob.Kind.SEGMENT,
                NAME, dir);
        assertEquals("", vm.problemProperty().get());
        vm.dataRootProperty().set("/data/shop root");
        vm.masterProperty().set("local[2]");
        vm.jarProperty().set("/opt/segmint-spark.jar");
        vm.write();
        Path job = vm.writtenProperty().get();
        assertNotNull(job, vm.resultProperty().get());
        assertTrue(vm.resultProperty().get().contains("run.sh"), vm.resultProperty().get());
        try (var files = Files.list(job.resolve("segments"))) {
            assertEquals(Set.of("bob-s-best-customers.segment.json", "viewers.segment.json"),
                    files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
        List<String> groups = Files.readAllLines(job.resolve("groups.csv"));
        assertEquals("name,customer_id", groups.get(0));
        assertTrue(groups.stream().skip(1).allMatch(l -> l.startsWith(RandomWorkspaces.GROUPS.get(0) + ",")
                || l.equals(RandomWorkspaces.GROUPS.get(2) + ",")), "members of the groups used, the empty one"
                + " kept with an empty id: " + groups);
        assertTrue(groups.contains(RandomWorkspaces.GROUPS.get(2) + ","));
        assertTrue(groups.size() > 3);
        assertTrue(Files.readString(job.resolve("lists.csv")).startsWith("name,customer_id"));
        String asOf = context.requireSession().read(ws -> ws.asOf().toString());
        assertEquals(asOf, SparkJobFolder.asOf(job).toString());
        assertTrue(Files.readString(job.resolve("README.md")).contains("sh run.sh"));
        assertTrue(Files.isExecutable(job.resolve("run.sh")));
        assertEquals(List.of("--master", "local[2]", "/opt/segmint-spark.jar", "insights", "--data",
                "/data/shop root", "--job", job.toRealPath().toString(), "--segment", NAME, "--json"),
                submitted(job));
        assertTrue(Files.readString(job.resolve("results/insights.json")).contains("insights"),
                "the answer is moved into results/ when spark-submit succeeds");

        SparkJobViewModel again = new SparkJobViewModel(context,
                org.segmint.persistence.sparkjob.SparkJob.Kind.SEGMENT, NAME, dir);
        again.folderProperty().set(job.toString());
        assertEquals("That folder is not empty; choose a new one.", again.problemProperty().get());
    }

    @Test
    void aModelJobHoldsTheModelItsSavedSegmentsAndWhatTheyUse() throws Exception {
        SparkJobViewModel vm = SparkJobViewModel.forModel(context, "Spring");
        vm.folderProperty().set(dir.resolve("jobs").resolve("spring").toString());
        vm.write();
        Path job = vm.writtenProperty().get();
        assertNotNull(job, vm.resultProperty().get());
        assertTrue(Files.exists(job.resolve("models/spring.model.json")));
        try (var files = Files.list(job.resolve("segments"))) {
            assertEquals(3, files.count(), "the model's two saved segments and the one they refer to");
        }
        List<String> args = submitted(job);
        assertEquals("model", args.get(3));
        assertEquals("Spring", args.get(args.indexOf("--model") + 1));
    }

    @Test
    void missingChoicesAreSaidInWords() {
        SparkJobViewModel vm = SparkJobViewModel.forSegment(context, "Londoners");
        vm.dataRootProperty().set(" ");
        assertTrue(vm.problemProperty().get().startsWith("Give the data root"));
        vm.dataRootProperty().set("hdfs:///segmint");
        vm.jarProperty().set("");
        assertTrue(vm.problemProperty().get().contains("segmint-spark.jar"));
        vm.write();
        assertFalse(vm.writingProperty().get());
        assertEquals(null, vm.writtenProperty().get());
    }

    /** Runs run.sh with a stand-in spark-submit that prints its arguments, one per line, as its JSON answer. */
    private List<String> submitted(Path job) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path submit = bin.resolve("spark-submit");
        Files.writeString(submit, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> \"$ARGS\"; done\n"
                + "echo '{\"command\": \"insights\"}'\n");
        submit.toFile().setExecutable(true);
        Path args = dir.resolve("args-" + System.nanoTime());
        ProcessBuilder pb = new ProcessBuilder("sh", job.resolve("run.sh").toString());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("ARGS", args.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        return Files.readAllLines(args);
    }
}
