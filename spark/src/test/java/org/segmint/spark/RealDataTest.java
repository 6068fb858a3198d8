package org.segmint.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.EntryResult;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.model.waterfall.WaterfallResult;
import org.segmint.persistence.compare.Comparison;
import org.segmint.persistence.compare.SegmentComparer;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.insight.InsightSummary;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.insight.Memberships;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.store.SavedSegment;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.waterfall.ModelRunner;
import org.segmint.persistence.sparkjob.SparkJob;
import org.segmint.persistence.sparkjob.SparkJobFolder;
import org.segmint.persistence.sparkjob.SparkJobResults;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.spark.report.SparkEngine;

/**
 * The real data sets end to end: {@code from-workspace} on a Chinook and an Online Retail workspace (segments, a
 * model, groups, a list, a smart group), then every command of the Spark command line, in this JVM on the shared
 * session, gives the desktop's numbers. Both data sets: every saved segment's members, the model with its written
 * assignment. Chinook, the broad sweep: {@code count}, {@code insights} of a desktop job folder, {@code members},
 * {@code recalc} and {@code sql}; the retail sample (some thousand customers): {@code compare}. Each Spark action
 * costs seconds whatever the data's size, so each command runs once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDataTest {
    private Path dir;
    private final Map<String, Data> data = new HashMap<>();

    /** A workspace, its data root, and the desktop's engine over it. */
    record Data(Path workspace, Path root, Workspace ws, SegmentEngine engine, LocalDate asOf,
                Map<String, String> idsByCk) {
        List<String> ids(RoaringBitmap cks) {
            TreeSet<String> ids = new TreeSet<>();
            cks.forEach((int ck) -> ids.add(idsByCk.get(Integer.toString(ck))));
            return new ArrayList<>(ids);
        }
    }

    @BeforeAll
    void load() throws Exception {
        dir = Files.createTempDirectory("segmint-spark-real");
        add("chinook", RealWorkspaces.chinook(dir));
        add("retail", RealWorkspaces.retail(dir));
    }

    private void add(String name, Path workspace) throws Exception {
        byte[] before = digest(workspace);
        Path root = dir.resolve(name + "-root");
        JsonNode copied = CliRun.of("from-workspace", workspace.toString(), "--out", root.toString(), "--json").json();
        assertArrayEquals(before, digest(workspace), "from-workspace only reads the workspace");
        Workspace ws = Workspace.open(workspace);
        for (String table : List.of("customers", "orders", "order_items", "events")) {
            assertEquals(ws.rowCount(table), copied.get(table).asLong(), name + " " + table);
        }
        Map<String, String> ids = new HashMap<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT ck, customer_id FROM customers")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getString(2));
            }
        }
        SegmentStore store = new SegmentStore(ws);
        data.put(name, new Data(workspace, root, ws, new SegmentEngine(ws, store::definition), ws.asOf(), ids));
    }

    private static byte[] digest(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }

    @AfterAll
    void close() throws Exception {
        for (Data d : data.values()) {
            d.engine().close();
            d.ws().close();
        }
        TestFiles.deleteTree(dir);
    }

    /** Every saved segment counted in one pass; one of them through the command line too. */
    @Test
    void countsOfEverySegmentAreTheDesktops() {
        for (Data d : data.values()) {
            List<SavedSegment> saved = new SegmentStore(d.ws()).list();
            SparkEngine spark = new SparkEngine(Roots.open(d.root()));
            List<List<String>> members = SparkMatchesReferenceTest.sparkMembers(spark, d.asOf(),
                    saved.stream().map(s -> s.segment().definition()).toList());
            for (int i = 0; i < saved.size(); i++) {
                List<String> desktop = d.ids(d.engine().members(saved.get(i).segment().definition(), d.asOf(),
                        Cancellation.none()));
                assertEquals(desktop, members.get(i), saved.get(i).name());
                assertTrue(!desktop.isEmpty(), saved.get(i).name() + " should match someone");
            }
            if (d != data.get("chinook")) {
                continue;
            }
            for (SavedSegment s : saved.subList(0, 1)) {
                JsonNode count = CliRun.of("count", "--data", d.root().toString(), "--segment", s.name(), "--json")
                        .json();
                assertEquals(d.engine().members(s.segment().definition(), d.asOf(), Cancellation.none())
                        .getLongCardinality(), count.get("customers").asLong(), s.name());
                assertEquals(d.asOf().toString(), count.get("asOf").asText());
                assertEquals(s.name(), count.get("segment").asText());
            }
        }
    }

    @Test
    void aComparisonIsTheDesktops() {
        for (Data d : List.of(data.get("retail"))) {
            List<Segment> segments = new SegmentStore(d.ws()).list().subList(0, 3).stream().map(SavedSegment::segment)
                    .toList();
            JsonNode json = CliRun.of("compare", "--data", d.root().toString(), segments.get(0).name(),
                    segments.get(1).name(), segments.get(2).name(), "--json").json();
            Comparison desktop = new SegmentComparer(Memberships.of(d.engine()), new Insights(d.ws()))
                    .compare(segments, d.asOf(), Cancellation.none());
            for (int i = 0; i < 3; i++) {
                assertEquals(desktop.overlap().unique(i), json.get("segments").get(i).get("unique").asLong());
                for (int j = 0; j < 3; j++) {
                    assertEquals(desktop.overlap().overlap(i, j), json.get("overlap").get(i).get(j).asLong());
                }
                Agreement.money(desktop.metrics().get(i).revenue(),
                        json.get("metrics").get(i).get("revenue12m").asDouble(), "revenue " + i);
            }
            assertEquals(desktop.overlap().union(), json.get("union").asLong());
        }
    }

    @Test
    void theModelAndItsWrittenAssignmentAreTheDesktops() {
        for (Data d : data.values()) {
            PriorityModel model = new ModelStore(d.ws()).get("Priorities");
            // the assignment is written and read back on Chinook; the retail sample's model is counted only
            boolean write = d == data.get("chinook");
            Path out = dir.resolve(d.workspace().getFileName() + "-assignment");
            JsonNode json = (write ? CliRun.of("model", "--data", d.root().toString(), "--model", "Priorities",
                    "--out", out.toString(), "--json") : CliRun.of("model", "--data", d.root().toString(), "--model",
                    "Priorities", "--json")).json();
            WaterfallResult desktop = new ModelRunner(Memberships.of(d.engine()),
                    new SegmentStore(d.ws())::definition).run(model, d.asOf(), Cancellation.none()).result();
            Map<String, String> expected = new TreeMap<>();
            for (int i = 0; i < desktop.entries().size(); i++) {
                EntryResult e = desktop.entries().get(i);
                JsonNode s = json.get("segments").get(i);
                assertEquals(e.qualifying(), s.get("qualifying").asLong(), e.name());
                assertEquals(e.assigned(), s.get("assigned").asLong(), e.name());
                assertEquals(e.taken(), s.get("taken").asLong(), e.name());
                d.ids(e.members()).forEach(id -> expected.put(id, e.name()));
            }
            d.ids(desktop.leftovers()).forEach(id -> expected.put(id, "Everyone else"));
            assertEquals(desktop.leftovers().getLongCardinality(), json.get("leftovers").get("assigned").asLong());
            assertEquals(desktop.total(), json.get("total").asLong());
            if (!write) {
                continue;
            }
            Map<String, String> written = new TreeMap<>();
            for (Row r : SharedSpark.session().read().parquet(out.toString()).collectAsList()) {
                written.put(r.getString(0), r.getString(1));
            }
            assertEquals(expected, written);
        }
    }

    @Test
    void membersAreTheDesktopsWithTheirMetrics() throws Exception {
        Data d = data.get("chinook");
        Path out = dir.resolve("americas-members");
        JsonNode json = CliRun.of("members", "--data", d.root().toString(), "--segment", "Americas", "--out",
                out.toString(), "--columns", "customer_id,country,metrics.revenue", "--json").json();
        Segment americas = new SegmentStore(d.ws()).get("Americas").segment();
        List<String> desktop = d.ids(d.engine().members(americas.definition(), d.asOf(), Cancellation.none()));
        List<Row> rows = SharedSpark.session().read().parquet(out.toString()).collectAsList();
        assertEquals(desktop.size(), json.get("rows").asLong());
        assertEquals(desktop, rows.stream().map(r -> r.getString(0)).sorted().toList());
        Map<String, Double> revenue = new HashMap<>();
        try (Statement st = d.ws().connection().createStatement(); ResultSet rs = st.executeQuery(
                "SELECT c.customer_id, m.revenue FROM customers c JOIN metrics m ON m.ck = c.ck")) {
            while (rs.next()) {
                revenue.put(rs.getString(1), rs.getDouble(2));
            }
        }
        for (Row r : rows) {
            Agreement.money(revenue.get(r.getString(0)), r.getDouble(2), "metrics.revenue of " + r.getString(0));
        }
    }

    @Test
    void aSmartGroupRecalculatesToItsDefinitionsMembers() {
        Data d = data.get("chinook");
        JsonNode json = CliRun.of("recalc", "--data", d.root().toString(), "--all", "--json").json();
        JsonNode g = json.get("groups").get(0);
        RoaringBitmap now = d.engine().members(new org.segmint.model.segment.PurchaseCondition(true, List.of(),
                org.segmint.model.segment.Measure.REVENUE, org.segmint.model.segment.Comparison.of(
                        org.segmint.model.segment.Operator.GTE, 40), org.segmint.model.segment.Window.ALL_TIME),
                d.asOf(), Cancellation.none());
        List<String> ids = d.ids(now);
        List<String> before = List.of("1", "2", "3", "4", "5", "6");
        assertEquals("Big spenders", g.get("name").asText());
        assertEquals(ids.size(), g.get("total").asLong());
        assertEquals(ids.stream().filter(id -> !before.contains(id)).count(), g.get("joined").asLong());
        assertEquals(before.stream().filter(id -> !ids.contains(id)).count(), g.get("left").asLong());
        List<String> stored = SharedSpark.session().read().parquet(d.root().resolve("groups").toString())
                .filter("name = 'Big spenders'").collectAsList().stream().map(r -> r.getString(0)).sorted()
                .toList();
        assertEquals(ids, stored);
        List<String> callBack = SharedSpark.session().read().parquet(d.root().resolve("groups").toString())
                .filter("name = 'Call back'").collectAsList().stream().map(r -> r.<String>getAs("customer_id"))
                .sorted().toList();
        assertEquals(List.of("1", "17", "2", "3", "58"), callBack, "a static group's rows stay as they were");
    }

    /**
     * The insights of a segment using a group and a list, run as the desktop's "Run on Spark…" job folder asks (its
     * definitions read with {@code --job}): the printed summary, revenue tree and monthly revenue and the baseline are
     * the desktop's, and the desktop reads the answer back with the numbers it computes itself.
     */
    @Test
    void insightsOfAJobFolderFromTheDesktopAreTheDesktops() throws Exception {
        Data d = data.get("chinook");
        Path job = dir.resolve("called-back-job");
        SparkJobFolder.write(d.ws(), new SparkJob(SparkJob.Kind.SEGMENT, "Called back", d.asOf(),
                d.root().toString(), "local[2]", "segmint-spark.jar"), job);
        CliRun run = CliRun.of("insights", "--data", d.root().toString(), "--job", job.toString(), "--segment",
                "Called back", "--json");
        JsonNode json = run.json();
        Files.writeString(job.resolve("results").resolve("insights.json"), run.out());
        Segment calledBack = new SegmentStore(d.ws()).get("Called back").segment();
        RoaringBitmap members = d.engine().members(calledBack.definition(), d.asOf(), Cancellation.none());
        Insights insights = new Insights(d.ws());
        InsightSummary desktop = insights.summary(members, d.asOf(), null, Cancellation.none());
        assertTrue(desktop.customers() > 0);
        Agreement.summary(desktop, json, true, "Called back");
        Agreement.summary(insights.baseline(d.asOf(), Cancellation.none()), json.get("baseline"), false, "baseline");
        SparkJobResults results = SparkJobResults.read(job);
        assertEquals(d.asOf(), results.asOf());
        assertEquals(desktop.customers(), results.segment().customers());
        assertEquals(desktop.activeCustomers(), results.segment().activeCustomers());
        assertEquals(desktop.revenueTree().orders(), results.segment().orders());
        Agreement.money(desktop.revenue12m(), results.segment().revenue12m(), "revenue");
        Agreement.money(desktop.revenueTree().averageOrderValue(), results.segment().averageOrderValue(), "aov");
    }

    @Test
    void thePlanShowsOneShufflePerTableAndNoSelfJoin() {
        Data d = data.get("chinook");
        String plan = CliRun.of("sql", "--data", d.root().toString(), "--segment",
                "Rock fans in the Americas, not gmail", "--json").json().get("plan").asText();
        assertTrue(plan.contains("Exchange"), plan);
        assertTrue(plan.contains("REPARTITION_BY_COL"), "order lines are shuffled once by customer:\n" + plan);
    }
}
