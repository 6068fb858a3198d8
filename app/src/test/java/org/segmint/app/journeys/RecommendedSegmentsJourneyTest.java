package org.segmint.app.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.segmint.app.SegmintApp;
import org.segmint.app.segments.SegmentRow;
import org.segmint.app.shell.AppContext;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SegmentIcon;
import org.segmint.persistence.store.SegmentStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A marketer pins a segment as recommended and gives it an icon, from the menu and by clicking the icon. */
@ExtendWith(ApplicationExtension.class)
class RecommendedSegmentsJourneyTest {
    @TempDir
    Path dir;
    private ShellFixture shell;

    @Start
    void start(Stage stage) {
        shell = new ShellFixture(stage, dir, SegmintApp.standardPages());
        AppContext.createFile(dir.resolve("shop.segmint")).close();
        var session = AppContext.openFile(dir.resolve("shop.segmint"));
        session.read(ws -> {
            SegmentStore store = new SegmentStore(ws);
            for (String city : List.of("Paris", "Lyon")) {
                store.save(Segment.of(city + " buyers", AttributeCondition.of("customers.city", Operator.EQ, city)));
            }
            return null;
        });
        shell.context.setSession(session);
    }

    @AfterEach
    void close() {
        shell.close();
    }

    @Test
    void pinASegmentAndChooseItsIcon(FxRobot robot) {
        ShellFixture.waitUntil("the segments are listed", () -> rows(robot).size() == 2);
        openContextMenu(robot, "Paris buyers");
        robot.clickOn("Pin as recommended");
        ShellFixture.waitUntil("pinned on top", () -> rows(robot).get(0).pinned());
        assertEquals("Paris buyers", rows(robot).get(0).name());
        assertEquals(Feather.STAR, shownIcon(robot));

        openContextMenu(robot, "Paris buyers");
        robot.clickOn("#segment-icon-menu");
        // into the submenu sideways first, as a person does, so the pointer never leaves it on the way
        robot.moveTo("#segment-icon-star");
        robot.clickOn("#segment-icon-gift");
        ShellFixture.waitUntil("the icon is stored", () -> stored() == SegmentIcon.GIFT);
        ShellFixture.waitUntil("the row shows it", () -> shownIcon(robot) == Feather.GIFT);

        robot.clickOn(".sg-pin");
        robot.clickOn("#segment-icon-heart");
        ShellFixture.waitUntil("the clicked icon is stored", () -> stored() == SegmentIcon.HEART);
        ShellFixture.waitUntil("the row shows it", () -> shownIcon(robot) == Feather.HEART);
    }

    /**
     * What a right click (or the menu key) makes the system send. Monocle's headless robot sends no context-menu
     * request for a right click, so the test sends the event itself, at the row, as the window system would.
     */
    @SuppressWarnings("unchecked")
    private static void openContextMenu(FxRobot robot, String name) {
        TableRow<SegmentRow> target = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() != null && ((SegmentRow) r.getItem()).name().equals(name)
                        && r.getScene() != null && r.isVisible())
                .findFirst().orElseThrow();
        Bounds b = target.localToScreen(target.getBoundsInLocal());
        robot.interact(() -> target.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10,
                b.getMinX() + 10, b.getMinY() + 10, false, null)));
        ShellFixture.waitUntil("the menu opens", () -> robot.lookup(".context-menu").tryQuery().isPresent());
    }

    @SuppressWarnings("unchecked")
    private static List<SegmentRow> rows(FxRobot robot) {
        return robot.lookup("#segments-table").queryAs(TableView.class).getItems();
    }

    private static Object shownIcon(FxRobot robot) {
        return robot.lookup(".sg-pin").tryQueryAs(FontIcon.class).map(FontIcon::getIconCode).orElse(null);
    }

    private SegmentIcon stored() {
        return shell.context.requireSession().read(ws -> new SegmentStore(ws).get("Paris buyers").icon());
    }
}
