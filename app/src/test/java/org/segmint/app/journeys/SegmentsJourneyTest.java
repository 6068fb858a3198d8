package org.segmint.app.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.segments.SegmentRow;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.PageId;
import org.segmint.app.shell.SegmentEditorPage;
import org.segmint.app.SegmintApp;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.persistence.store.SegmentStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A marketer starts a new segment, renames one and deletes one from the Segments page. */
@ExtendWith(ApplicationExtension.class)
class SegmentsJourneyTest {
    @TempDir
    static Path dir;
    private ShellFixture shell;
    private final List<String> editorCalls = new ArrayList<>();

    @Start
    void start(Stage stage) {
        // the editor page records what the Segments page hands over to it
        SegmentEditorPage editor = new SegmentEditorPage() {
            private final Node node = new Label("editor");

            @Override
            public Node node() {
                return node;
            }

            @Override
            public void openSegment(String name) {
                editorCalls.add("open " + name);
            }

            @Override
            public void newSegment() {
                editorCalls.add("new");
            }
        };
        shell = new ShellFixture(stage, dir, SegmintApp.standardPages().register(PageId.EDITOR, (c, n) -> editor));
        AppContext.createFile(dir.resolve("shop.segmint")).close();
        var session = AppContext.openFile(dir.resolve("shop.segmint"));
        session.read(ws -> {
            SegmentStore store = new SegmentStore(ws);
            for (String city : List.of("Paris", "Lyon", "Nice")) {
                store.save(Segment.of(city + " buyers", GroupCondition.all(List.of(
                        AttributeCondition.of("customers.city", Operator.EQ, city)))));
            }
            return null;
        });
        shell.context.setSession(session);
    }

    @AfterEach
    void close() {
        shell.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<SegmentRow> table(FxRobot robot) {
        return robot.lookup("#segments-table").queryAs(TableView.class);
    }

    private List<String> names(FxRobot robot) {
        return table(robot).getItems().stream().map(SegmentRow::name).toList();
    }

    @Test
    void newRenameAndDeleteFromTheSegmentsPage(FxRobot robot) {
        ShellFixture.waitUntil("the segments are listed", () -> table(robot).getItems().size() == 3);
        assertEquals(List.of("Lyon buyers", "Nice buyers", "Paris buyers"), names(robot));

        robot.clickOn("#new-segment");
        assertEquals(List.of("new"), editorCalls);
        robot.clickOn("#nav-segments");
        ShellFixture.waitUntil("back on the list", () -> robot.lookup("#segments-table").tryQuery().isPresent());

        robot.clickOn("Nice buyers");
        robot.clickOn("#segment-rename");
        ShellFixture.waitUntil("the name prompt opens", () -> robot.lookup(".dialog-pane .text-field").tryQuery()
                .isPresent());
        TextField name = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        robot.clickOn(name);
        robot.interact(name::selectAll);
        robot.write("Riviera buyers");
        robot.clickOn("OK");
        ShellFixture.waitUntil("the rename shows", () -> names(robot).contains("Riviera buyers"));
        assertEquals(List.of("Lyon buyers", "Paris buyers", "Riviera buyers"), names(robot));

        robot.clickOn("Lyon buyers");
        robot.clickOn("#segment-delete");
        robot.clickOn("Delete");
        ShellFixture.waitUntil("the segment is gone", () -> names(robot).size() == 2);
        assertEquals(List.of("Paris buyers", "Riviera buyers"), names(robot));

        robot.doubleClickOn("Paris buyers");
        assertEquals(List.of("new", "open Paris buyers"), editorCalls);
        assertTrue(shell.context.requireSession().read(ws -> new SegmentStore(ws).find("Lyon buyers")).isEmpty());
    }
}
