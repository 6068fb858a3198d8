package org.segmint.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.persistence.json.SegmentFiles;
import org.segmint.persistence.workspace.Workspace;

class SegmentCommandTest {
    @TempDir
    Path dir;
    String ws;

    static final String FILE = """
            {"format": "segmint/segment@1", "name": "Men", "folder": "Basics", "status": "active", "tag": 7,
             "definition": {"type": "attribute", "field": "customers.gender", "op": "eq", "value": "M"}}
            """;

    @BeforeEach
    void workspace() {
        Path p = dir.resolve("w.segmint");
        try (Workspace w = Workspace.create(p)) {
            w.addColumn("customers", "gender", org.segmint.model.catalog.FieldType.TEXT, null);
        }
        ws = p.toString();
    }

    private String file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f.toString();
    }

    @Test
    void saveListExportDeleteRoundTrip() throws Exception {
        CliRun saved = CliRun.of("segment", ws, "save", file("men.segment.json", FILE), "--json");
        assertEquals(0, saved.code(), saved.err());
        JsonNode s = saved.json().get("segments").get(0);
        assertEquals("Men", s.get("name").asText());
        assertEquals("active", s.get("status").asText());

        CliRun list = CliRun.of("segment", ws, "list", "--json");
        assertEquals(0, list.code());
        JsonNode listed = list.json().get("segments");
        assertEquals(1, listed.size());
        assertEquals("Basics", listed.get(0).get("folder").asText());
        assertTrue(listed.get(0).get("lastCount").isNull());
        assertEquals(0, listed.get(0).get("usedIn").size());

        Path out = dir.resolve("out.segment.json");
        CliRun export = CliRun.of("segment", ws, "export", "Men", "--out", out.toString(), "--json");
        assertEquals(0, export.code(), export.err());
        Segment back = SegmentFiles.read(out);
        assertEquals(AttributeCondition.of("customers.gender", Operator.EQ, "M"), back.definition());
        assertEquals("7", back.extra().get("tag"), "unknown fields survive save and export");

        CliRun delete = CliRun.of("segment", ws, "delete", "Men", "--json");
        assertEquals(0, delete.code(), delete.err());
        assertEquals("Men", delete.json().get("deleted").asText());
        assertEquals(0, CliRun.of("segment", ws, "list", "--json").json().get("segments").size());
    }

    @Test
    void bundleImportsAllAndDeleteOfAUsedSegmentIsRefused() throws Exception {
        String bundle = SegmentFiles.bundleText(List.of(
                SegmentFiles.parse(FILE, "x"),
                Segment.of("Not men", new org.segmint.model.segment.MembershipCondition(
                        org.segmint.model.segment.MembershipCondition.Kind.SEGMENT, "Men", false))));
        CliRun imported = CliRun.of("segment", ws, "import", file("b.json", bundle), "--json");
        assertEquals(0, imported.code(), imported.err());
        assertEquals(2, imported.json().get("segments").size());

        CliRun refused = CliRun.of("segment", ws, "delete", "Men");
        assertEquals(2, refused.code());
        assertEquals("segmint: Segment 'Men' is used in segment 'Not men'; remove those references first or force"
                + " the delete", refused.err().strip());
        CliRun forced = CliRun.of("segment", ws, "delete", "Men", "--force", "--json");
        assertEquals(0, forced.code(), forced.err());
        assertEquals("Not men", forced.json().get("usedIn").get(0).get("name").asText());
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws Exception {
        assertBad(CliRun.of("segment", ws, "save", file("v2.json", FILE.replace("@1", "@2"))),
                "v2.json is a segmint/segment@2 file; this Segmint reads segmint/segment@1");
        assertBad(CliRun.of("segment", ws, "save", file("bad.json", FILE.replace("\"eq\"", "\"equal\""))),
                "definition: unknown operator 'equal'");
        assertBad(CliRun.of("segment", ws, "save", file("broken.json", "{\"format\": ")), "not valid JSON");
        assertBad(CliRun.of("segment", ws, "save", dir.resolve("missing.json").toString()), "no such file");
        assertBad(CliRun.of("segment", ws, "export", "Nope", "--out", dir.resolve("o.json").toString()),
                "Unknown segment 'Nope'");
        assertBad(CliRun.of("segment", ws, "delete", "Nope"), "Unknown segment 'Nope'");
        assertBad(CliRun.of("segment", ws, "publish"), "unknown action 'publish'");
        assertBad(CliRun.of("segment", dir.resolve("none.segmint").toString(), "list"), "no such workspace file");
    }

    @Test
    void segmentsThatDoNotValidateAreNotSaved() throws Exception {
        assertBad(CliRun.of("segment", ws, "save", file("tier.json", FILE.replace("customers.gender",
                "customers.tier"))), "Segment 'Men' is not valid: ");
        String bundle = "{\"format\":\"segmint/segments@1\",\"segments\":[{\"name\":\"Uses\",\"definition\":"
                + "{\"type\":\"segment\",\"segment\":\"Men\"}}," + FILE + "]}";
        CliRun forward = CliRun.of("segment", ws, "import", file("fwd.json", bundle), "--json");
        assertEquals(0, forward.code(), "a bundle may refer forward: " + forward.err());
        assertBad(CliRun.of("segment", ws, "save", file("missing-ref.json", FILE.replace("\"name\": \"Men\"",
                "\"name\": \"Other\"").replace("{\"type\": \"attribute\", \"field\": \"customers.gender\","
                + " \"op\": \"eq\", \"value\": \"M\"}", "{\"type\": \"segment\", \"segment\": \"Ghost\"}"))),
                "Segment 'Other' is not valid: ");
        assertEquals(2, CliRun.of("segment", ws, "list", "--json").json().get("segments").size());
    }

    @Test
    void renameCopyMoveStatusAndPin() throws Exception {
        assertEquals(0, CliRun.of("segment", ws, "save", file("men.json", FILE)).code());
        assertEquals("Gents", CliRun.of("segment", ws, "rename", "Men", "Gents", "--json").json().get("segments")
                .get(0).get("name").asText());
        assertEquals(0, CliRun.of("segment", ws, "copy", "Gents", "Gents 2").code());
        JsonNode moved = CliRun.of("segment", ws, "move", "Gents 2", "Archive", "--json").json().get("segments").get(0);
        assertEquals("Archive", moved.get("folder").asText());
        assertEquals("archived", CliRun.of("segment", ws, "status", "Gents 2", "archived", "--json").json()
                .get("segments").get(0).get("status").asText());
        assertTrue(CliRun.of("segment", ws, "pin", "Gents 2", "--json").json().get("segments").get(0).get("pinned")
                .asBoolean());
        assertEquals("Gents 2", CliRun.of("segment", ws, "list", "--json").json().get("segments").get(0)
                .get("name").asText(), "pinned first");
        assertEquals("star", CliRun.of("segment", ws, "list", "--json").json().get("segments").get(0)
                .get("icon").asText(), "the default icon");
        assertEquals("gift", CliRun.of("segment", ws, "pin", "Gents", "--icon", "Gift", "--json").json()
                .get("segments").get(0).get("icon").asText());
        assertBad(CliRun.of("segment", ws, "pin", "Gents 2", "--icon", "unicorn"), "unknown icon 'unicorn'");
        assertEquals("star", CliRun.of("segment", ws, "list", "--json").json().get("segments").get(1)
                .get("icon").asText(), "a refused icon changes nothing");
        assertBad(CliRun.of("segment", ws, "status", "Gents", "live"), "unknown status 'live'");
        assertBad(CliRun.of("segment", ws, "rename", "Gents"), "give the segment name and the new name");
        assertBad(CliRun.of("segment", ws, "copy", "Gents", "Gents 2"), "already exists");
    }

    @Test
    void failedBundleSavesNothing() throws Exception {
        String bundle = "{\"format\":\"segmint/segments@1\",\"segments\":[" + FILE + ",{\"name\":\"Loop\","
                + "\"definition\":{\"type\":\"segment\",\"segment\":\"Loop\"}}]}";
        assertBad(CliRun.of("segment", ws, "import", file("loop.json", bundle)), "would refer to itself");
        assertEquals(0, CliRun.of("segment", ws, "list", "--json").json().get("segments").size());
    }

    /** Segments s0 .. s(n-1); s(i) refers to s(i+1) (twice when {@code diamond}), the last is Men. */
    private String chain(int n, boolean diamond) {
        StringBuilder b = new StringBuilder("{\"format\":\"segmint/segments@1\",\"segments\":[");
        for (int i = 0; i < n; i++) {
            String ref = "{\"type\":\"segment\",\"segment\":\"s" + (i + 1) + "\"}";
            String def = i == n - 1 ? "{\"type\":\"attribute\",\"field\":\"customers.gender\",\"op\":\"eq\",\"value\":\"M\"}"
                    : diamond ? "{\"type\":\"any\",\"conditions\":[" + ref + "," + ref + "]}" : ref;
            b.append(i == 0 ? "" : ",").append("{\"name\":\"s").append(i).append("\",\"definition\":").append(def)
                    .append('}');
        }
        return b.append("]}").toString();
    }

    @Test
    void aReferenceChainTooDeepIsRefusedWithOneLineAndSavesNothing() throws Exception {
        assertBad(CliRun.of("segment", ws, "import", file("chain.json", chain(2001, false))),
                "segment references deep");
        assertEquals(0, CliRun.of("segment", ws, "list", "--json").json().get("segments").size());
        assertEquals(0, CliRun.of("count", ws, "--file", file("one.json", FILE)).code());
    }

    @Test
    void aDiamondOfReferencesWithinTheLimitIsCheckedOnceAndCounts() throws Exception {
        // Thirty levels, each referring to the next twice: 2^30 paths, walked once each by the validator.
        assertEquals(0, CliRun.of("segment", ws, "import", file("diamond.json", chain(30, true))).code());
        CliRun count = CliRun.of("count", ws, "--segment", "s0", "--json");
        assertEquals(0, count.code(), count.err());
        assertEquals(0, count.json().get("customers").asLong());
    }

    static void assertBad(CliRun run, String expected) {
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}
