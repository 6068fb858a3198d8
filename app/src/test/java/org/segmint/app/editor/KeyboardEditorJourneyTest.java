package org.segmint.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.ScriptedDialogs;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A segment built with the keyboard only: no click, no drag. */
@ExtendWith(ApplicationExtension.class)
class KeyboardEditorJourneyTest {
    @TempDir
    static Path dir;

    private AppContext context;
    private EditorPage page;

    @Start
    void start(Stage stage) {
        context = UiWorkspace.open(dir, 600, new ScriptedDialogs());
        page = new EditorPage(context, null);
        Scene scene = new Scene((javafx.scene.Parent) page.node(), 1280, 800);
        scene.getStylesheets().add(getClass().getResource("/org/segmint/assets/segmint.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        context.close();
    }

    private SegmentEditorViewModel vm() {
        return page.viewModel();
    }

    private GroupCondition root() {
        return (GroupCondition) vm().definitionProperty().get();
    }

    private void waitForCount() {
        UiWorkspace.waitUntil(() -> vm().liveCount().stateProperty().get() != CountState.COUNTING);
    }

    private static void shortcut(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        robot.release(keys);
    }

    private Node focusedHandle(FxRobot robot) {
        return robot.from(page.node()).lookup("." + DefinitionView.HANDLE).match(n -> n.getScene() != null
                && n.getScene().getFocusOwner() == n).query();
    }

    private long engineCount(Condition definition) {
        return context.requireSession().engine().members(definition,
                context.requireSession().read(Workspace::asOf), Cancellation.none()).getLongCardinality();
    }

    @Test
    void aSegmentBuiltWithTheKeyboardOnly(FxRobot robot) {
        waitForCount();
        Node emailItem = robot.from(page.node()).lookup("#palette-field-customers-email").query();
        assertEquals("Add Email (text)", emailItem.getAccessibleText());
        Button addToTop = robot.from(page.node()).lookup(".sg-add-condition").queryButton();
        assertEquals("Add a condition to the top group", addToTop.getAccessibleText());

        shortcut(robot, KeyCode.CONTROL, KeyCode.F);
        UiWorkspace.typeKeys(robot, "email");
        robot.type(KeyCode.ENTER);
        UiWorkspace.waitUntil(() -> root().conditions().size() == 1);
        assertEquals("customers.email", ((AttributeCondition) root().conditions().get(0)).field());

        shortcut(robot, KeyCode.CONTROL, KeyCode.G);
        UiWorkspace.waitUntil(() -> root().conditions().size() == 2);
        assertEquals(List.of(1), vm().selectionProperty().get(), "the new group is selected");
        assertTrue(focusedHandle(robot).getAccessibleText().startsWith("Group 2"), "and focused");
        robot.type(KeyCode.DELETE);
        UiWorkspace.waitUntil(() -> root().conditions().size() == 1);
        assertEquals(List.of(), vm().selectionProperty().get(), "the top group is selected after the delete");

        shortcut(robot, KeyCode.CONTROL, KeyCode.G);
        UiWorkspace.waitUntil(() -> root().conditions().size() == 2);
        shortcut(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A);
        UiWorkspace.waitUntil(() -> robot.lookup("#condition-picker-search").tryQuery().isPresent());
        UiWorkspace.typeKeys(robot, "lifecycle");
        assertEquals("lifecycle", robot.lookup("#condition-picker-search").queryAs(
                javafx.scene.control.TextField.class).getText());
        robot.type(KeyCode.ENTER);
        UiWorkspace.waitUntil(() -> ((GroupCondition) root().conditions().get(1)).conditions().size() == 1);
        assertEquals("metrics.lifecycle", ((AttributeCondition) DefinitionTree.get(root(), List.of(1, 0))).field());
        assertEquals(List.of(1, 0), vm().selectionProperty().get());
        assertEquals("Condition 2.1: Lifecycle status", focusedHandle(robot).getAccessibleText());

        shortcut(robot, KeyCode.ALT, KeyCode.UP);
        UiWorkspace.waitUntil(() -> root().conditions().size() == 3);
        assertInstanceOf(AttributeCondition.class, root().conditions().get(1), "out of the group, before it");
        assertEquals(List.of(1), vm().selectionProperty().get());

        shortcut(robot, KeyCode.ALT, KeyCode.RIGHT);
        UiWorkspace.waitUntil(() -> root().conditions().size() == 2);
        assertInstanceOf(AttributeCondition.class, DefinitionTree.get(root(), List.of(1, 0)), "into the group below");

        shortcut(robot, KeyCode.ALT, KeyCode.LEFT);
        UiWorkspace.waitUntil(() -> root().conditions().size() == 3);
        assertInstanceOf(AttributeCondition.class, root().conditions().get(2), "out of the group, after it");

        shortcut(robot, KeyCode.ALT, KeyCode.UP);
        UiWorkspace.waitUntil(() -> root().conditions().get(1) instanceof AttributeCondition);
        shortcut(robot, KeyCode.ALT, KeyCode.DOWN);
        UiWorkspace.waitUntil(() -> root().conditions().get(2) instanceof AttributeCondition);
        assertEquals(List.of(2), vm().selectionProperty().get());
        assertEquals("Condition 3: Lifecycle status", focusedHandle(robot).getAccessibleText(),
                "focus follows the moved condition");

        robot.type(KeyCode.F2);
        UiWorkspace.typeKeys(robot, "Keyboard built");
        shortcut(robot, KeyCode.CONTROL, KeyCode.S);
        UiWorkspace.waitUntil(() -> "Keyboard built".equals(vm().savedNameProperty().get()));
        waitForCount();
        Condition saved = context.requireSession().read(ws -> new SegmentStore(ws).get("Keyboard built"))
                .segment().definition();
        assertEquals(root(), saved);
        assertEquals(3, ((GroupCondition) saved).conditions().size());
        assertEquals(engineCount(saved), vm().liveCount().countProperty().get());
    }
}
