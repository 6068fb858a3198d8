package org.segmint.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.demo.DemoConfig;
import org.segmint.persistence.demo.DemoGenerator;

/**
 * Every command that writes a file refuses to write over the workspace (or its companions) and over the input it
 * reads, writes through links and directly to devices, and leaves no temporary file behind when it fails.
 */
class HostileOutputsTest {
    @TempDir
    Path dir;
    Path ws;
    byte[] before;

    static final String WOMEN = """
            {"format": "segmint/segment@1", "name": "Women", "definition": {"type": "all", "conditions": [
              {"type": "attribute", "field": "customers.gender", "op": "eq", "value": "F"}]}}
            """;

    @BeforeEach
    void demo() throws Exception {
        ws = dir.resolve("demo.segmint");
        DemoGenerator.generate(ws, DemoConfig.of(200, 5), Progress.NONE, Cancellation.none());
        Path seg = dir.resolve("women.segment.json");
        Files.writeString(seg, WOMEN);
        assertEquals(0, CliRun.of("segment", ws.toString(), "save", seg.toString()).code());
        before = Files.readAllBytes(ws);
    }

    private void assertRefused(CliRun run, String expected) throws Exception {
        assertEquals(2, run.code(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertArrayEquals(before, Files.readAllBytes(ws), "the workspace is unchanged");
        assertEquals(0, CliRun.of("count", ws.toString(), "--segment", "Women").code(), "and still works");
        before = Files.readAllBytes(ws); // the count recorded itself
        try (Stream<Path> files = Files.list(dir)) {
            List<String> leftovers = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".part") || n.endsWith(".tmp") || n.endsWith(".creating")).toList();
            assertEquals(List.of(), leftovers);
        }
    }

    @Test
    void membersNeverWritesOverTheWorkspaceOrItsCompanions() throws Exception {
        for (String target : List.of(ws.toString(), ws + "-wal", ws + "-shm", dir.resolve("x/../demo.segmint").toString())) {
            assertRefused(CliRun.of("members", ws.toString(), "--segment", "Women", "--out", target),
                    "it is the workspace");
        }
    }

    @Test
    void aLinkToTheWorkspaceIsSeenThrough() throws Exception {
        Path link = dir.resolve("members.csv");
        Files.createSymbolicLink(link, ws);
        assertRefused(CliRun.of("members", ws.toString(), "--segment", "Women", "--out", link.toString()),
                "it is the workspace");
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void segmentExportNeverWritesOverTheWorkspace() throws Exception {
        assertRefused(CliRun.of("segment", ws.toString(), "export", "Women", "--out", ws.toString()),
                "it is the workspace");
    }

    @Test
    void importRejectsAreNeverTheWorkspaceNorTheSource() throws Exception {
        Path source = dir.resolve("people.csv");
        String text = "customer_id,first_name\nC1,Ann\n";
        Files.writeString(source, text);
        assertRefused(CliRun.of("import", ws.toString(), "--table", "customers", "--mode", "upsert", "--file",
                source.toString(), "--rejects", ws.toString()), "it is the workspace");
        assertRefused(CliRun.of("import", ws.toString(), "--table", "customers", "--mode", "upsert", "--file",
                source.toString(), "--rejects", source.toString()), "it is the input file being read");
        assertEquals(text, Files.readString(source));
    }

    @Test
    void modelExportNeverWritesIntoTheWorkspace() throws Exception {
        Path model = dir.resolve("m.model.json");
        Files.writeString(model, """
                {"format": "segmint/model@1", "name": "M", "entries": [{"segment": "Women"}]}
                """);
        CliRun run = CliRun.of("model", ws.toString(), "--file", model.toString(), "--export", ws.toString());
        assertEquals(2, run.code(), run.out() + run.err());
        assertArrayEquals(before, Files.readAllBytes(ws));
    }

    @Test
    void aLinkIsWrittenThroughAndADeviceDirectly() throws Exception {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old");
        Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, real);
        CliRun run = CliRun.of("members", ws.toString(), "--segment", "Women", "--out", link.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).startsWith("customer_id"));

        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "needs /dev/full (Linux)");
        assertRefused(CliRun.of("members", ws.toString(), "--segment", "Women", "--out", full.toString()),
                "No space left on device");
        assertTrue(!Files.isRegularFile(full));
    }
}
