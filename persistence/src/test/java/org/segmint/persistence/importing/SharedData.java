package org.segmint.persistence.importing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared real data sets: system property {@code segmint.shared.dir} (default {@code ../shared}
 * next to the repository); when that folder does not exist, the nearest {@code shared} folder with
 * a {@code data} folder above the working directory, so that checkouts in nested folders find it too.
 */
final class SharedData {
    private SharedData() {
    }

    static Path dir() {
        String configured = System.getProperty("segmint.shared.dir");
        Path preferred = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("..", "..", "shared");
        if (Files.isDirectory(preferred.resolve("data"))) {
            return preferred.toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared").resolve("data"))) {
                return p.resolve("shared");
            }
        }
        return preferred.toAbsolutePath().normalize();
    }
}
