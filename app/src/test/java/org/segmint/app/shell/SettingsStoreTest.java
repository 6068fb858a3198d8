package org.segmint.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void settingsSurviveARoundTripAndLeaveNoTemporaryFile() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("config/settings.json"));
        AppSettings s = AppSettings.defaults().withWindow(new AppSettings.WindowBounds(10, 20, 1300, 850, false))
                .withTheme(Theme.DARK).withOpened("/a.segmint").withOpened("/b.segmint");
        store.save(s);
        assertEquals(s, store.load());
        try (var files = Files.list(dir.resolve("config"))) {
            assertEquals(List.of("settings.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void anUnreadableFileMeansDefaults() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ not json");
        assertEquals(AppSettings.defaults(), new SettingsStore(file).load());
    }

    @Test
    void recentListPutsTheLatestFirstWithoutDuplicatesAndKeepsEight() {
        AppSettings s = AppSettings.defaults();
        for (int i = 0; i < 10; i++) {
            s = s.withOpened("/w" + i + ".segmint");
        }
        s = s.withOpened("/w5.segmint");
        assertEquals("/w5.segmint", s.recentWorkspaces().get(0));
        assertEquals(AppSettings.MAX_RECENT, s.recentWorkspaces().size());
        assertEquals(1, s.recentWorkspaces().stream().filter("/w5.segmint"::equals).count());
        AppSettings without = s.withoutWorkspace("/w5.segmint");
        assertNull(without.lastWorkspace());
        assertFalse(without.recentWorkspaces().contains("/w5.segmint"));
    }
}
