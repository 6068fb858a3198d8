package org.segmint.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second start of Segmint hands its workspace to the running one instead of opening a second window. */
class SingleInstanceTest {
    @TempDir
    Path dir;

    @Test
    void aSecondStartHandsItsWorkspaceToTheFirst() {
        SingleInstance.Outcome first = SingleInstance.handOverOrClaim(dir, null, Duration.ofSeconds(2));
        assertFalse(first.handedOver());
        try (SingleInstance running = first.instance()) {
            List<Optional<Path>> received = new CopyOnWriteArrayList<>();
            // a request made before the window is ready waits for it
            assertTrue(SingleInstance.handOver(dir, Path.of("/data/early.segmint")));
            running.onRequest(received::add);

            SingleInstance.Outcome second = SingleInstance.handOverOrClaim(dir, Path.of("/data/Shop.segmint"),
                    Duration.ofSeconds(2));
            assertTrue(second.handedOver());
            SingleInstance.Outcome third = SingleInstance.handOverOrClaim(dir, null, Duration.ofSeconds(2));
            assertTrue(third.handedOver(), "no workspace: just bring the window forward");

            assertEquals(List.of(Optional.of(Path.of("/data/early.segmint")), Optional.of(Path.of("/data/Shop.segmint")),
                    Optional.empty()), received);
            assertTrue(SingleInstance.claim(dir).isEmpty(), "only one runs");
        }
        assertFalse(SingleInstance.handOver(dir, null), "it is gone");
        try (SingleInstance next = SingleInstance.claim(dir).orElseThrow()) {
            next.onRequest(received -> { });
            assertTrue(SingleInstance.handOver(dir, null), "the next start runs as the first");
        }
    }

    @Test
    void aSocketFileLeftByACrashDoesNotStopTheNextStart() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(SingleInstance.SOCKET_FILE), "left over");
        assertFalse(SingleInstance.handOver(dir, null), "no one answers");
        SingleInstance.Outcome outcome = SingleInstance.handOverOrClaim(dir, null, Duration.ofSeconds(2));
        assertFalse(outcome.handedOver());
        try (SingleInstance running = outcome.instance()) {
            List<Optional<Path>> received = new CopyOnWriteArrayList<>();
            running.onRequest(received::add);
            assertTrue(SingleInstance.handOver(dir, null));
            assertEquals(List.of(Optional.empty()), received);
        }
    }

    @Test
    void whereNoSocketCanBeMadeTheFirstStartStillRunsAndLaterOnesRunAlone() {
        // longer than a Unix-domain socket name may be (about 100 bytes)
        Path deep = dir.resolve("a-data-folder-whose-path-is-far-too-long-for-a-unix-domain-socket-name-"
                + "on-any-system-that-segmint-runs-on");
        try (SingleInstance first = SingleInstance.claim(deep).orElseThrow()) {
            first.onRequest(request -> { });
            assertFalse(SingleInstance.handOver(deep, null));
            SingleInstance.Outcome later = SingleInstance.handOverOrClaim(deep, null, Duration.ofMillis(300));
            assertFalse(later.handedOver());
            assertEquals(null, later.instance(), "runs on its own");
        }
        assertTrue(SingleInstance.claim(deep).isPresent(), "the lock went with the first");
    }
}
