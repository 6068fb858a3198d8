package org.segmint.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.demo.DemoConfig;
import org.segmint.persistence.demo.DemoGenerator;

/**
 * Random damage thrown at the command line: mutated CSV files at {@code import} and random or mutated JSON at
 * {@code segment save}. Whatever arrives, the answer is exit 0 (it was usable) or exit 2 with one line, never an
 * unexpected failure, and a refused input leaves the workspace and the input file byte for byte as they were.
 */
class HostileFuzzTest {
    static Path dir;
    static Path pristine;

    static final String CSV = "customer_id,first_name,tier,spend,joined,vip\n"
            + "C1,Ann,gold,12.50,2024-01-03,true\nC2,Bob,silver,3,2024-02-11,false\n"
            + "C3,\"Cé, Lee\",gold,7.25,2023-12-30,yes\n";

    static final String SEGMENT = """
            {"format": "segmint/segment@1", "name": "Fuzzed", "folder": "F", "status": "draft",
             "definition": {"type": "all", "conditions": [
               {"type": "attribute", "field": "customers.gender", "op": "eq", "value": "F"},
               {"type": "purchase", "measure": "revenue", "op": "gte", "value": 10,
                "window": {"last": 90, "unit": "days"}},
               {"type": "not", "condition": {"type": "event", "event": "email_click", "op": "gte", "value": 1}}]}}
            """;

    @BeforeContainer
    static void demo() throws Exception {
        dir = Files.createTempDirectory("segmint-fuzz");
        pristine = dir.resolve("pristine.segmint");
        DemoGenerator.generate(pristine, DemoConfig.of(60, 7), Progress.NONE, Cancellation.none());
    }

    @AfterContainer
    static void cleanUp() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A fresh copy of the demo workspace for one try. */
    static Path workspace(long seed) throws Exception {
        Path ws = dir.resolve("try-" + seed + "-" + System.nanoTime() + ".segmint");
        Files.copy(pristine, ws, StandardCopyOption.REPLACE_EXISTING);
        return ws;
    }

    static void check(CliRun run, Path ws, byte[] before, Path input, byte[] inputBefore) throws Exception {
        Statistics.collect(run.code());
        // Refusals must occur, or the mutations are too tame to test anything.
        Statistics.coverage(c -> c.check(2).count(n -> n > 0));
        assertTrue(run.code() == 0 || run.code() == 2, "exit " + run.code() + ": " + run.err());
        if (run.code() == 2) {
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(!run.err().contains("unexpected") && !run.err().contains("Exception"), run.err());
            assertArrayEquals(before, Files.readAllBytes(ws), "a refused input changed the workspace");
        } else {
            assertEquals(0, CliRun.of("info", ws.toString()).code(), "the workspace still opens");
        }
        assertArrayEquals(inputBefore, Files.readAllBytes(input), "the input file is never changed");
    }

    // Fixed seeds: the same inputs on every machine and every run (a failure names its sample).
    @Property(tries = 60, seed = "20261203")
    void mutatedCsvImports(@ForAll("csvMutations") byte[] csv, @ForAll("modes") String mode) throws Exception {
        Path ws = workspace(csv.length);
        Path input = dir.resolve("in-" + System.nanoTime() + ".csv");
        Files.write(input, csv);
        byte[] before = Files.readAllBytes(ws);
        CliRun run = CliRun.of("import", ws.toString(), "--table", "customers", "--mode", mode, "--file",
                input.toString(), "--rejects", dir.resolve("rejects-" + System.nanoTime() + ".csv").toString());
        check(run, ws, before, input, csv);
    }

    @Property(tries = 60, seed = "20261204")
    void mutatedSegmentFiles(@ForAll("jsonMutations") String json) throws Exception {
        Path ws = workspace(json.length());
        Path input = dir.resolve("seg-" + System.nanoTime() + ".json");
        Files.writeString(input, json);
        byte[] text = Files.readAllBytes(input);
        byte[] before = Files.readAllBytes(ws);
        check(CliRun.of("segment", ws.toString(), "save", input.toString()), ws, before, input, text);
        check(CliRun.of("count", ws.toString(), "--file", input.toString()), ws, Files.readAllBytes(ws), input, text);
    }

    @Provide
    Arbitrary<String> modes() {
        return Arbitraries.of("replace", "append", "upsert");
    }

    @Provide
    Arbitrary<byte[]> csvMutations() {
        return Arbitraries.longs().map(seed -> mutate(CSV.getBytes(StandardCharsets.UTF_8), new Random(seed),
                "\",;\n\r\t\u0000\\=+-@é\uFEFF1e309 9999999999999999999 NaN Infinity ".getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> jsonMutations() {
        List<String> pieces = List.of("{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e400",
                "2000000000", "\"segment\"", "\"type\"", "\"all\"", "\"any\"", "\"not\"", "\"op\"", "\"between\"",
                "\"window\"", "\"last\"", "\"years\"", "\"definition\"", "\"conditions\"", "\"\\u0000\"", "\"\\n\"",
                "\"format\"", "\"segmint/segment@2\"", "\uFEFF", " ", "\"customers.nope\"", "\"field\"", "0.5");
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            if (r.nextInt(10) == 0) {
                StringBuilder b = new StringBuilder();
                for (int i = 0, n = r.nextInt(40); i < n; i++) {
                    b.append(pieces.get(r.nextInt(pieces.size())));
                }
                return b.toString();
            }
            String s = SEGMENT;
            for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                int at = r.nextInt(s.length());
                int cut = Math.min(s.length(), at + r.nextInt(8));
                s = s.substring(0, at) + (r.nextBoolean() ? pieces.get(r.nextInt(pieces.size())) : "") + s.substring(cut);
            }
            return s;
        });
    }

    /** Deletes, duplicates, swaps and inserts bytes (from {@code alphabet} or random). */
    static byte[] mutate(byte[] input, Random r, byte[] alphabet) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] b = input.clone();
        int edits = 1 + r.nextInt(6);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(4)) {
                case 0 -> b = concat(java.util.Arrays.copyOfRange(b, 0, at), java.util.Arrays.copyOfRange(b,
                        Math.min(b.length, at + 1 + r.nextInt(5)), b.length));
                case 1 -> b = concat(java.util.Arrays.copyOfRange(b, 0, at), new byte[] {(byte) r.nextInt(256)},
                        java.util.Arrays.copyOfRange(b, at, b.length));
                case 2 -> {
                    int len = 1 + r.nextInt(Math.min(12, alphabet.length));
                    int from = r.nextInt(alphabet.length - len + 1);
                    b = concat(java.util.Arrays.copyOfRange(b, 0, at), java.util.Arrays.copyOfRange(alphabet, from,
                            from + len), java.util.Arrays.copyOfRange(b, at, b.length));
                }
                default -> {
                    int other = r.nextInt(b.length);
                    byte t = b[at];
                    b[at] = b[other];
                    b[other] = t;
                }
            }
        }
        out.writeBytes(b);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
