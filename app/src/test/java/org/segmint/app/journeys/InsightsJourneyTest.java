package org.segmint.app.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.SegmintApp;
import org.segmint.app.editor.EditorPage;
import org.segmint.app.export.ExportMembersDialog;
import org.segmint.app.insights.InsightsTabs;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.PageId;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.model.compare.OverlapMatrix;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.demo.DemoConfig;
import org.segmint.persistence.demo.DemoGenerator;
import org.segmint.persistence.insight.Breakdown;
import org.segmint.persistence.insight.Breakdowns;
import org.segmint.persistence.insight.CompareBy;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.store.SegmentStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A marketer opens a segment and reads its insights in tabs: adds a Breakdown chart (bars equal the engine's
 * numbers), compares it with two saved segments (matrix and intersection bars equal {@link OverlapMatrix}), sorts
 * the Customers table by revenue, scrolls to its last row and exports exactly its columns. With
 * {@code -Dsegmint.screenshots=FOLDER} it also writes the insights screenshots (1280×800) and the editor at
 * 1920×1080.
 */
@ExtendWith(ApplicationExtension.class)
class InsightsJourneyTest {
    private static final String GOLD = "Gold and platinum";
    @TempDir
    static Path dir;
    private static Path workspace;
    private ShellFixture shell;
    private Stage stage;
    private EditorPage editor;

    @BeforeAll
    static void demo() {
        workspace = dir.resolve("Demo.segmint");
        DemoGenerator.generate(workspace, DemoConfig.of(3_000, DemoConfig.DEFAULT_SEED), Progress.NONE,
                Cancellation.none());
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shell = new ShellFixture(stage, dir, SegmintApp.standardPages().register(PageId.EDITOR, (c, n) -> {
            editor = new EditorPage(c, n);
            return editor;
        }));
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void close() {
        shell.close();
    }

    private static Condition all(Condition... conditions) {
        return GroupCondition.all(List.of(conditions));
    }

    @Test
    void breakdownCompareAndCustomersShowTheEnginesNumbers(FxRobot robot) throws Exception {
        WorkspaceSession session = AppContext.openFile(workspace);
        Condition gold = all(AttributeCondition.of("customers.loyalty_tier", Operator.IN, "gold", "platinum"));
        Condition big = all(AttributeCondition.of("metrics.revenue", Operator.GT, new BigDecimal("1000")));
        Condition women = all(AttributeCondition.of("customers.gender", Operator.EQ, "F"));
        session.read(ws -> {
            SegmentStore store = new SegmentStore(ws);
            store.save(new Segment(GOLD, "Top loyalty tiers", "Loyalty", null, gold, null));
            store.save(Segment.of("Big spenders", big));
            store.save(Segment.of("Women", women));
            return null;
        });
        robot.interact(() -> shell.context.setSession(session));
        ShellFixture.waitUntil("segments listed", () -> robot.lookup("#segments-table").queryTableView().getItems()
                .size() == 3);
        robot.doubleClickOn(GOLD);
        ShellFixture.waitUntil("the editor counted", () -> editor != null && robot.lookup("#live-count")
                .queryAs(Label.class).getText().matches("[0-9,]+")
                && robot.lookup("#kpi-customers").tryQuery().isPresent());
        RoaringBitmap members = session.engine().members(gold, session.read(ws -> ws.asOf()), Cancellation.none());
        snapshot("insights-summary.png");

        // Breakdown: add a chart; its bars are the engine's breakdown, bar for bar.
        robot.clickOn("#tab-breakdown");
        robot.interact(() -> {
            editor.breakdown().addChart("customers.gender");
            editor.breakdown().addChart("metrics.revenue");
            editor.breakdown().addChart("metrics.lifecycle");
            editor.breakdown().addChart("customers.birth_date");
        });
        ShellFixture.waitUntil("four charts", () -> robot.lookup(".sg-breakdown-chart").queryAll().size() == 4);
        Breakdown expected = session.read(ws -> new Breakdowns(ws, new Insights(ws)).of(members, "customers.gender",
                CompareBy.CUSTOMERS, 10, Insights.window(ws.asOf()), Cancellation.none()));
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.lookup("#breakdown-chart-customers-gender").queryAs(BarChart.class);
        XYChart.Series<String, Number> bars = chart.getData().get(0);
        assertEquals(expected.buckets().size(), bars.getData().size());
        for (int i = 0; i < bars.getData().size(); i++) {
            assertEquals(expected.buckets().get(i).label(), bars.getData().get(i).getXValue());
            assertEquals(expected.buckets().get(i).value(), bars.getData().get(i).getYValue().doubleValue(), 1e-12);
        }
        assertTrue(editor.viewModel().dirtyProperty().get(), "the chart choice is part of the segment");
        robot.interact(() -> editor.viewModel().save());
        assertEquals(List.of("customers.gender", "metrics.revenue", "metrics.lifecycle", "customers.birth_date"),
                session.read(ws -> org.segmint.persistence.json.BreakdownChoiceJson.of(new SegmentStore(ws)
                        .get(GOLD).segment()).charts()), "saved with the segment");
        dividerAt(robot, 0.25);
        snapshot("insights-breakdown.png");
        dividerAt(robot, 0.6);

        // Compare with two saved segments: the matrix and the intersection bars equal OverlapMatrix.
        robot.clickOn("#tab-compare");
        robot.interact(() -> editor.compare().setOthers(List.of("Big spenders", "Women")));
        ShellFixture.waitUntil("compared", () -> robot.lookup("#compare-matrix").tryQuery().isPresent()
                && robot.lookup("#intersection-7").tryQuery().isPresent());
        java.time.LocalDate asOf = session.read(ws -> ws.asOf());
        OverlapMatrix m = OverlapMatrix.of(List.of(GOLD, "Big spenders", "Women"), List.of(members,
                session.engine().members(big, asOf, Cancellation.none()),
                session.engine().members(women, asOf, Cancellation.none())));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    assertEquals(m.overlap(i, j), robot.lookup("#compare-overlap-" + i + "-" + j).queryAs(Label.class)
                            .getUserData());
                }
            }
            assertEquals(String.format("%,d", m.unique(i)), robot.lookup("#compare-unique-" + i)
                    .queryAs(Label.class).getText());
        }
        for (OverlapMatrix.Combination c : m.combinations()) {
            if (c.count() > 0) {
                Node bar = robot.lookup("#intersection-" + c.mask()).query();
                assertEquals(c.count(), bar.getUserData(), c.names().toString());
                assertEquals(c.count(), robot.lookup("#venn-" + c.mask()).queryAs(Label.class).getUserData());
            }
        }
        // An intersection saved as a static group holds exactly those customers.
        int goldAndBigOnly = 0b011;
        robot.interact(() -> editor.compare().saveIntersectionAsGroup(goldAndBigOnly, "Gold big spenders, not women"));
        assertEquals(m.exactly(goldAndBigOnly), session.read(ws -> new org.segmint.persistence.group.GroupStore(ws)
                .memberKeys("Gold big spenders, not women")));
        dividerAt(robot, 0.08);
        snapshot("insights-compare.png");
        dividerAt(robot, 0.6);

        // Customers: default columns, sorted by lifetime revenue, largest first.
        robot.clickOn("#tab-customers");
        TableView<?> table = robot.lookup("#customers-table").queryTableView();
        ShellFixture.waitUntil("members listed", () -> table.getItems().size() == members.getCardinality()
                && !cell(table, 0, 0).equals("…"));
        dividerAt(robot, 0.25);
        snapshot("insights-customers.png");
        dividerAt(robot, 0.6);
        if (System.getProperty("segmint.screenshots") != null) {
            robot.interact(() -> {
                stage.setWidth(1920);
                stage.setHeight(1080);
                editor.insightsTabs().show(InsightsTabs.Which.SUMMARY);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(500);
            snapshot("editor-1920.png");
        }
    }

    /** 100,000 customers with a lifetime revenue of (key × 7919) mod 100,003 (all different), one order each. */
    private static Path hundredThousand() throws Exception {
        Path file = dir.resolve("Hundred thousand.segmint");
        try (org.segmint.persistence.workspace.Workspace ws = org.segmint.persistence.workspace.Workspace
                .create(file)) {
            ws.addColumn("customers", "email", org.segmint.model.catalog.FieldType.TEXT, null);
            java.sql.Connection c = ws.connection();
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement customer = c.prepareStatement(
                    "INSERT INTO customers(ck, customer_id, email) VALUES (?, ?, ?)");
                 java.sql.PreparedStatement order = c.prepareStatement("INSERT INTO orders(order_id, ck, customer_id,"
                         + " order_date, revenue, units) VALUES (?, ?, ?, 20000, ?, 1)")) {
                for (int ck = 1; ck <= HUNDRED_THOUSAND; ck++) {
                    customer.setInt(1, ck);
                    customer.setString(2, String.format("K%06d", ck));
                    customer.setString(3, "k" + ck + "@example.com");
                    customer.addBatch();
                    order.setString(1, "O" + ck);
                    order.setInt(2, ck);
                    order.setString(3, String.format("K%06d", ck));
                    order.setLong(4, revenue(ck));
                    order.addBatch();
                }
                customer.executeBatch();
                order.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            org.segmint.persistence.workspace.DerivedData.refresh(ws, Progress.NONE);
            new SegmentStore(ws).save(Segment.of("Everyone", Condition.everyone()));
        }
        return file;
    }

    private static final int HUNDRED_THOUSAND = 100_000;

    private static long revenue(int ck) {
        return (long) ck * 7919 % 100_003;
    }

    @Test
    void customersSortScrollToTheLastOfAHundredThousandAndExport(FxRobot robot) throws Exception {
        Path file = hundredThousand();
        robot.interact(() -> shell.context.setSession(AppContext.openFile(file)));
        ShellFixture.waitUntil("segments listed", () -> robot.lookup("#segments-table").queryTableView().getItems()
                .size() == 1);
        robot.doubleClickOn("Everyone");
        ShellFixture.waitUntil("the editor counted", () -> editor != null && robot.lookup("#live-count")
                .queryAs(Label.class).getText().equals("100,000"));
        robot.clickOn("#tab-customers");
        TableView<?> table = robot.lookup("#customers-table").queryTableView();
        ShellFixture.waitUntil("members listed", () -> table.getItems().size() == HUNDRED_THOUSAND);
        int revenueColumn = -1;
        for (int i = 0; i < table.getColumns().size(); i++) {
            if (table.getColumns().get(i).getText().startsWith("Revenue")) {
                revenueColumn = i;
            }
        }
        assertTrue(revenueColumn >= 0, "the default columns show the revenue");
        Node header = robot.lookup(".column-header").match(n -> n.getId() != null
                && n.getId().equals("customers-column-metrics-revenue")).query();
        robot.clickOn(header);
        robot.clickOn(header);
        int[] byRevenue = java.util.stream.IntStream.rangeClosed(1, HUNDRED_THOUSAND).boxed()
                .sorted((a, b) -> Long.compare(revenue(b), revenue(a))).mapToInt(Integer::intValue).toArray();
        ShellFixture.waitUntil("sorted by revenue, largest first", () -> editor.customers().rowsProperty().get()
                == HUNDRED_THOUSAND && editor.customers().sortOrderProperty().get()
                == org.segmint.persistence.members.SortOrder.DESCENDING
                && editor.customers().keyAt(0) == byRevenue[0]);
        int column = revenueColumn;
        ShellFixture.waitUntil("the first page read", () -> !cell(table, 0, column).equals("…"));
        assertEquals(Long.toString(revenue(byRevenue[0])), cell(table, 0, column));
        robot.interact(() -> table.scrollTo(HUNDRED_THOUSAND - 1));
        ShellFixture.waitUntil("the last page read", () -> !cell(table, HUNDRED_THOUSAND - 1, column).equals("…"));
        assertEquals(Long.toString(revenue(byRevenue[HUNDRED_THOUSAND - 1])),
                cell(table, HUNDRED_THOUSAND - 1, column));
        assertEquals(String.format("K%06d", byRevenue[HUNDRED_THOUSAND - 1]), cell(table, HUNDRED_THOUSAND - 1, 0));

        Path csv = dir.resolve("everyone.csv");
        shell.dialogs.files.add(csv);
        List<String> headers = table.getColumns().stream().map(c -> ((org.segmint.model.catalog.Field) c
                .getUserData())).map(org.segmint.persistence.store.MemberExport::header).toList();
        robot.clickOn("#customers-export");
        ShellFixture.waitUntil("the export dialog lists the columns", () -> robot.lookup("#export-chosen")
                .tryQuery().isPresent() && robot.lookup("#export-chosen").queryListView().getItems().size()
                == headers.size());
        robot.clickOn("#export-run");
        ShellFixture.waitUntil("exported", () -> robot.lookup("#export-result").queryAs(Label.class).getText()
                .startsWith("Exported"));
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().build().parse(r).getRecords();
            assertEquals(headers, records.get(0).getParser().getHeaderNames(), "exactly these columns, in order");
            assertEquals(HUNDRED_THOUSAND, records.size());
            CSVRecord last = records.get(HUNDRED_THOUSAND - 1);
            assertEquals("K100000", last.get("customer_id"));
            assertEquals(Long.toString(revenue(HUNDRED_THOUSAND)), last.get("metrics.revenue"));
        }
        robot.interact(() -> robot.lookup("#export-run").query().getScene().getWindow().hide());
    }

    /** Where the user dragged the divider between the definition and the insights (for the screenshots). */
    private static void dividerAt(FxRobot robot, double position) {
        robot.interact(() -> robot.lookup("#editor-split").queryAs(javafx.scene.control.SplitPane.class)
                .setDividerPositions(position));
    }

    private static String cell(TableView<?> table, int row, int column) {
        Object value = table.getColumns().get(column).getCellObservableValue(row).getValue();
        return value == null ? "" : value.toString();
    }

    private void snapshot(String name) throws IOException {
        String target = System.getProperty("segmint.screenshots");
        if (target == null || target.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        WaitForAsyncUtils.waitForFxEvents();
        Path out = Path.of(target);
        Files.createDirectories(out);
        WritableImage[] image = new WritableImage[1];
        try {
            WaitForAsyncUtils.asyncFx(() -> image[0] = stage.getScene().getRoot().snapshot(null, null)).get();
        } catch (Exception e) {
            throw new IOException("cannot take the snapshot", e);
        }
        BufferedImage png = SwingFXUtils.fromFXImage(image[0], null);
        ImageIO.write(png, "png", out.resolve(name).toFile());
    }
}
