package org.segmint.app.journeys;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.segmint.app.dialogs.FxDialogService;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.MainView;
import org.segmint.app.shell.MainViewModel;
import org.segmint.app.shell.Pages;
import org.segmint.app.shell.SettingsStore;
import org.segmint.app.shell.Theme;
import org.segmint.app.task.FxBackgroundExecutor;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window over a workspace in a temporary folder, for journeys driven by the TestFX robot. */
final class ShellFixture {
    final AppContext context;
    final MainView view;
    final ChosenFilesDialogs dialogs;
    final FxBackgroundExecutor executor = new FxBackgroundExecutor(2);

    ShellFixture(Stage stage, Path dir, Pages pages) {
        dialogs = new ChosenFilesDialogs(new FxDialogService(() -> stage, null));
        context = new AppContext(executor, dialogs, new SettingsStore(dir.resolve("settings.json")));
        MainViewModel model = new MainViewModel(context, (file, ctx) -> {
            throw new AssertionError("no demo in journeys");
        });
        view = new MainView(context, model, pages);
        Scene scene = new Scene(view, 1200, 760);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** Closes the workspace on the FX thread (listeners update nodes), then stops the workers. */
    void close() {
        try {
            WaitForAsyncUtils.asyncFx(context::close).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot close the workspace", e);
        }
        executor.close();
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
