package org.segmint.app.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.SegmintApp;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.Page;
import org.segmint.app.shell.PageId;
import org.segmint.app.shell.WorkspaceSession;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Another start of Segmint asks the running window to open a workspace (a double-click while Segmint runs): it
 * opens there, unless it already is open or the user keeps unsaved edits.
 */
@ExtendWith(ApplicationExtension.class)
class OpenRequestedJourneyTest {
    @TempDir
    Path dir;
    private ShellFixture shell;
    private final AtomicBoolean unsavedEdits = new AtomicBoolean();

    @Start
    void start(Stage stage) {
        // a Data page that has unsaved edits when the test says so, and keeps them (as the editor does on Cancel)
        Page data = new Page() {
            private final Label node = new Label("data");

            @Override
            public javafx.scene.Node node() {
                return node;
            }

            @Override
            public boolean canLeave() {
                return !unsavedEdits.get();
            }
        };
        shell = new ShellFixture(stage, dir, SegmintApp.standardPages().register(PageId.DATA, (c, n) -> data));
        AppContext.createFile(dir.resolve("Shop.segmint")).close();
        AppContext.createFile(dir.resolve("Other.segmint")).close();
        shell.context.setSession(AppContext.openFile(dir.resolve("Shop.segmint")));
    }

    @AfterEach
    void close() {
        shell.close();
    }

    @Test
    void aRequestedWorkspaceOpensInTheRunningWindowUnlessEditsAreKept(FxRobot robot) {
        robot.interact(() -> shell.view.show(PageId.DATA));
        WorkspaceSession shop = shell.context.requireSession();
        robot.interact(() -> shell.view.openRequested(dir.resolve("Shop.segmint")));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(shop, shell.context.requireSession(), "already open: nothing happens");

        unsavedEdits.set(true);
        robot.interact(() -> shell.view.openRequested(dir.resolve("Other.segmint")));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(shop, shell.context.requireSession(), "the user keeps the unsaved edits");

        unsavedEdits.set(false);
        robot.interact(() -> shell.view.openRequested(dir.resolve("Other.segmint")));
        ShellFixture.waitUntil("the other workspace opens", () -> shell.context.session()
                .map(s -> s.file().getFileName().toString()).orElse("").equals("Other.segmint"));
        assertEquals("Other", shell.context.requireSession().name());
    }
}
