package org.segmint.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.workspace.Workspace;

/** {@code segment history} and {@code segment restore} on the command line. */
class SegmentHistoryCommandTest {
    @TempDir
    Path dir;
    String ws;

    @BeforeEach
    void workspace() {
        Path p = dir.resolve("w.segmint");
        try (Workspace w = Workspace.create(p)) {
            w.addColumn("customers", "gender", FieldType.TEXT, null);
        }
        ws = p.toString();
    }

    private String segmentFile(String value) throws Exception {
        Path f = dir.resolve(value + ".segment.json");
        Files.writeString(f, "{\"format\": \"segmint/segment@1\", \"name\": \"S\", \"definition\": {\"type\":"
                + " \"attribute\", \"field\": \"customers.gender\", \"op\": \"eq\", \"value\": \"" + value + "\"}}");
        return f.toString();
    }

    @Test
    void historyListsEverySaveNewestFirstAndRestoreSavesAnOldOneAgain() throws Exception {
        assertEquals(0, CliRun.of("segment", ws, "save", segmentFile("M")).code());
        assertEquals(0, CliRun.of("segment", ws, "save", segmentFile("F")).code());
        assertEquals(0, CliRun.of("count", ws, "--segment", "S").code());

        CliRun history = CliRun.of("segment", ws, "history", "S", "--json");
        assertEquals(0, history.code(), history.err());
        JsonNode versions = history.json().get("versions");
        assertEquals("S", history.json().get("segment").asText());
        assertEquals(2, versions.size());
        assertEquals(2, versions.get(0).get("version").asInt());
        assertTrue(versions.get(0).get("current").asBoolean());
        assertEquals(0, versions.get(0).get("customers").asLong(), "the count of the empty workspace");
        assertEquals("F", versions.get(0).get("definition").get("value").asText());
        assertEquals("M", versions.get(1).get("definition").get("value").asText());
        assertTrue(versions.get(1).get("customers").isNull());
        assertEquals(System.getProperty("user.name", ""), versions.get(1).get("savedBy").asText());

        CliRun text = CliRun.of("segment", ws, "history", "S");
        assertEquals(2, text.out().lines().count(), text.out());
        assertTrue(text.out().lines().findFirst().orElseThrow().contains("current"), text.out());

        CliRun restore = CliRun.of("segment", ws, "restore", "S", "1");
        assertEquals(0, restore.code(), restore.err());
        assertEquals("Restored version 1 of 'S' as version 3", restore.out().strip());
        JsonNode after = CliRun.of("segment", ws, "history", "S", "--json").json().get("versions");
        assertEquals(3, after.size());
        assertEquals("restored version 1", after.get(0).get("note").asText());
        assertEquals("M", after.get(0).get("definition").get("value").asText());
        CliRun again = CliRun.of("segment", ws, "restore", "S", "3");
        assertTrue(again.out().contains("nothing changed"), again.out());
    }

    @Test
    void badNamesAndVersionsAreOneLineAndExitTwo() throws Exception {
        assertEquals(0, CliRun.of("segment", ws, "save", segmentFile("M")).code());
        byte[] before = Files.readAllBytes(Path.of(ws));
        for (String[] args : new String[][] {
                {"segment", ws, "history", "Nope"},
                {"segment", ws, "history"},
                {"segment", ws, "restore", "S", "7"},
                {"segment", ws, "restore", "S", "seven"},
                {"segment", ws, "restore", "S"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.code(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(Path.of(ws))), "nothing changed");
    }
}
