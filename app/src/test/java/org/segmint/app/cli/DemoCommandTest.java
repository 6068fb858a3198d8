package org.segmint.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    @Test
    void demoPrintsTheCountsAsJsonAndInfoAgrees() throws Exception {
        Path ws = dir.resolve("demo.segmint");
        assertEquals(Cli.OK, run("demo", ws.toString(), "--customers", "300", "--seed", "7", "--json"));
        assertTrue(out.contains("\"customers\": 300"), out);
        JsonNode demo = new ObjectMapper().readTree(out);
        assertEquals(300, demo.get("customers").asLong());
        assertTrue(demo.get("orders").asLong() > 1000, out);
        assertTrue(demo.get("orderItems").asLong() > demo.get("orders").asLong(), out);
        assertTrue(demo.get("events").asLong() > 1000, out);
        assertTrue(demo.get("seconds").isNumber(), out);
        assertEquals("", err);

        assertEquals(Cli.OK, run("info", ws.toString(), "--json"));
        JsonNode info = new ObjectMapper().readTree(out);
        assertEquals(300, info.at("/tables/customers/rows").asLong());
        assertEquals(300, info.at("/tables/metrics/rows").asLong());
        assertEquals(demo.get("orders").asLong(), info.at("/tables/orders/rows").asLong());
        assertEquals(0, info.at("/tables/orders/orphans").asLong());
        assertEquals(demo.get("events").asLong(), info.at("/tables/events/rows").asLong());
        assertEquals("2026-10-31", info.get("asOf").asText());
        assertEquals("latest", info.get("asOfSetting").asText());
        assertEquals("2026-10-31", info.get("metricsAsOf").asText());
        boolean tier = false;
        for (JsonNode column : info.at("/tables/customers/columns")) {
            tier |= column.get("name").asText().equals("loyalty_tier") && column.get("label").asText().equals("Loyalty tier");
        }
        assertTrue(tier, out);
    }

    @Test
    void examplesAddSavedSegmentsThatCountOnTheDemoData() throws Exception {
        Path ws = dir.resolve("examples.segmint");
        assertEquals(Cli.OK, run("demo", ws.toString(), "--customers", "400", "--seed", "2", "--examples", "--json"));
        assertEquals(Cli.OK, run("segment", ws.toString(), "list", "--json"));
        assertTrue(out.contains("\"VIP customers\"") && out.contains("\"Lapsed or at risk\""), out);
        assertEquals(Cli.OK, run("model", ws.toString(), "--model", "Holiday campaign", "--json"));
        JsonNode model = new ObjectMapper().readTree(out);
        assertEquals(400, model.get("total").asLong());
        assertEquals(4, model.get("segments").size());
    }

    @Test
    void theSameSeedGivesTheSameCounts() {
        assertEquals(Cli.OK, run("demo", dir.resolve("a.segmint").toString(), "--customers", "50", "--seed", "3",
                "--json"));
        String first = out.replaceAll("\"seconds\": [0-9.E-]+", "");
        assertEquals(Cli.OK, run("demo", dir.resolve("b.segmint").toString(), "--customers", "50", "--seed", "3",
                "--json"));
        assertEquals(first, out.replaceAll("\"seconds\": [0-9.E-]+", ""));
    }

    @Test
    void anExistingFileIsRefusedWithExitTwoAndKept() throws Exception {
        Path ws = dir.resolve("taken.segmint");
        Files.writeString(ws, "keep me");
        assertEquals(Cli.BAD_INPUT, run("demo", ws.toString(), "--customers", "10", "--json"));
        assertEquals("", out);
        assertTrue(err.startsWith("segmint: ") && err.contains("already exists"), err);
        assertEquals(1, err.strip().lines().count());
        assertEquals("keep me", Files.readString(ws));
    }

    @Test
    void badCountsAreBadInput() {
        assertEquals(Cli.BAD_INPUT, run("demo", dir.resolve("x.segmint").toString(), "--customers", "0"));
        assertEquals(Cli.BAD_INPUT, run("demo", dir.resolve("x.segmint").toString(), "--customers", "many"));
        assertFalse(Files.exists(dir.resolve("x.segmint")));
    }

    @Test
    void infoOfAMissingOrForeignFileIsBadInput() throws Exception {
        assertEquals(Cli.BAD_INPUT, run("info", dir.resolve("missing.segmint").toString()));
        Path notes = dir.resolve("notes.segmint");
        Files.writeString(notes, "x".repeat(200));
        assertEquals(Cli.BAD_INPUT, run("info", notes.toString(), "--json"));
        assertTrue(err.contains("not a Segmint workspace"), err);
    }

    @Test
    void settingsChangesTheAsOfDateAndRecomputesMetrics() throws Exception {
        Path ws = dir.resolve("s.segmint");
        assertEquals(Cli.OK, run("demo", ws.toString(), "--customers", "40", "--json"));
        assertEquals(Cli.OK, run("settings", ws.toString(), "--as-of", "2026-01-15", "--json"));
        JsonNode settings = new ObjectMapper().readTree(out);
        assertEquals("2026-01-15", settings.get("asOfSetting").asText());
        assertEquals("2026-01-15", settings.get("metricsAsOf").asText());
        assertEquals(Cli.OK, run("info", ws.toString()));
        assertTrue(out.contains("As of 2026-01-15"), out);
        assertEquals(Cli.BAD_INPUT, run("settings", ws.toString(), "--as-of", "soon"));
        assertTrue(err.contains("As-of must be"), err);
        assertEquals(Cli.OK, run("settings", ws.toString(), "--as-of", "latest", "--json"));
        assertEquals("2026-10-31", new ObjectMapper().readTree(out).get("metricsAsOf").asText());
    }

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }
}
