package org.segmint.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.demo.DemoConfig;
import org.segmint.persistence.demo.DemoGenerator;
import org.segmint.persistence.workspace.Workspace;

/**
 * {@code hierarchy set|clear|show} and {@code --level} on count, members, insights and compare: levels follow the
 * workspace's hierarchy, not fixed column names; householding writes one row per parent.
 */
class HierarchyCommandTest {
    @TempDir
    static Path dir;
    static String ws;

    @BeforeAll
    static void demo() throws Exception {
        Path p = dir.resolve("demo.segmint");
        DemoGenerator.generate(p, DemoConfig.of(300, 5), Progress.NONE, Cancellation.none());
        ws = p.toString();
        assertEquals(0, CliRun.of("segment", ws, "save", file("w.segment.json", EvaluatingCommandsTest.WOMEN)).code());
        assertEquals(0, CliRun.of("segment", ws, "save", file("all.segment.json",
                "{\"format\": \"segmint/segment@1\", \"name\": \"Everyone\", \"definition\": {\"type\": \"all\","
                        + " \"conditions\": []}}")).code());
    }

    private static String file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f.toString();
    }

    private static long distinctParents(String column, String where) throws Exception {
        // count(DISTINCT) skips NULL but counts '' once: non-empty ids distinctly, empty ones one by one.
        String sql = "SELECT (SELECT count(DISTINCT " + column + ") FROM customers WHERE " + where + " AND " + column
                + " <> '') + (SELECT count(*) FROM customers WHERE " + where + " AND (" + column + " IS NULL OR "
                + column + " = ''))";
        try (Workspace w = Workspace.open(Path.of(ws)); Statement st = w.connection().createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }

    @Test
    void levelsFollowTheHierarchyThatIsSet() throws Exception {
        JsonNode shown = CliRun.of("hierarchy", ws, "show", "--json").json();
        assertEquals(List.of("household_id", "account_id"), List.of(shown.get("levels").get(0).asText(),
                shown.get("levels").get(1).asText()));
        assertTrue(shown.get("default").asBoolean());

        JsonNode set = CliRun.of("hierarchy", ws, "set", "account_id", "household_id", "--json").json();
        assertEquals("account_id", set.get("levels").get(0).asText());
        try {
            JsonNode count = CliRun.of("count", ws, "--segment", "Women", "--level", "households", "--json").json();
            assertEquals("account_id", count.get("column").asText(), "households is the first level");
            assertEquals(distinctParents("account_id", "gender = 'F'"), count.get("count").asLong());
            assertEquals(count.get("count"), count.get("households"));
            JsonNode byColumn = CliRun.of("count", ws, "--segment", "Women", "--level", "household_id", "--json")
                    .json();
            assertEquals(distinctParents("household_id", "gender = 'F'"), byColumn.get("count").asLong());
            assertEquals("accounts", byColumn.get("level").asText());

            JsonNode compare = CliRun.of("compare", ws, "Women", "Everyone", "--level", "accounts", "--json").json();
            assertEquals(distinctParents("household_id", "1"), compare.get("overlap").get(1).get(1).asLong());
            assertEquals(distinctParents("household_id", "gender = 'F'"), compare.get("overlap").get(0).get(1)
                    .asLong());
            JsonNode insights = CliRun.of("insights", ws, "--segment", "Women", "--level", "households", "--json")
                    .json().get("levelCounts");
            assertEquals(distinctParents("account_id", "gender = 'F'"), insights.get("count").asLong());
            assertEquals(distinctParents("account_id", "1"), insights.get("baselineCount").asLong());
        } finally {
            assertEquals(0, CliRun.of("hierarchy", ws, "set", "household_id", "account_id").code());
        }
    }

    @Test
    void householdingWritesOneRowPerParentWithItsSize() throws Exception {
        Path out = dir.resolve("households.csv");
        CliRun run = CliRun.of("members", ws, "--segment", "Women", "--level", "households", "--representative",
                "recent", "--columns", "email,metrics.last_order_date", "--out", out.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        long rows = run.json().get("rows").asLong();
        assertEquals(distinctParents("household_id", "gender = 'F'"), rows);
        Map<String, String> household = new HashMap<>();
        Map<String, Integer> size = new HashMap<>();
        try (Workspace w = Workspace.open(Path.of(ws)); Statement st = w.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT customer_id, household_id FROM customers WHERE gender = 'F'")) {
            while (rs.next()) {
                household.put(rs.getString(1), rs.getString(2));
                size.merge(rs.getString(2), 1, Integer::sum);
            }
        }
        try (Reader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().build().parse(r).getRecords();
            assertEquals(List.of("household_id", "customer_id", "email", "metrics.last_order_date", "size"),
                    records.get(0).getParser().getHeaderNames());
            Set<String> seen = new HashSet<>();
            long total = 0;
            for (CSVRecord record : records) {
                String h = record.get("household_id");
                assertTrue(seen.add(h), "one row per household: " + h);
                assertEquals(h, household.get(record.get("customer_id")), "the representative lives there");
                assertEquals((long) size.get(h), Long.parseLong(record.get("size")));
                total += Long.parseLong(record.get("size"));
            }
            assertEquals(household.size(), total, "every member is in one household");
        }
    }

    @Test
    void badInputIsOneLine() throws Exception {
        Path out = dir.resolve("x.csv");
        SegmentCommandTest.assertBad(CliRun.of("hierarchy", ws, "set", "towns"), "Unknown customers column 'towns'");
        SegmentCommandTest.assertBad(CliRun.of("hierarchy", ws, "set", "customer_id"), "identifies the customer");
        SegmentCommandTest.assertBad(CliRun.of("hierarchy", ws, "set", "household_id", "household_id"),
                "named twice");
        SegmentCommandTest.assertBad(CliRun.of("hierarchy", ws, "set"), "name the parent columns");
        SegmentCommandTest.assertBad(CliRun.of("hierarchy", ws, "rebuild"), "expected set, clear or show");
        SegmentCommandTest.assertBad(CliRun.of("members", ws, "--segment", "Women", "--level", "households",
                "--representative", "richest", "--out", out.toString()), "expected revenue, recent or oldest");
        SegmentCommandTest.assertBad(CliRun.of("members", ws, "--segment", "Women", "--representative", "recent",
                "--out", out.toString()), "--representative needs --level");
        SegmentCommandTest.assertBad(CliRun.of("members", ws, "--segment", "Women", "--level", "households",
                "--out", ws), "workspace");
        SegmentCommandTest.assertBad(CliRun.of("count", ws, "--segment", "Women", "--level", "regions"),
                "No level 'regions'");
        assertEquals(false, Files.exists(out), "nothing written after a refusal");
    }

    @Test
    void aClearedHierarchyHasNoLevels() throws Exception {
        Path copy = dir.resolve("copy.segmint");
        Files.copy(Path.of(ws), copy);
        assertEquals(0, CliRun.of("hierarchy", copy.toString(), "clear").code());
        assertEquals(0, CliRun.of("hierarchy", copy.toString(), "show", "--json").json().get("levels").size());
        SegmentCommandTest.assertBad(CliRun.of("count", copy.toString(), "--segment", "Women", "--level",
                "households"), "The workspace has no hierarchy");
        assertEquals(0, CliRun.of("count", copy.toString(), "--segment", "Women", "--level", "customers").code());
    }
}
