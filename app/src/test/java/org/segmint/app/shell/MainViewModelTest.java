package org.segmint.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.task.SameThreadExecutor;
import org.segmint.persistence.workspace.Workspace;

class MainViewModelTest {
    @TempDir
    Path dir;
    private AppContext context;

    private MainViewModel model(DemoFactory demo) {
        context = new AppContext(new SameThreadExecutor(), new ScriptedDialogs(),
                new SettingsStore(dir.resolve("settings.json")));
        return new MainViewModel(context, demo);
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void creatingAWorkspaceOpensItRemembersItAndFillsTheStatusBar() {
        MainViewModel model = model((f, c) -> {
            throw new AssertionError("no demo expected");
        });
        model.createNew(dir.resolve("Shop"));
        Path file = dir.resolve("Shop.segmint");
        assertTrue(Files.isRegularFile(file));
        assertEquals(file, context.requireSession().file());
        assertEquals("Shop", model.workspaceNameProperty().get());
        assertTrue(model.dataSizeTextProperty().get().startsWith("0 customers · 0 orders"),
                model.dataSizeTextProperty().get());
        assertTrue(model.asOfTextProperty().get().endsWith("(latest date in the data)"));
        assertEquals(file.toAbsolutePath().toString(), context.settings().lastWorkspace());
        assertEquals(1, model.recentWorkspaces().size());
        assertFalse(model.busyProperty().get());
    }

    @Test
    void firstLaunchCreatesTheDemoInTheDataFolderWithProgressAndLaterReopensIt() {
        String before = System.getProperty("segmint.data.dir");
        System.setProperty("segmint.data.dir", dir.resolve("data").toString());
        try {
            java.util.List<Double> progress = new java.util.ArrayList<>();
            int[] generated = {0};
            MainViewModel model = model((file, ctx) -> {
                generated[0]++;
                ctx.progress().update(1, 2, "Generating customers");
                return AppContext.createFile(file);
            });
            model.busyProgressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
            model.start();
            Path demo = dir.resolve("data").resolve(MainViewModel.DEMO_FILE);
            assertEquals(demo, context.requireSession().file());
            assertEquals(java.util.List.of(0.5), progress);
            assertEquals(demo.toAbsolutePath().toString(), context.settings().lastWorkspace());

            context.close();
            new SettingsStore(dir.resolve("settings.json")).save(AppSettings.defaults());
            MainViewModel again = model((file, ctx) -> {
                generated[0]++;
                return AppContext.createFile(file);
            });
            again.start();
            assertEquals(demo, context.requireSession().file());
            assertEquals(1, generated[0], "an existing demo is opened, not generated again");
        } finally {
            if (before == null) {
                System.clearProperty("segmint.data.dir");
            } else {
                System.setProperty("segmint.data.dir", before);
            }
        }
    }

    @Test
    void startReopensTheLastWorkspace() {
        Path file = dir.resolve("Last.segmint");
        Workspace.create(file).close();
        new SettingsStore(dir.resolve("settings.json")).save(AppSettings.defaults().withOpened(file.toString()));
        MainViewModel model = model((f, c) -> {
            throw new AssertionError("no demo expected");
        });
        model.start();
        assertEquals(file, context.requireSession().file());
    }

    @Test
    void aFileThatIsNotAWorkspaceGivesOneClearErrorAndLeavesTheRecentList() throws Exception {
        Path bogus = dir.resolve("notes.segmint");
        Files.writeString(bogus, "hello, this is not a database");
        MainViewModel model = model((f, c) -> null);
        context.updateSettings(s -> s.withOpened(bogus.toAbsolutePath().toString()));
        model.open(bogus);
        ScriptedDialogs dialogs = (ScriptedDialogs) context.dialogs();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("not a Segmint workspace"), dialogs.errors.get(0));
        assertTrue(context.session().isEmpty());
        assertTrue(model.recentWorkspaces().isEmpty());
    }
}
