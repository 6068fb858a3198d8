package org.segmint.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.ScriptedDialogs;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.store.ListStore;
import org.segmint.persistence.store.ValueLists;
import org.segmint.persistence.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A CSV of customer ids uploaded as a list from the editor's "In uploaded list" condition, and counted. */
@ExtendWith(ApplicationExtension.class)
class ListUploadJourneyTest {
    @TempDir
    static Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private AppContext context;
    private EditorPage page;

    @Start
    void start(Stage stage) {
        context = UiWorkspace.open(dir, 600, dialogs);
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

    private GroupCondition root() {
        return (GroupCondition) page.viewModel().definitionProperty().get();
    }

    @Test
    void aListUploadedFromTheConditionIsUsedAndCounted(FxRobot robot) throws Exception {
        List<String> ids = context.requireSession().read(ws -> new ValueLists(ws)
                .distinctValues("customers.customer_id", "", 3));
        Path csv = dir.resolve("vip-customers.csv");
        Files.writeString(csv, "Name;Customer ID\nAnn;" + ids.get(0) + "\nBob; " + ids.get(1) + " \nCid;"
                + ids.get(2) + "\nDee;NOPE-1\nEve;NOPE-2\nAnn again;" + ids.get(0) + "\n");
        dialogs.fileAnswers.add(csv);

        // looked up in this test's page: an earlier test's window may still hold an editor of its own
        robot.doubleClickOn(robot.from(page.node()).lookup("#palette-condition-list").queryAs(javafx.scene.Node.class));
        UiWorkspace.waitUntil(() -> root().conditions().size() == 1);
        // a list without a name is marked when its count ends, which draws the definition again: click after that
        UiWorkspace.waitUntil(() -> page.viewModel().liveCount().stateProperty().get() == CountState.INVALID);
        robot.clickOn(robot.from(page.node()).lookup(".sg-upload-list").queryAs(javafx.scene.Node.class));
        UiWorkspace.waitUntil(() -> robot.lookup("#list-check").tryQuery().isPresent()
                && !robot.lookup("#list-check").queryAs(Label.class).getText().isEmpty());
        assertEquals("Customer ID", robot.lookup("#list-column").queryAs(ComboBox.class).getValue());
        assertEquals(ListStore.MatchOn.CUSTOMER_ID, robot.lookup("#list-match").queryAs(ComboBox.class).getValue());
        String check = robot.lookup("#list-check").queryAs(Label.class).getText();
        assertEquals("6 rows, 5 different customer ids; 3 customers match. 2 rows match no customer (for example"
                + " NOPE-1, NOPE-2).", check);
        TextField name = robot.lookup("#list-name").queryAs(TextField.class);
        assertEquals("vip-customers", name.getText(), "named after the file");
        robot.interact(() -> name.setText("Journey VIP"));
        robot.clickOn("#list-upload");
        UiWorkspace.waitUntil(() -> robot.lookup("#list-result").queryAs(Label.class).getText().startsWith("Uploaded"));
        robot.clickOn("#list-close");
        UiWorkspace.waitUntil(() -> ((MembershipCondition) root().conditions().get(0)).name().equals("Journey VIP"));
        UiWorkspace.waitUntil(() -> page.viewModel().liveCount().stateProperty().get() == CountState.DONE);
        assertEquals(3, page.viewModel().liveCount().countProperty().get());
        Condition definition = root();
        assertEquals(3, context.requireSession().engine().members(definition,
                context.requireSession().read(Workspace::asOf), Cancellation.none()).getLongCardinality());
        ListStore.ListInfo info = context.requireSession().read(ws -> new ListStore(ws).info("Journey VIP"));
        assertEquals(5, info.values());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
