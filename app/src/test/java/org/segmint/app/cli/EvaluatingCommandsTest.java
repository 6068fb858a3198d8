package org.segmint.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.demo.DemoConfig;
import org.segmint.persistence.demo.DemoGenerator;
import org.segmint.persistence.workspace.Workspace;

/** count, members, sql and bench on a small demo workspace: JSON shapes, answers and exit codes. */
class EvaluatingCommandsTest {
    @TempDir
    static Path dir;
    static String ws;

    static final String WOMEN = """
            {"format": "segmint/segment@1", "name": "Women", "definition": {"type": "all", "conditions": [
              {"type": "attribute", "field": "customers.gender", "op": "eq", "value": "F"}]}}
            """;

    @BeforeAll
    static void demo() {
        Path p = dir.resolve("demo.segmint");
        DemoGenerator.generate(p, DemoConfig.of(300, 3), Progress.NONE, Cancellation.none());
        ws = p.toString();
    }

    static String file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f.toString();
    }

    static long sqlCount(String sql) throws Exception {
        try (Workspace w = Workspace.open(Path.of(ws)); Statement st = w.connection().createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }

    @Test
    void countOfAFileMatchesTheDataAndShowsTheAsOfDate() throws Exception {
        CliRun run = CliRun.of("count", ws, "--file", file("women.segment.json", WOMEN), "--as-of", "2025-03-01",
                "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode j = run.json();
        assertEquals("Women", j.get("segment").asText());
        assertEquals("2025-03-01", j.get("asOf").asText());
        assertEquals(sqlCount("SELECT count(*) FROM customers WHERE gender = 'F'"), j.get("customers").asLong());
        assertTrue(j.get("customers").asLong() > 0);
        assertEquals(List.of("segment", "customers", "asOf"), fieldNames(j));
    }

    @Test
    void countOfASavedSegmentIsRecordedAndLevelsCountGroups() throws Exception {
        String f = file("women2.segment.json", WOMEN.replace("\"Women\"", "\"Women saved\""));
        assertEquals(0, CliRun.of("segment", ws, "save", f).code());
        JsonNode j = CliRun.of("count", ws, "--segment", "Women saved", "--level", "households", "--json").json();
        long customers = j.get("customers").asLong();
        assertEquals("households", j.get("level").asText());
        long households = j.get("count").asLong();
        assertTrue(households > 0 && households <= customers, j.toString());
        JsonNode listed = CliRun.of("segment", ws, "list", "--json").json().get("segments");
        JsonNode saved = null;
        for (JsonNode s : listed) {
            if (s.get("name").asText().equals("Women saved")) {
                saved = s;
            }
        }
        assertEquals(customers, saved.get("lastCount").asLong());
        assertTrue(saved.get("lastCountedAt").isTextual());
    }

    @Test
    void membersWritesOneRowPerMember() throws Exception {
        Path out = dir.resolve("women.csv");
        CliRun run = CliRun.of("members", ws, "--file", file("w3.segment.json", WOMEN), "--out", out.toString(),
                "--columns", "customer_id,customers.gender,metrics.orders", "--bom", "--json");
        assertEquals(0, run.code(), run.err());
        long rows = run.json().get("rows").asLong();
        assertEquals(sqlCount("SELECT count(*) FROM customers WHERE gender = 'F'"), rows);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("\uFEFFcustomer_id,gender,metrics.orders", lines.get(0));
        assertEquals(rows + 1, lines.size());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.split(",")[1].equals("F")));
    }

    @Test
    void sqlPrintsOneStatement() throws Exception {
        CliRun run = CliRun.of("sql", ws, "--file", file("w4.segment.json", WOMEN), "--json");
        assertEquals(0, run.code(), run.err());
        String sql = run.json().get("sql").asText();
        assertTrue(sql.startsWith("SELECT"), sql);
        assertTrue(sql.contains("'F'"), sql);
    }

    @Test
    void badInputExitsWithTwo() throws Exception {
        SegmentCommandTest.assertBad(CliRun.of("count", ws, "--segment", "Nope"), "Unknown segment 'Nope'");
        SegmentCommandTest.assertBad(CliRun.of("count", ws, "--file", file("bad.json", WOMEN.replace("@1", "@3"))),
                "is a segmint/segment@3 file");
        SegmentCommandTest.assertBad(CliRun.of("count", ws, "--file", file("tier.json",
                WOMEN.replace("customers.gender", "customers.tier"))), "Segment 'Women' is not valid: ");
        SegmentCommandTest.assertBad(CliRun.of("sql", ws, "--file", file("tier2.json",
                WOMEN.replace("customers.gender", "customers.tier"))), "is not valid");
        SegmentCommandTest.assertBad(CliRun.of("count", ws, "--file", file("w5.json", WOMEN), "--as-of", "yesterday"),
                "--as-of: expected a date");
        SegmentCommandTest.assertBad(CliRun.of("count", ws, "--file", file("w6.json", WOMEN), "--level", "towns"),
                "--level: No level 'towns': expected customers, households, accounts");
        SegmentCommandTest.assertBad(CliRun.of("members", ws, "--file", file("w7.json", WOMEN), "--out",
                dir.resolve("x.csv").toString(), "--columns", "orders.revenue"), "many rows per customer");
        assertEquals(2, CliRun.of("count", ws).code(), "--segment or --file is required");
        assertEquals(2, CliRun.of("count", ws, "--segment", "A", "--file", "b").code(), "not both");
    }

    @Test
    void benchPointsToTheBenchmarkProgram() {
        CliRun run = CliRun.of("bench", ws, "--runs", "1", "--json");
        assertEquals(2, run.code());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("segmint-bench.jar"), run.err());
    }

    private static List<String> fieldNames(JsonNode j) {
        List<String> names = new java.util.ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
