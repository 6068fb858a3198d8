package org.segmint.app.sparkjob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.ScriptedDialogs;
import org.segmint.app.shell.SettingsStore;
import org.segmint.app.task.SameThreadExecutor;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.insight.InsightSummary;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.reference.RandomWorkspaces;
import org.segmint.persistence.sparkjob.SparkJob;
import org.segmint.persistence.sparkjob.SparkJobFolder;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.store.SegmentStore;

/**
 * Opening a finished job: its answers (as segmint-spark prints them) beside this computer's, row by row; equal numbers
 * are "same", a different one is flagged with its difference and counted in the summary; a job without results says
 * so in one line.
 */
class SparkResultsViewModelTest {
    @TempDir
    Path dir;
    private AppContext context;
    private LocalDate asOf;

    @BeforeEach
    void setUp() {
        context = new AppContext(new SameThreadExecutor(), new ScriptedDialogs(),
                new SettingsStore(dir.resolve("settings.json")));
        Path file = dir.resolve("shop.segmint");
        RandomWorkspaces.create(file, 9).close();
        context.setSession(AppContext.openFile(file));
        asOf = context.requireSession().read(ws -> {
            new SegmentStore(ws).save(Segment.of("Londoners", AttributeCondition.of("customers.city", Operator.EQ,
                    "London")));
            new ModelStore(ws).save(new PriorityModel("Spring", List.of(ModelEntry.saved("Londoners"),
                    ModelEntry.inline("Buyers", PurchaseCondition.any())), "Others", Map.of()));
            return ws.asOf();
        });
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private Path job(SparkJob.Kind kind, String name) {
        Path job = dir.resolve(name);
        context.requireSession().read(ws -> SparkJobFolder.write(ws, new SparkJob(kind, name, asOf, "/data",
                "local[2]", "segmint-spark.jar"), job));
        return job;
    }

    @Test
    void aSegmentsAnswersStandBesideTheLocalOnes() throws Exception {
        Path job = job(SparkJob.Kind.SEGMENT, "Londoners");
        SparkResultsViewModel vm = new SparkResultsViewModel(context);
        vm.load(job);
        assertEquals("Spark results", vm.titleProperty().get());
        assertTrue(vm.summaryProperty().get().contains("no results yet"), vm.summaryProperty().get());

        InsightSummary here = context.requireSession().read(ws -> new Insights(ws).summary(
                context.requireSession().engine().members(new SegmentStore(ws).get("Londoners").segment()
                        .definition(), asOf, Cancellation.none()), asOf, null, Cancellation.none()));
        Files.writeString(job.resolve("results/insights.json"), insights(here, here.customers()));
        vm.load(job);
        assertEquals("Segment 'Londoners' as of " + asOf, vm.titleProperty().get());
        assertEquals(7, vm.rows().size());
        assertTrue(vm.rows().stream().allMatch(SparkResultsViewModel.Row::same), vm.rows().toString());
        assertEquals("Spark and this computer agree on all 7 numbers.", vm.summaryProperty().get());

        Files.writeString(job.resolve("results/insights.json"), insights(here, here.customers() * 2));
        vm.load(job);
        SparkResultsViewModel.Row customers = vm.rows().get(0);
        assertFalse(customers.same());
        assertEquals("+100.0%", customers.difference());
        assertTrue(vm.summaryProperty().get().startsWith("1 of 7 numbers differ"), vm.summaryProperty().get());
    }

    @Test
    void aModelsAssignmentStandsBesideTheLocalOne() throws Exception {
        Path job = job(SparkJob.Kind.MODEL, "Spring");
        var here = new org.segmint.persistence.waterfall.ModelRunner(
                org.segmint.persistence.insight.Memberships.of(context.requireSession().engine()),
                name -> context.requireSession().read(ws -> new SegmentStore(ws).definition(name)))
                .run(context.requireSession().read(ws -> new ModelStore(ws).get("Spring")), asOf, Cancellation.none())
                .result();
        StringBuilder json = new StringBuilder("{\"model\": \"Spring\", \"asOf\": \"" + asOf + "\", \"segments\": [");
        for (int i = 0; i < here.entries().size(); i++) {
            var e = here.entries().get(i);
            json.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(e.name()).append("\", \"qualifying\": ")
                    .append(e.qualifying()).append(", \"assigned\": ").append(e.assigned()).append("}");
        }
        json.append("], \"leftovers\": {\"name\": \"Others\", \"assigned\": ")
                .append(here.leftovers().getLongCardinality()).append("}, \"total\": ").append(here.total())
                .append("}");
        Files.writeString(job.resolve("results/model.json"), json.toString());
        SparkResultsViewModel vm = new SparkResultsViewModel(context);
        vm.load(job);
        assertEquals(6, vm.rows().size(), vm.rows().toString());
        assertTrue(vm.rows().stream().allMatch(SparkResultsViewModel.Row::same), vm.rows().toString());
        assertEquals("Londoners: assigned", vm.rows().get(0).what());
    }

    private String insights(InsightSummary s, long customers) {
        var t = s.revenueTree();
        return String.format(Locale.ROOT, "{\"segment\": \"Londoners\", \"asOf\": \"%s\", \"customers\": %d,"
                + " \"activeCustomers\": %d, \"revenue12m\": %s, \"revenueTree\": {\"netRevenue\": %s, \"purchasers\":"
                + " %d, \"revenuePerCustomer\": %s, \"ordersPerCustomer\": %s, \"averageOrderValue\": %s,"
                + " \"unitsPerTransaction\": %s, \"averageUnitRevenue\": %s, \"orders\": %d, \"units\": %s}}",
                asOf, customers, s.activeCustomers(), s.revenue12m(), t.netRevenue(), t.purchasers(),
                t.revenuePerCustomer(), t.ordersPerCustomer(), t.averageOrderValue(), t.unitsPerTransaction(),
                t.averageUnitRevenue(), t.orders(), t.units());
    }
}
