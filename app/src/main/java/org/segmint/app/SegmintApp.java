package org.segmint.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.segmint.app.dialogs.FxDialogService;
import org.segmint.app.launch.SingleInstance;
import org.segmint.app.data.DataPage;
import org.segmint.app.groups.DueGroups;
import org.segmint.app.segments.SegmentsPage;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.AppIcon;
import org.segmint.app.shell.AppSettings;
import org.segmint.app.shell.DemoFactory;
import org.segmint.app.shell.MainView;
import org.segmint.app.shell.MainViewModel;
import org.segmint.app.shell.PageId;
import org.segmint.app.shell.Pages;
import org.segmint.app.shell.SettingsStore;
import org.segmint.app.task.FxBackgroundExecutor;
import org.segmint.persistence.demo.DemoConfig;
import org.segmint.persistence.demo.DemoGenerator;
import org.segmint.persistence.demo.ExampleSegments;
import org.segmint.persistence.workspace.Workspace;

/**
 * The desktop application and its composition root (the one place that knows every page, so the pages and the
 * shell do not depend on each other): builds the {@link AppContext}, registers the pages, restores the window and
 * opens the last workspace (or the demo on first launch).
 */
public final class SegmintApp extends Application {
    // handed from Main to the instance JavaFX creates (Application.launch takes a class, not an object)
    private static Path requestedWorkspace;
    private static SingleInstance instance;

    private AppContext context;
    private FxBackgroundExecutor executor;

    /**
     * Opens the desktop app on {@code workspace} (null: the last one, or the demo). {@code singleInstance} (may be
     * null) receives what later starts of Segmint ask for.
     */
    public static void launchApp(Path workspace, SingleInstance singleInstance) {
        requestedWorkspace = workspace;
        instance = singleInstance;
        Application.launch(SegmintApp.class);
    }

    /**
     * The pages of the main window. Each feature registers its page here; a page without a factory
     * shows a short note instead.
     */
    public static Pages standardPages() {
        return new Pages()
                .register(PageId.SEGMENTS, (ctx, nav) -> new SegmentsPage(ctx, nav))
                .register(PageId.EDITOR, org.segmint.app.editor.EditorPage::new)
                .register(PageId.MODELS, org.segmint.app.models.ModelsPage::new)
                .register(PageId.GROUPS, org.segmint.app.groups.GroupsPage::new)
                .register(PageId.DATA, (ctx, nav) -> new DataPage(ctx));
    }

    /** How the demo workspace is made. */
    public static DemoFactory demoFactory() {
        return (file, ctx) -> {
            // the generator removes its file when cancelled or failed, so no half-made demo opens next time
            DemoConfig config = DemoConfig.of(DemoConfig.DEFAULT_CUSTOMERS, DemoConfig.DEFAULT_SEED);
            DemoGenerator.generate(file, config, ctx.progress(), ctx.cancellation());
            try (Workspace ws = Workspace.open(file)) {
                // a first look at a working product: example segments, three pinned, and a priority model
                ExampleSegments.addTo(ws);
            }
            return AppContext.openFile(file);
        };
    }

    @Override
    public void start(Stage stage) {
        executor = new FxBackgroundExecutor(3);
        FxDialogService dialogs = new FxDialogService(() -> stage, getHostServices());
        context = new AppContext(executor, dialogs, SettingsStore.forUser());
        MainViewModel model = new MainViewModel(context, demoFactory());
        MainView view = new MainView(context, model, standardPages());
        Scene scene = new Scene(view, 1280, 800);
        context.settings().themeValue().applyTo(scene);

        stage.setTitle("Segmint");
        stage.getIcons().setAll(AppIcon.all());
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        restoreBounds(stage, context.settings().window());
        context.sessionProperty().addListener((o, a, s) ->
                stage.setTitle(s == null ? "Segmint" : s.name() + " — Segmint"));
        stage.setOnCloseRequest(e -> {
            if (!view.canLeaveWorkspace()) {
                e.consume();
                return;
            }
            context.updateSettings(s -> s.withWindow(bounds(stage)));
        });
        DueGroups.onEveryOpen(context, model);
        stage.show();
        if (requestedWorkspace != null) {
            model.open(requestedWorkspace);
        } else {
            model.start();
        }
        if (instance != null) {
            instance.onRequest(request -> Platform.runLater(() -> {
                request.ifPresent(view::openRequested);
                bringForward(stage);
            }));
        }
    }

    /** Another start of Segmint asked for this window: show it on top (the desktop may only flash it). */
    private static void bringForward(Stage stage) {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
        if (executor != null) {
            executor.close();
        }
        if (instance != null) {
            instance.close();
        }
        Platform.exit();
    }

    private static AppSettings.WindowBounds bounds(Stage stage) {
        return new AppSettings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized());
    }

    /** Puts the window where it was, unless that place is no longer on any screen (a detached monitor). */
    private static void restoreBounds(Stage stage, AppSettings.WindowBounds b) {
        if (b == null || b.width() < 400 || b.height() < 300) {
            return;
        }
        boolean visible = !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), b.width(), b.height()))
                .isEmpty();
        if (visible) {
            stage.setX(b.x());
            stage.setY(b.y());
        }
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        stage.setMaximized(b.maximized());
    }
}
