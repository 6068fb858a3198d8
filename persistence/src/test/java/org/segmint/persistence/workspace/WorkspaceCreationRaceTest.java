package org.segmint.persistence.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating a workspace is atomic: racing creators never destroy each other's file. */
class WorkspaceCreationRaceTest {
    @TempDir
    Path dir;

    @Test
    void racingOpenOrCreateAllOpenTheOneWorkspace() throws Exception {
        for (int round = 0; round < 10; round++) {
            Path file = dir.resolve("race" + round + ".segmint");
            int n = 4;
            CyclicBarrier start = new CyclicBarrier(n);
            ExecutorService pool = Executors.newFixedThreadPool(n);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int id = i;
                results.add(pool.submit(() -> {
                    start.await();
                    try (Workspace ws = Workspace.openOrCreate(file)) {
                        ws.setSetting("writer" + id, "yes");
                        return ws.dataVersion();
                    }
                }));
            }
            for (Future<Long> f : results) {
                assertEquals(0L, f.get());
            }
            pool.shutdown();
            try (Workspace ws = Workspace.open(file)) {
                for (int i = 0; i < n; i++) {
                    assertEquals("yes", ws.setting("writer" + i).orElse(null), "every writer's change is kept");
                }
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".creating")), "no leftovers");
        }
    }

    @Test
    void createRefusesAnExistingFileAndLeavesItAlone() throws Exception {
        Path file = dir.resolve("taken.segmint");
        Files.writeString(file, "mine");
        assertThrows(Workspace.AlreadyExistsException.class, () -> Workspace.create(file));
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aFailedBuildLeavesNoFileUnderTheName() throws Exception {
        Path file = dir.resolve("failed.segmint");
        assertThrows(IllegalStateException.class, () -> Workspace.build(file, ws -> {
            throw new IllegalStateException("boom");
        }));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
