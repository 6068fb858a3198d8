package org.segmint.app.journeys;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.export.ExportMembersDialog;
import org.segmint.app.editor.EditorPage;
import org.segmint.app.importer.ImportDialog;
import org.segmint.app.lists.ListUploadDialog;
import org.segmint.app.shell.PageId;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.Theme;
import org.segmint.app.SegmintApp;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SegmentStatus;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.demo.DemoConfig;
import org.segmint.persistence.demo.DemoGenerator;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.store.ValueLists;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes PNG screenshots of the main screens into the folder named by {@code segmint.screenshots} (skipped
 * without it). From the repository root:
 * {@code ./mvnw -q -o -pl app -am test -Dtest=ScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsegmint.screenshots=$PWD/docs/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {
    @TempDir
    static Path dir;
    private ShellFixture shell;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shell = new ShellFixture(stage, dir, SegmintApp.standardPages());
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void close() {
        shell.close();
    }

    @Test
    void mainScreens(FxRobot robot) throws Exception {
        String target = System.getProperty("segmint.screenshots");
        Assumptions.assumeTrue(target != null && !target.isBlank(), "set -Dsegmint.screenshots=FOLDER to write them");
        Path out = Path.of(target);
        Files.createDirectories(out);

        Path file = dir.resolve("Demo.segmint");
        DemoGenerator.generate(file, DemoConfig.of(5_000, DemoConfig.DEFAULT_SEED), Progress.NONE,
                Cancellation.none());
        WorkspaceSession session = AppContext.openFile(file);
        seedSegments(session);
        robot.interact(() -> shell.context.setSession(session));

        ShellFixture.waitUntil("segments listed", () -> robot.lookup("#segments-table").queryTableView().getItems()
                .size() == 7);
        snapshot(stage.getScene(), out.resolve("segments.png"));

        robot.clickOn("#nav-data");
        ShellFixture.waitUntil("tables listed", () -> robot.lookup("#data-tables").queryTableView().getItems()
                .stream().count() >= 5);
        snapshot(stage.getScene(), out.resolve("data.png"));

        Path csv = dir.resolve("loyalty-scores.csv");
        StringBuilder rows = new StringBuilder("Customer ID;Churn Score;Scored On;Segment Code\n");
        for (int i = 1; i <= 60; i++) {
            rows.append(String.format("C%06d;%.2f;%02d/10/2026;%s%n", i, (i * 37 % 100) / 100.0, i % 28 + 1,
                    i % 3 == 0 ? "A" : "B"));
        }
        Files.writeString(csv, rows);
        ImportDialog[] importDialog = new ImportDialog[1];
        robot.interact(() -> importDialog[0] = ImportDialog.show(shell.context, csv, stage));
        ShellFixture.waitUntil("preview read", () -> !importDialog[0].model().mappings().isEmpty());
        robot.interact(() -> importDialog[0].model().tableProperty().set("scores"));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(importDialog[0].stage().getScene(), out.resolve("import.png"));
        robot.interact(() -> importDialog[0].stage().close());

        ExportMembersDialog[] export = new ExportMembersDialog[1];
        robot.interact(() -> export[0] = ExportMembersDialog.showForSegment(shell.context, "Gold and platinum",
                stage));
        ShellFixture.waitUntil("columns listed", () -> robot.lookup("#export-available").tryQuery().isPresent()
                && !robot.lookup("#export-available").queryListView().getItems().isEmpty());
        snapshot(export[0].stage().getScene(), out.resolve("export.png"));
        robot.interact(() -> export[0].stage().close());

        List<String> ids = session.read(ws -> new ValueLists(ws).distinctValues("customers.customer_id", "", 40));
        StringBuilder vip = new StringBuilder("Name;Customer ID;Tier\n");
        for (int i = 0; i < ids.size(); i++) {
            vip.append("Guest ").append(i + 1).append(';').append(ids.get(i)).append(";gold\n");
        }
        vip.append("Walk-in;W-0001;\nWalk-in;W-0002;\nGuest 1;").append(ids.get(0)).append(";gold\n");
        Path vipFile = dir.resolve("event-guests.csv");
        Files.writeString(vipFile, vip);
        ListUploadDialog[] upload = new ListUploadDialog[1];
        robot.interact(() -> {
            upload[0] = ListUploadDialog.open(shell.context, vipFile, stage);
            upload[0].stage().show();
        });
        ShellFixture.waitUntil("list checked", () -> upload[0].viewModel().checkProperty().get() != null);
        snapshot(upload[0].stage().getScene(), out.resolve("list-upload.png"));
        robot.interact(() -> upload[0].stage().close());

        robot.interact(() -> shell.view.openSegment("At risk regulars"));
        robot.clickOn(robot.from(shell.view).lookup("#history-button").queryAs(javafx.scene.Node.class));
        EditorPage editor = (EditorPage) shell.view.page(PageId.EDITOR);
        ShellFixture.waitUntil("history read", () -> editor.historyView() != null
                && editor.historyView().viewModel().versions().size() == 3);
        robot.interact(() -> editor.historyView().viewModel().leftProperty().set(
                editor.historyView().viewModel().versions().get(2)));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(editor.historyView().stage().getScene(), out.resolve("history.png"));
        robot.interact(() -> editor.historyView().stage().close());

        seedGroups(session);
        robot.clickOn("#nav-groups");
        ShellFixture.waitUntil("groups listed", () -> robot.lookup("#group-table").queryTableView().getItems()
                .size() == 7);
        robot.clickOn("Active buyers");
        ShellFixture.waitUntil("history shown", () -> robot.lookup("#history-table").queryTableView().getItems()
                .size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(stage.getScene(), out.resolve("groups.png"));
        robot.clickOn("Bought in 90 days");
        ShellFixture.waitUntil("history shown", () -> robot.lookup("#history-table").queryTableView().getItems()
                .size() == 9);
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(stage.getScene(), out.resolve("group-history.png"));
        robot.clickOn(robot.lookup(".tab").nth(1).queryAs(javafx.scene.Node.class));
        robot.clickOn(robot.lookup("#cluster-names").lookup(".list-cell").nth(0).queryAs(javafx.scene.Node.class));
        ShellFixture.waitUntil("cluster counted", () -> robot.lookup("#cluster-list").queryListView().getItems()
                .size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(stage.getScene(), out.resolve("cluster.png"));
        sparkDialogs(robot, session, out);

        robot.clickOn("#nav-segments");
        robot.interact(() -> Theme.DARK.applyTo(stage.getScene()));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(stage.getScene(), out.resolve("segments-dark.png"));
    }

    /**
     * Run on Spark…, and a finished job opened beside this computer's numbers (the job's answers here are this
     * workspace's own, as a job over its from-workspace copy gives them).
     */
    private void sparkDialogs(FxRobot robot, WorkspaceSession session, Path out) throws Exception {
        org.segmint.app.sparkjob.SparkJobViewModel job = org.segmint.app.sparkjob.SparkJobViewModel.forSegment(
                shell.context, "Gold and platinum");
        Path folder = dir.resolve("jobs").resolve("Gold and platinum 2026-12-04");
        org.segmint.app.sparkjob.SparkJobDialog[] jobDialog = new org.segmint.app.sparkjob.SparkJobDialog[1];
        robot.interact(() -> {
            job.folderProperty().set(folder.toString());
            job.dataRootProperty().set("s3a://acme-lake/segmint");
            job.jarProperty().set("/opt/segmint/segmint-spark.jar");
            jobDialog[0] = new org.segmint.app.sparkjob.SparkJobDialog(job, stage);
            jobDialog[0].stage().show();
            job.write();
        });
        ShellFixture.waitUntil("job written", () -> job.writtenProperty().get() != null);
        snapshot(jobDialog[0].stage().getScene(), out.resolve("spark-job.png"));
        robot.interact(() -> jobDialog[0].stage().close());

        java.time.LocalDate asOf = session.read(ws -> ws.asOf());
        Condition gold = session.read(ws -> new SegmentStore(ws).get("Gold and platinum").segment().definition());
        org.segmint.persistence.insight.InsightSummary here = session.read(ws ->
                new org.segmint.persistence.insight.Insights(ws).summary(session.engine().members(gold, asOf,
                        Cancellation.none()), asOf, null, Cancellation.none()));
        var t = here.revenueTree();
        Files.writeString(folder.resolve("results").resolve("insights.json"), String.format(java.util.Locale.ROOT,
                "{\"segment\": \"Gold and platinum\", \"asOf\": \"%s\", \"customers\": %d,"
                        + " \"activeCustomers\": %d, \"revenue12m\": %s, \"revenueTree\": {\"revenuePerCustomer\":"
                        + " %s, \"averageOrderValue\": %s, \"orders\": %d, \"units\": %s}}", asOf, here.customers(),
                here.activeCustomers(), here.revenue12m(), t.revenuePerCustomer(), t.averageOrderValue(), t.orders(),
                t.units()));
        org.segmint.app.sparkjob.SparkResultsViewModel results =
                new org.segmint.app.sparkjob.SparkResultsViewModel(shell.context);
        org.segmint.app.sparkjob.SparkResultsDialog[] resultsDialog = new org.segmint.app.sparkjob.SparkResultsDialog[1];
        robot.interact(() -> {
            resultsDialog[0] = new org.segmint.app.sparkjob.SparkResultsDialog(results, stage);
            resultsDialog[0].stage().show();
            results.load(folder);
        });
        ShellFixture.waitUntil("results shown", () -> !results.rows().isEmpty());
        snapshot(resultsDialog[0].stage().getScene(), out.resolve("spark-results.png"));
        robot.interact(() -> resultsDialog[0].stage().close());
    }

    private static void seedSegments(WorkspaceSession session) {
        List<Segment> segments = List.of(
                new Segment("Gold and platinum", "Top loyalty tiers", "Loyalty", SegmentStatus.ACTIVE,
                        all(AttributeCondition.of("customers.loyalty_tier", Operator.IN, "gold", "platinum")), null),
                new Segment("At risk regulars", "Bought often, quiet lately", "Retention", SegmentStatus.ACTIVE,
                        all(AttributeCondition.of("metrics.lifecycle", Operator.EQ, "at risk"),
                                AttributeCondition.of("metrics.orders", Operator.GTE, java.math.BigDecimal.valueOf(3))), null),
                new Segment("Lapsed customers", "", "Retention", SegmentStatus.DRAFT,
                        all(AttributeCondition.of("metrics.lifecycle", Operator.EQ, "lapsed")), null),
                new Segment("Big spenders", "Lifetime revenue over 1,000", "", SegmentStatus.ACTIVE,
                        all(AttributeCondition.of("metrics.revenue", Operator.GT, new java.math.BigDecimal("1000"))), null),
                new Segment("Email reachable", "", "Channels", SegmentStatus.ACTIVE,
                        all(AttributeCondition.of("customers.email_opt_in", Operator.IS_TRUE)), null),
                new Segment("Prospects in France", "", "Acquisition", SegmentStatus.DRAFT,
                        all(AttributeCondition.of("metrics.lifecycle", Operator.EQ, "prospect"),
                                AttributeCondition.of("customers.country", Operator.EQ, "France")), null),
                new Segment("Gold, reachable by email", "", "Loyalty", SegmentStatus.ARCHIVED,
                        all(new MembershipCondition(MembershipCondition.Kind.SEGMENT, "Gold and platinum", true),
                                new MembershipCondition(MembershipCondition.Kind.SEGMENT, "Email reachable", true)),
                        null));
        session.read(ws -> {
            // saved a month ago, so that the later saves of the history below come after
            SegmentStore store = new SegmentStore(ws, java.time.Clock.offset(java.time.Clock.systemUTC(),
                    java.time.Duration.ofDays(-30)), "anna");
            for (Segment s : segments) {
                store.save(s);
            }
            store.pin("Gold and platinum", true);
            store.pin("At risk regulars", true);
            new ModelStore(ws).save(new PriorityModel("Winter campaign", List.of(ModelEntry.saved("Big spenders"),
                    ModelEntry.saved("At risk regulars")), "Everyone else", null));
            return null;
        });
        for (Segment s : segments.subList(0, 6)) {
            long count = session.engine().members(s.definition(), session.read(ws -> ws.asOf()), Cancellation.none())
                    .getCardinality();
            session.read(ws -> {
                new SegmentStore(ws).recordCount(s.name(), count, Instant.now().minusSeconds(60L * 47));
                return null;
            });
        }
        // two later saves of one segment, by two people, each counted while current: its history
        List<Segment> later = List.of(
                new Segment("At risk regulars", "Bought often, quiet lately", "Retention", SegmentStatus.ACTIVE,
                        all(AttributeCondition.of("metrics.lifecycle", Operator.IN, "at risk", "cooling down"),
                                AttributeCondition.of("metrics.orders", Operator.GTE, java.math.BigDecimal.valueOf(3))),
                        null),
                new Segment("At risk regulars", "Regulars going quiet, worth a reminder", "Retention",
                        SegmentStatus.ACTIVE, all(AttributeCondition.of("metrics.lifecycle", Operator.IN, "at risk",
                                "cooling down"), AttributeCondition.of("metrics.orders", Operator.GTE,
                                java.math.BigDecimal.valueOf(3)), AttributeCondition.of("customers.email_opt_in",
                                Operator.IS_TRUE)), null));
        String[] who = {"ben", "anna"};
        for (int i = 0; i < later.size(); i++) {
            Segment s = later.get(i);
            java.time.Clock then = java.time.Clock.offset(java.time.Clock.systemUTC(),
                    java.time.Duration.ofDays(i == 0 ? -9 : -2));
            long count = session.engine().members(s.definition(), session.read(ws -> ws.asOf()), Cancellation.none())
                    .getCardinality();
            String user = who[i];
            session.read(ws -> {
                SegmentStore store = new SegmentStore(ws, then, user);
                store.save(s);
                store.recordCount(s.name(), count, then.instant().plusSeconds(30));
                return null;
            });
        }
        session.read(ws -> ws.rowCount(Catalog.CUSTOMERS));
    }

    /** Smart groups recalculated monthly over the last months, static groups, a split and a cluster. */
    private static void seedGroups(WorkspaceSession session) {
        java.time.LocalDate asOf = session.read(ws -> ws.asOf());
        session.read(ws -> {
            org.segmint.persistence.group.GroupStore groups = new org.segmint.persistence.group.GroupStore(ws);
            org.segmint.persistence.group.Recalculation recalc = new org.segmint.persistence.group.Recalculation(
                    groups, session.engine());
            smart(session, groups, "Active buyers", AttributeCondition.of("metrics.lifecycle", Operator.EQ, "active"),
                    "monthly:1", asOf.minusMonths(4));
            smart(session, groups, "Gold club", new MembershipCondition(MembershipCondition.Kind.SEGMENT,
                    "Gold and platinum", true), "weekly:MON", asOf.minusMonths(3));
            smart(session, groups, "Bought in 90 days", new org.segmint.model.segment.PurchaseCondition(true,
                    List.of(), null, null, org.segmint.model.segment.Window.last(90,
                            org.segmint.model.segment.TimeUnit.DAYS)), "weekly:MON", asOf.minusWeeks(8));
            for (int w = 7; w >= 0; w--) {
                recalc.run(List.of("Bought in 90 days"), asOf.minusWeeks(w), Cancellation.none(), Progress.NONE);
            }
            for (int m = 3; m >= 0; m--) {
                java.time.LocalDate when = asOf.minusMonths(m);
                recalc.run(m == 3 ? List.of("Active buyers") : List.of("Active buyers", "Gold club"), when,
                        Cancellation.none(), Progress.NONE);
            }
            groups.createStatic(List.of("Newsletter", "Trade show leads"), "Channels");
            groups.add("Newsletter", session.engine().members(AttributeCondition.of("customers.email_opt_in",
                    Operator.IS_TRUE), asOf, Cancellation.none()));
            groups.add("Trade show leads", session.engine().members(AttributeCondition.of("customers.country",
                    Operator.EQ, "France"), asOf, Cancellation.none()));
            new org.segmint.persistence.group.SplitAndCombine(groups).split("Newsletter", List.of("Spring test A",
                    "Spring test B"), null, 7, null);
            return new org.segmint.persistence.group.ClusterStore(groups).save(
                    new org.segmint.persistence.json.ClusterFiles.Cluster("Spring send", List.of("Gold club",
                            "Active buyers", "Trade show leads", "Newsletter"), java.util.Map.of()));
        });
    }

    private static void smart(WorkspaceSession session, org.segmint.persistence.group.GroupStore groups, String name,
                              Condition definition, String schedule, java.time.LocalDate asOf) {
        groups.createSmart(name, definition, org.segmint.model.group.Schedule.parse(schedule), "", "",
                session.engine().members(definition, asOf, Cancellation.none()), asOf);
    }

    private static Condition all(Condition... conditions) {
        return GroupCondition.all(List.of(conditions));
    }

    private static void snapshot(Scene scene, Path file) throws IOException {
        WritableImage[] image = new WritableImage[1];
        try {
            WaitForAsyncUtils.asyncFx(() -> image[0] = scene.getRoot().snapshot(null, null)).get();
        } catch (Exception e) {
            throw new IOException("cannot take the snapshot", e);
        }
        BufferedImage png = SwingFXUtils.fromFXImage(image[0], null);
        ImageIO.write(png, "png", file.toFile());
    }
}
