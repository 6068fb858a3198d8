package org.segmint.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.demo.DemoConfig;
import org.segmint.persistence.demo.DemoGenerator;

/** What a user can type that is wrong gets exit 2, one line that says what, and changes nothing. */
class HostileInputsTest {
    @TempDir
    static Path dir;
    static String ws;

    @BeforeAll
    static void demo() {
        Path p = dir.resolve("demo.segmint");
        DemoGenerator.generate(p, DemoConfig.of(200, 3), Progress.NONE, Cancellation.none());
        ws = p.toString();
    }

    static String file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f.toString();
    }

    static void refused(String expected, String... args) throws Exception {
        byte[] before = Files.readAllBytes(Path.of(ws));
        CliRun run = CliRun.of(args);
        assertEquals(2, run.code(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("segmint: "), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertArrayEquals(before, Files.readAllBytes(Path.of(ws)), "the workspace is unchanged");
    }

    static String segment(String name, String definition) {
        return "{\"format\": \"segmint/segment@1\", \"name\": \"" + name + "\", \"definition\": " + definition + "}";
    }

    static final String WOMEN = "{\"type\": \"attribute\", \"field\": \"customers.gender\", \"op\": \"eq\", \"value\": \"F\"}";

    @Test
    void segmentFilesWithInvisibleCharactersHugeNumbersOrLongWindowsAreRefusedWhenSaved() throws Exception {
        refused("line break", "segment", ws, "save", file("nl.json", segment("Two\\nlines", WOMEN)));
        refused("invisible character", "segment", ws, "save", file("nul.json", segment("A\\u0000B", WOMEN)));
        refused("NUL character", "segment", ws, "save", file("nulv.json", segment("Nul value",
                "{\"type\": \"attribute\", \"field\": \"customers.gender\", \"op\": \"starts_with\", \"value\": \"F\\u0000\"}")));
        refused("too large", "segment", ws, "save", file("big.json", segment("Big",
                "{\"type\": \"purchase\", \"measure\": \"revenue\", \"op\": \"gte\", \"value\": 1e400}")));
        refused("too long", "segment", ws, "save", file("win.json", segment("Window",
                "{\"type\": \"purchase\", \"window\": {\"last\": 2000000000, \"unit\": \"years\"}}")));
        refused("not valid JSON", "segment", ws, "save", file("trail.json", segment("Trail", WOMEN) + " }garbage"));
    }

    @Test
    void aByteOrderMarkIsFine() throws Exception {
        CliRun run = CliRun.of("segment", ws, "save", file("bom.json", "\uFEFF" + segment("With BOM", WOMEN)));
        assertEquals(0, run.code(), run.err());
    }

    @Test
    void insightOptionsAreChecked() throws Exception {
        String women = file("women.json", segment("Women", WOMEN));
        refused("is after --to", "insights", ws, "--file", women, "--breakdown", "customers.gender", "--from",
                "2025-06-01", "--to", "2025-01-01");
        refused("--top", "insights", ws, "--file", women, "--breakdown", "customers.gender", "--top", "-5");
    }

    @Test
    void importsSayWhatIsWrongWithTheFileAndKeepTheData() throws Exception {
        String people = file("people.csv", "customer_id,city\nC1,Paris\n");
        refused("has its own column 'customer_id'", "import", ws, "--table", "customers", "--mode", "upsert",
                "--file", people, "--map", "city=customer_id");
        refused("delimiter", "import", ws, "--table", "customers", "--file", people, "--delimiter", "\n");
        refused("names 'Name' twice (columns 2 and 3)", "import", ws, "--table", "customers", "--mode", "upsert",
                "--file", file("dup.csv", "customer_id,Name,Name\nC1,a,b\n"));
        refused("column 3 of the header has no name", "import", ws, "--table", "customers", "--mode", "upsert",
                "--file", file("empty.csv", "customer_id,Name,,city\nC1,a,b,c\n"));
        Path folder = Files.createDirectories(dir.resolve("folder.segmint"));
        CliRun run = CliRun.of("count", folder.toString(), "--file", file("w2.json", segment("W", WOMEN)));
        assertEquals(2, run.code());
        assertTrue(run.err().contains("is a folder"), run.err());
    }

    @Test
    void textWithANulCharacterIsARejectedRow() throws Exception {
        Path w = dir.resolve("nul.segmint");
        String csv = file("nul.csv", "customer_id,city\nC1,Par\u0000is\nC2,Rome\n");
        CliRun run = CliRun.of("import", w.toString(), "--table", "customers", "--file", csv, "--json");
        assertEquals(0, run.code(), run.err());
        assertEquals(1, run.json().get("rows").asLong());
        assertEquals(1, run.json().get("rejected").asLong());
    }

    @Test
    void safeCellsDisarmFormulas() throws Exception {
        Path w = dir.resolve("formula.segmint");
        String csv = file("formula.csv", "customer_id,note\n=HYPERLINK(1),@SUM(A1)\n+1,-5\n");
        assertEquals(0, CliRun.of("import", w.toString(), "--table", "customers", "--file", csv,
                "--type", "note=text").code());
        String all = file("all.json", segment("All", "{\"type\": \"all\", \"conditions\": []}"));
        Path out = dir.resolve("safe.csv");
        CliRun run = CliRun.of("members", w.toString(), "--file", all, "--columns", "customer_id,note", "--out",
                out.toString(), "--safe-cells");
        assertEquals(0, run.code(), run.err());
        assertEquals("customer_id,note\r\n'=HYPERLINK(1),'@SUM(A1)\r\n+1,-5\r\n", Files.readString(out));
    }
}
