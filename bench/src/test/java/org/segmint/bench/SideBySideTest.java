package org.segmint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.demo.DemoConfig;
import org.segmint.persistence.demo.DemoGenerator;
import org.segmint.persistence.workspace.Workspace;

/** The benchmark on a small demo workspace: both engines agree on every case, and a disagreement is caught. */
class SideBySideTest {
    static final List<String> CASES = List.of("a", "b", "c", "d", "e-small", "e-large", "f", "g", "edit",
            "edit-threshold", "f-cached", "g-cached");

    @TempDir
    static Path dir;
    static Path ws;

    @BeforeAll
    static void demo() {
        ws = dir.resolve("demo.segmint");
        DemoGenerator.generate(ws, DemoConfig.of(2_000, 5), Progress.NONE, Cancellation.none());
    }

    record Run(int code, String out, String err) {
    }

    static Run bench(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCaseRunsOnBothEnginesWithTheSameAnswers() throws Exception {
        byte[] before = Files.readAllBytes(ws);
        Run run = bench(ws.toString(), "--json", "--runs", "1", "--warm-up", "0.1");
        assertEquals(0, run.code(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> names = new ArrayList<>();
        for (JsonNode c : report.get("cases")) {
            names.add(c.get("name").asText());
            assertNull(c.get("skipped"), c.toString());
            assertNull(c.get("differences"), c.toString());
            assertTrue(c.get("segmintMs").asDouble() >= 0 && c.get("duckdbMs").asDouble() > 0, c.toString());
            assertTrue(c.has("ratio") && c.has("result"), c.toString());
        }
        assertEquals(CASES, names);
        // the cases find customers on this data, so their agreement means something
        for (String name : List.of("a", "b", "c", "d", "e-small", "e-large", "f", "g")) {
            assertTrue(result(report, name) > 0, name);
        }
        assertEquals(2_000, report.get("customers").asLong());
        assertEquals(0.1, report.get("warmUpSeconds").asDouble());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(ws)), "the workspace is only read");
    }

    @Test
    void aDifferenceBetweenTheEnginesIsReported() throws Exception {
        try (Workspace w = Workspace.open(ws); Connection duck = DuckDbCopy.open(w, 1);
             SegmintSide segmint = new SegmintSide(w, w.asOf())) {
            Samples samples = Samples.pick(w);
            List<BenchCase<?>> cases = Cases.all(samples);
            SideBySide runner = new SideBySide(segmint, duck, 1, 0);
            assertTrue(runner.run(cases.get(0)).agrees());
            try (Statement st = duck.createStatement()) {
                // one customer of case a disappears from DuckDB's copy only
                st.execute("DELETE FROM customers WHERE ck = (SELECT min(ck) FROM (" + memberSql(samples) + "))");
            }
            SideBySide.Outcome a = runner.run(cases.get(0));
            assertFalse(a.agrees());
            assertTrue(a.differences().get(0).contains("customers"), a.differences().toString());
            SideBySide.Outcome g = runner.run(cases.get(7));
            assertFalse(g.agrees(), "the model's leftovers and entries change too");
        }
    }

    @Test
    void editsRecomputeOnlyTheChangedConditionAndCountLikeAFreshEngine() {
        try (Workspace w = Workspace.open(ws); SegmintSide segmint = new SegmintSide(w, w.asOf());
             SegmintSide fresh = new SegmintSide(w, w.asOf())) {
            for (BenchCase<?> c : Cases.all(Samples.pick(w))) {
                if (!c.name().startsWith("edit")) {
                    continue;
                }
                CountCase edit = (CountCase) c;
                for (int run = 0; run < 4; run++) {
                    edit.prepare(segmint, run);
                    long before = segmint.queriesRun();
                    long count = edit.segmint(segmint, run).getLongCardinality();
                    long queries = segmint.queriesRun() - before;
                    fresh.dropCaches();
                    assertEquals(fresh.members(edit.segment(run).definition()).getLongCardinality(), count,
                            c.name() + " run " + run + " counts like a fresh engine");
                    // the other seven come from the cache; the edited one may be derived without a query
                    assertTrue(queries <= 1, c.name() + " run " + run + ": " + queries + " queries");
                }
            }
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        Run none = bench();
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("usage:"), none.err());
        Run runs = bench(ws.toString(), "--runs", "zero");
        assertEquals(2, runs.code());
        assertEquals(1, runs.err().lines().count(), runs.err());
        Run warmUp = bench(ws.toString(), "--warm-up", "-1");
        assertEquals(2, warmUp.code());
        assertTrue(warmUp.err().startsWith("--warm-up: expected seconds"), warmUp.err());
        Run only = bench(ws.toString(), "--only", "zz");
        assertEquals(2, only.code());
        assertTrue(only.err().contains("unknown case 'zz'"), only.err());
        Run missing = bench(dir.resolve("missing.segmint").toString());
        assertEquals(2, missing.code(), missing.err());
        assertFalse(Files.exists(dir.resolve("missing.segmint")));
    }

    private static long result(JsonNode report, String name) {
        for (JsonNode c : report.get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c.get("result").asLong();
            }
        }
        throw new AssertionError(name);
    }

    /** The DuckDB members query of case a with its values inlined (the test's own tampering only). */
    private static String memberSql(Samples s) {
        return "SELECT ck FROM customers WHERE gender = '" + s.genders().get(0) + "' AND country IN ('"
                + String.join("', '", s.countries()) + "') AND loyalty_tier IN ('" + String.join("', '", s.tiers())
                + "')";
    }
}
