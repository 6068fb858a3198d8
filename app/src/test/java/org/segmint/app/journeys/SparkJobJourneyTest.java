package org.segmint.app.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.SegmintApp;
import org.segmint.app.shell.AppContext;
import org.segmint.app.sparkjob.SparkResultsDialog;
import org.segmint.app.sparkjob.SparkResultsViewModel;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.insight.InsightSummary;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.reference.RandomWorkspaces;
import org.segmint.persistence.store.SegmentStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A marketer sends a segment to Spark from the Segments page (context menu, Run on Spark…, data root, Write job),
 * then opens the finished job and sees its answers beside this computer's.
 */
@ExtendWith(ApplicationExtension.class)
class SparkJobJourneyTest {
    @TempDir
    static Path dir;
    private ShellFixture shell;

    @Start
    void start(Stage stage) {
        shell = new ShellFixture(stage, dir, SegmintApp.standardPages());
        Path file = dir.resolve("shop.segmint");
        RandomWorkspaces.create(file, 3).close();
        var session = AppContext.openFile(file);
        session.read(ws -> new SegmentStore(ws).save(Segment.of("Londoners", AttributeCondition.of("customers.city",
                Operator.EQ, "London"))));
        shell.context.setSession(session);
    }

    @AfterEach
    void close() {
        shell.close();
    }

    @Test
    void runASegmentOnSparkThenSeeItsAnswers(FxRobot robot) throws Exception {
        ShellFixture.waitUntil("the segment is listed", () -> robot.lookup("#segments-table").queryTableView()
                .getItems().size() == 1);
        // The row's context menu (headless, the robot cannot pop it up with a right click): its item runs as a click
        // on it would.
        javafx.scene.control.TableRow<?> row = robot.lookup(".table-row-cell").queryAllAs(
                javafx.scene.control.TableRow.class).stream().filter(r -> r.getItem() != null
                && ((org.segmint.app.segments.SegmentRow) r.getItem()).name().equals("Londoners")).findFirst()
                .orElseThrow();
        javafx.scene.control.MenuItem runOnSpark = row.getContextMenu().getItems().stream()
                .filter(i -> "Run on Spark…".equals(i.getText())).findFirst().orElseThrow();
        robot.interact(runOnSpark::fire);
        ShellFixture.waitUntil("the job dialog opens", () -> robot.lookup("#spark-job-data").tryQuery().isPresent());
        Path job = dir.resolve("jobs").resolve("londoners");
        TextField folder = robot.lookup("#spark-job-folder").queryAs(TextField.class);
        robot.interact(() -> folder.setText(job.toString()));
        TextField data = robot.lookup("#spark-job-data").queryAs(TextField.class);
        robot.clickOn(data);
        robot.interact(data::selectAll);
        robot.write("hdfs:///lake/segmint");
        robot.clickOn("#spark-job-write");
        ShellFixture.waitUntil("the job is written", () -> Files.exists(job.resolve("run.sh")));
        assertTrue(Files.readString(job.resolve("run.sh")).contains("hdfs:///lake/segmint"));
        assertTrue(Files.exists(job.resolve("segments").resolve("londoners.segment.json")));
        robot.clickOn("Close");

        // The cluster's answer comes back in results/: here the one this computer gives, as the job would on the
        // same data.
        var session = shell.context.requireSession();
        var asOf = session.read(ws -> ws.asOf());
        InsightSummary here = session.read(ws -> new Insights(ws).summary(session.engine().members(
                AttributeCondition.of("customers.city", Operator.EQ, "London"), asOf, Cancellation.none()), asOf,
                null, Cancellation.none()));
        var t = here.revenueTree();
        Files.writeString(job.resolve("results").resolve("insights.json"), String.format(Locale.ROOT,
                "{\"segment\": \"Londoners\", \"asOf\": \"%s\", \"customers\": %d, \"activeCustomers\": %d,"
                        + " \"revenue12m\": %s, \"revenueTree\": {\"revenuePerCustomer\": %s, \"averageOrderValue\":"
                        + " %s, \"orders\": %d, \"units\": %s}}", asOf, here.customers(), here.activeCustomers(),
                here.revenue12m(), t.revenuePerCustomer(), t.averageOrderValue(), t.orders(), t.units()));
        SparkResultsViewModel results = new SparkResultsViewModel(shell.context);
        Window owner = robot.lookup("#segments-table").query().getScene().getWindow();
        robot.interact(() -> {
            new SparkResultsDialog(results, owner).stage().show();
            results.load(job);
        });
        ShellFixture.waitUntil("the answers are shown", () -> !results.rows().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<SparkResultsViewModel.Row> table = robot.lookup("#spark-results-table").queryAs(TableView.class);
        assertEquals(7, table.getItems().size());
        assertEquals(List.of("same"), table.getItems().stream().map(SparkResultsViewModel.Row::difference).distinct()
                .toList());
        assertEquals("Spark and this computer agree on all 7 numbers.",
                robot.lookup("#spark-results-summary").queryLabeled().getText());
    }
}
