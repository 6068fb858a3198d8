package org.segmint.app.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The installers' icon files in assets/icon are the rendered PNGs, packed: regenerated when the icon changes. */
class IconFilesTest {
    private static final Path ICONS = Path.of("..", "assets", "icon");

    @Test
    void committedIconFilesMatchTheRenderedPngs() throws Exception {
        String hint = "regenerate: java app/src/test/java/org/segmint/app/shell/IconFiles.java assets/icon";
        assertArrayEquals(IconFiles.ico(ICONS), Files.readAllBytes(ICONS.resolve("segmint.ico")), hint);
        assertArrayEquals(IconFiles.icns(ICONS), Files.readAllBytes(ICONS.resolve("segmint.icns")), hint);
    }
}
