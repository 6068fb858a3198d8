package org.segmint.app.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.editor.UiWorkspace;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.ScriptedDialogs;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.group.ClusterStore;
import org.segmint.persistence.group.GroupStore;
import org.segmint.persistence.json.ClusterFiles;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Groups page driven like a user: make a smart group from a saved segment, recalculate it and see its history;
 * then drag a cluster's group to the top and see the de-duplicated counts change to first-match over the groups.
 * (One test: the demo workspace is made once.)
 */
@ExtendWith(ApplicationExtension.class)
class GroupsJourneyTest {
    @TempDir
    static Path dir;

    private static final Condition GOLD = AttributeCondition.of("customers.loyalty_tier", Operator.IN, "gold",
            "platinum");

    private AppContext context;
    private ScriptedDialogs dialogs;
    private GroupsPage page;

    @Start
    void start(Stage stage) {
        dialogs = new ScriptedDialogs();
        context = UiWorkspace.open(dir, 600, dialogs);
        context.requireSession().read(ws -> new SegmentStore(ws).save(Segment.of("Gold and platinum", GOLD)));
        page = new GroupsPage(context, null);
        Scene scene = new Scene((Parent) page.node(), 1280, 800);
        scene.getStylesheets().add(getClass().getResource("/org/segmint/assets/segmint.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        page.onShown();
    }

    @AfterEach
    void close() {
        context.close();
    }

    private RoaringBitmap members(Condition c) {
        WorkspaceSession s = context.requireSession();
        return s.engine().members(c, s.read(Workspace::asOf), Cancellation.none());
    }

    @Test
    void smartGroupRecalculatedWithItsHistoryThenAClusterReordered(FxRobot robot) {
        dialogs.promptAnswers.add("Gold and platinum");
        dialogs.promptAnswers.add("Gold club");
        dialogs.promptAnswers.add("weekly:MON");
        robot.clickOn("#new-smart");
        UiWorkspace.waitUntil(() -> page.groups().selectedProperty().get() != null
                && page.groups().selectedProperty().get().name().equals("Gold club")
                && page.groups().history().size() == 1);
        long expected = members(GOLD).getLongCardinality();
        assertEquals(expected, page.groups().selectedProperty().get().customers());
        robot.clickOn("#recalculate");
        UiWorkspace.waitUntil(() -> page.groups().history().size() == 2);
        assertEquals(2, robot.lookup("#history-table").queryTableView().getItems().size());
        LineChart<?, ?> chart = robot.lookup("#history-chart").queryAs(LineChart.class);
        UiWorkspace.waitUntil(() -> chart.getData().size() == 1 && chart.getData().get(0).getData().size() == 2);
        javafx.scene.chart.BarChart<?, ?> churn = robot.lookup("#churn-chart").queryAs(javafx.scene.chart.BarChart.class);
        assertEquals(2, churn.getData().size(), "joined and left");
        assertEquals(expected, page.groups().history().get(0).total());
        assertEquals(0, page.groups().history().get(0).joined());
        assertEquals(List.of(), dialogs.errors);
        draggingAClusterGroupToTheTopChangesTheCounts(robot);
    }

    private void draggingAClusterGroupToTheTopChangesTheCounts(FxRobot robot) {
        Map<String, Condition> sets = Map.of(
                "Gold", GOLD,
                "Reachable", AttributeCondition.of("customers.email_opt_in", Operator.IS_TRUE),
                "Women", AttributeCondition.of("customers.gender", Operator.EQ, "F"));
        List<String> order = List.of("Gold", "Reachable", "Women");
        context.requireSession().read(ws -> {
            GroupStore store = new GroupStore(ws);
            for (String name : order) {
                store.createStatic(List.of(name), null);
                store.add(name, members(sets.get(name)));
            }
            return new ClusterStore(store).save(new ClusterFiles.Cluster("Spring send", order, Map.of()));
        });
        robot.interact(() -> {
            page.refresh();
            page.showClusters(true);
        });
        UiWorkspace.waitUntil(() -> page.clusters().clusterNames().contains("Spring send"));
        robot.clickOn(robot.lookup("#cluster-names").lookup(".list-cell").nth(0).queryAs(Node.class));
        UiWorkspace.waitUntil(() -> page.clusters().rows().size() == 3);
        assertEquals(expected(sets, order), assigned());

        ListView<?> list = robot.lookup("#cluster-list").queryListView();
        robot.drag(robot.from(list).lookup(".list-cell").nth(2).queryAs(Node.class))
                .dropTo(robot.from(list).lookup(".list-cell").nth(0).queryAs(Node.class));
        UiWorkspace.waitUntil(() -> page.clusters().rows().get(0).name().equals("Women"));
        List<String> moved = page.clusters().rows().stream().map(ClusterRow::name).toList();
        assertEquals(List.of("Women", "Gold", "Reachable"), moved);
        assertEquals(expected(sets, moved), assigned());
        assertFalse(expected(sets, order).equals(expected(sets, moved)));

        // and back without the mouse: the moved group is selected; Alt+Down twice takes it to the end again
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        UiWorkspace.waitUntil(() -> page.clusters().rows().get(2).name().equals("Women"));
        assertEquals(order, page.clusters().rows().stream().map(ClusterRow::name).toList());
        assertEquals(expected(sets, order), assigned());
    }

    private List<Long> assigned() {
        return page.clusters().rows().stream().map(ClusterRow::assigned).toList();
    }

    private List<Long> expected(Map<String, Condition> sets, List<String> order) {
        RoaringBitmap taken = new RoaringBitmap();
        List<Long> out = new ArrayList<>();
        for (String name : order) {
            RoaringBitmap m = members(sets.get(name));
            out.add(RoaringBitmap.andNot(m, taken).getLongCardinality());
            taken.or(m);
        }
        return out;
    }
}
