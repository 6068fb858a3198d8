package org.segmint.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The segment editor driven like a user: drags from the palette, watches the count, undoes, sees problems. */
@ExtendWith(ApplicationExtension.class)
class SegmentEditorJourneyTest {
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

    private long shownCount() {
        return page.viewModel().liveCount().countProperty().get();
    }

    private void waitForCount() {
        UiWorkspace.waitUntil(() -> page.viewModel().liveCount().stateProperty().get() != CountState.COUNTING);
    }

    private long engineCount(Condition definition) {
        return context.requireSession().engine().members(definition,
                context.requireSession().read(Workspace::asOf), Cancellation.none()).getLongCardinality();
    }

    private Node rootGroup(FxRobot robot) {
        return robot.lookup("." + DefinitionView.GROUP).match(n -> n.getStyleClass().contains("sg-root-group"))
                .query();
    }

    private Node nestedGroup(FxRobot robot) {
        Set<Node> groups = robot.lookup("." + DefinitionView.GROUP).queryAll();
        return groups.stream().filter(n -> !n.getStyleClass().contains("sg-root-group")).findFirst().orElseThrow();
    }

    /** The "drop here" line of a group itself (its last child), not of a group nested in it. */
    private static Node ownHint(Node group) {
        List<Node> children = ((javafx.scene.layout.VBox) group).getChildren();
        return children.get(children.size() - 1);
    }

    @Test
    void buildASegmentByDraggingIntoNestedGroupsThenUndoRedoAndSeeAProblem(FxRobot robot) {
        waitForCount();
        long everyone = shownCount();
        assertTrue(everyone > 0);
        assertEquals(everyone, Long.parseLong(robot.lookup("#live-count").queryAs(Label.class).getText()
                .replace(",", "")));

        Button addGroup = robot.lookup((Node n) -> n instanceof Button b && b.getText().equals("+ Group"))
                .queryButton();
        robot.clickOn(addGroup);
        robot.drag("#palette-field-customers-email").dropTo(ownHint(nestedGroup(robot)));
        waitForCount();
        long withEmail = shownCount();
        GroupCondition root = (GroupCondition) page.viewModel().definitionProperty().get();
        GroupCondition nested = (GroupCondition) root.conditions().get(0);
        assertEquals("customers.email", ((AttributeCondition) nested.conditions().get(0)).field());
        assertEquals(engineCount(root), withEmail);
        assertNotEquals(everyone, withEmail, "customers without an email drop out");

        javafx.scene.control.TextField search = robot.lookup(".sg-palette-search").queryAs(
                javafx.scene.control.TextField.class);
        robot.clickOn(search);
        robot.interact(() -> search.setText("orders_12m"));
        robot.drag("#palette-field-metrics-orders_12m").dropTo(ownHint(rootGroup(robot)));
        waitForCount();
        root = (GroupCondition) page.viewModel().definitionProperty().get();
        assertEquals(2, root.conditions().size());
        assertEquals("metrics.orders_12m", ((AttributeCondition) root.conditions().get(1)).field());
        long buyers = shownCount();
        assertEquals(engineCount(root), buyers);
        assertTrue(buyers < withEmail, "recent buyers with an email are fewer");

        robot.interact(() -> search.setText("purchased"));
        robot.drag("#palette-condition-purchase").dropTo(ownHint(rootGroup(robot)));
        waitForCount();
        root = (GroupCondition) page.viewModel().definitionProperty().get();
        assertInstanceOf(PurchaseCondition.class, root.conditions().get(2));
        long purchasers = shownCount();
        assertEquals(engineCount(root), purchasers);
        robot.interact(() -> search.setText(""));
        UiWorkspace.screenshot(page.node(), "editor");

        robot.clickOn("#segment-name");
        robot.clickOn(rootGroup(robot));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitForCount();
        assertEquals(buyers, shownCount());
        assertEquals(2, ((GroupCondition) page.viewModel().definitionProperty().get()).conditions().size());
        robot.clickOn("#redo-button");
        waitForCount();
        assertEquals(purchasers, shownCount());

        Node firstCondition = robot.lookup("." + DefinitionView.CONDITION).nth(0).query();
        ComboBox<?> operator = (ComboBox<?>) firstCondition.lookup(".combo-box");
        robot.interact(() -> selectOperator(operator, Operator.EQ));
        waitForCount();
        assertEquals(CountState.INVALID, page.viewModel().liveCount().stateProperty().get());
        Node marked = robot.lookup("." + DefinitionView.INVALID).query();
        Label reason = (Label) marked.lookup(".sg-problem");
        assertTrue(reason.getText().contains("needs a value"), reason.getText());
        assertInstanceOf(AttributeCondition.class, page.viewModel().liveCount().problems().keySet().stream()
                .findFirst().map(p -> DefinitionTree.get(page.viewModel().definitionProperty().get(), p))
                .orElseThrow());
        assertEquals(List.of(0, 0), page.viewModel().liveCount().problems().keySet().iterator().next());
    }

    @SuppressWarnings("unchecked")
    private static void selectOperator(ComboBox<?> box, Operator op) {
        ((ComboBox<Operator>) box).setValue(op);
    }
}
