package org.segmint.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.Scene;
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
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Models page driven like a user: pick a model, drag an entry to the top, watch assigned counts move. */
@ExtendWith(ApplicationExtension.class)
class ModelsJourneyTest {
    @TempDir
    static Path dir;

    private static final Map<String, Condition> SEGMENTS = Map.of(
            "Has email", AttributeCondition.of("customers.email", Operator.IS_NOT_EMPTY),
            "Recent buyers", AttributeCondition.of("metrics.orders_12m", Operator.GT, BigDecimal.ZERO),
            "Big spenders", AttributeCondition.of("metrics.revenue", Operator.GT, BigDecimal.valueOf(1000)));

    private AppContext context;
    private ModelsPage page;

    @Start
    void start(Stage stage) {
        context = UiWorkspace.open(dir, 600, new ScriptedDialogs());
        context.requireSession().read(ws -> {
            SegmentStore segments = new SegmentStore(ws);
            SEGMENTS.forEach((name, definition) -> segments.save(Segment.of(name, definition)));
            return new ModelStore(ws).save(new PriorityModel("Holiday mailing", List.of(
                    ModelEntry.saved("Has email"), ModelEntry.saved("Recent buyers"), ModelEntry.saved("Big spenders")),
                    "Everyone else", Map.of()));
        });
        page = new ModelsPage(context, null);
        Scene scene = new Scene((Parent) page.node(), 1280, 800);
        scene.getStylesheets().add(getClass().getResource("/org/segmint/assets/segmint.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        context.close();
    }

    /** Assigned counts of first-match-wins over the engine's own members, in the given order. */
    private List<Long> expectedAssigned(List<String> order) {
        WorkspaceSession session = context.requireSession();
        RoaringBitmap taken = new RoaringBitmap();
        List<Long> result = new java.util.ArrayList<>();
        for (String name : order) {
            RoaringBitmap members = session.engine().members(SEGMENTS.get(name), session.read(Workspace::asOf),
                    Cancellation.none());
            result.add(RoaringBitmap.andNot(members, taken).getLongCardinality());
            taken.or(members);
        }
        return result;
    }

    private List<Long> shownAssigned() {
        return page.viewModel().rows().stream().map(PriorityRow::assigned).toList();
    }

    @Test
    void draggingAnEntryToTheTopReassignsCustomers(FxRobot robot) {
        assertEquals("No model chosen", robot.lookup(".sg-page-title").queryAs(javafx.scene.control.Label.class)
                .getText());
        assertTrue(robot.lookup("#priority-placeholder").queryAs(javafx.scene.control.Label.class).getText()
                .startsWith("Choose a model on the left"));
        robot.clickOn("Holiday mailing");
        UiWorkspace.waitUntil(() -> page.viewModel().rows().size() == 3);
        List<Long> before = shownAssigned();
        assertEquals(expectedAssigned(List.of("Has email", "Recent buyers", "Big spenders")), before);

        ListView<?> list = robot.lookup("#priority-list").queryListView();
        robot.drag(robot.from(list).lookup(".list-cell").nth(2).queryAs(javafx.scene.Node.class))
                .dropTo(robot.from(list).lookup(".list-cell").nth(0).queryAs(javafx.scene.Node.class));
        UiWorkspace.waitUntil(() -> page.viewModel().rows().get(0).name().equals("Big spenders"));

        List<String> order = page.viewModel().rows().stream().map(PriorityRow::name).toList();
        assertEquals(List.of("Big spenders", "Has email", "Recent buyers"), order);
        List<Long> after = shownAssigned();
        assertEquals(expectedAssigned(order), after);
        assertNotEquals(before.get(2), after.get(0), "big spenders keep everyone once they come first");
        assertEquals(after.get(0), page.viewModel().rows().get(0).qualifying());

        // the same without the mouse: Alt+Down twice takes the first entry back to the end
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        UiWorkspace.waitUntil(() -> page.viewModel().rows().get(2).name().equals("Big spenders"));
        assertEquals(before, shownAssigned());
        assertEquals(2, list.getSelectionModel().getSelectedIndex(), "the moved entry stays chosen");
        robot.clickOn("#leftovers-name");
        UiWorkspace.waitUntil(() -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        UiWorkspace.typeKeys(robot, "Newsletter only");
        robot.type(KeyCode.ENTER);
        UiWorkspace.waitUntil(() -> "Newsletter only".equals(page.viewModel().modelProperty().get().leftovers()));
        assertTrue(robot.lookup("#leftovers-row").queryAs(javafx.scene.control.Label.class).getText()
                .startsWith("Leftovers — Newsletter only:"));

        // an inline segment: defined in the model only; with no conditions it takes everyone left over
        robot.clickOn("#add-inline");
        UiWorkspace.waitUntil(() -> robot.lookup("#inline-name").tryQuery().isPresent());
        robot.clickOn("#inline-name");
        UiWorkspace.typeKeys(robot, "Others");
        robot.clickOn("#inline-ok");
        UiWorkspace.waitUntil(() -> page.viewModel().rows().size() == 4 && !page.viewModel().computingProperty()
                .get());
        assertEquals("Others", page.viewModel().rows().get(3).name());
        assertTrue(page.viewModel().entry(3).isInline());
        assertEquals(0, page.viewModel().leftoversProperty().get());
        assertTrue(robot.lookup("#leftovers-row").queryAs(javafx.scene.control.Label.class).getText()
                .startsWith("Leftovers — Newsletter only: 0 customers"));
        robot.interact(() -> list.getSelectionModel().select(3));
        UiWorkspace.screenshot(page.node(), "models");
    }
}
