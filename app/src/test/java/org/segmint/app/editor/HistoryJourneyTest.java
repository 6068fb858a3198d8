package org.segmint.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.history.HistoryView;
import org.segmint.app.history.LineDiff;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.ScriptedDialogs;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SegmentStatus;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.store.SegmentHistory;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.store.SegmentVersion;
import org.segmint.persistence.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A wrong save undone after the fact: an earlier version restored from the History window of the editor. */
@ExtendWith(ApplicationExtension.class)
class HistoryJourneyTest {
    @TempDir
    static Path dir;

    private static final Condition FIRST = GroupCondition.all(List.of(
            AttributeCondition.of("customers.email", Operator.IS_NOT_EMPTY)));
    private static final Condition SECOND = GroupCondition.all(List.of(
            AttributeCondition.of("customers.email", Operator.IS_NOT_EMPTY),
            AttributeCondition.of("metrics.orders", Operator.GTE, new java.math.BigDecimal("3"))));

    private AppContext context;
    private EditorPage page;

    @Start
    void start(Stage stage) {
        context = UiWorkspace.open(dir, 600, new ScriptedDialogs());
        context.requireSession().read(ws -> {
            SegmentStore store = new SegmentStore(ws);
            store.save(new Segment("Reachable", "Everyone with an email", "Channels", SegmentStatus.ACTIVE, FIRST,
                    null));
            store.recordCount("Reachable", 500, Instant.now());
            store.save(new Segment("Reachable", "Regulars with an email", "Channels", SegmentStatus.ACTIVE, SECOND,
                    null));
            return null;
        });
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

    private long engineCount(Condition definition) {
        return context.requireSession().engine().members(definition,
                context.requireSession().read(Workspace::asOf), Cancellation.none()).getLongCardinality();
    }

    @Test
    void anEarlierVersionIsComparedAndRestoredFromHistory(FxRobot robot) {
        robot.interact(() -> page.openSegment("Reachable"));
        assertEquals(SECOND, page.viewModel().definitionProperty().get());
        robot.clickOn(robot.from(page.node()).lookup("#history-button").queryAs(javafx.scene.Node.class));
        UiWorkspace.waitUntil(() -> page.historyView() != null
                && page.historyView().viewModel().versions().size() == 2);
        HistoryView history = page.historyView();
        assertEquals(1, history.viewModel().leftProperty().get().version(), "the previous version on the left");
        assertTrue(history.viewModel().rightProperty().get().current(), "the current one on the right");
        assertTrue(history.viewModel().rows().stream().anyMatch(r -> r.kind() == LineDiff.Kind.ADDED
                && r.right().contains("Orders (lifetime) is at least 3")), history.viewModel().rows().toString());
        assertTrue(history.viewModel().changes().contains(
                "Description: “Everyone with an email” → “Regulars with an email”"));
        TableView<?> versions = robot.lookup("#history-versions").queryTableView();
        assertEquals(2, versions.getItems().size());

        robot.clickOn("#history-restore");
        UiWorkspace.waitUntil(() -> history.viewModel().versions().size() == 3);
        UiWorkspace.waitUntil(() -> FIRST.equals(page.viewModel().definitionProperty().get()));
        assertEquals("Everyone with an email", page.viewModel().description());
        List<SegmentVersion> stored = context.requireSession().read(ws -> new SegmentHistory(ws)
                .versions("Reachable"));
        assertEquals(3, stored.size());
        assertEquals("restored version 1", stored.get(0).note());
        assertEquals(FIRST, stored.get(0).segment().definition());
        UiWorkspace.waitUntil(() -> page.viewModel().liveCount().stateProperty().get() == CountState.DONE);
        assertEquals(engineCount(FIRST), page.viewModel().liveCount().countProperty().get());
        robot.interact(() -> history.stage().close());
    }
}
