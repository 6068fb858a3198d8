package org.segmint.persistence.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SegmentStatus;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.workspace.WorkspaceException;

class SegmentFilesTest {
    @TempDir
    Path dir;

    private static final String FILE = """
            {
              "format": "segmint/segment@1",
              "name": "Lapsed rock fans",
              "description": "Bought rock before",
              "folder": "Churn",
              "status": "active",
              "owner": {"team": "CRM", "ids": [1, 2]},
              "definition": {"type": "all", "conditions": [
                {"type": "attribute", "field": "customers.country", "op": "eq", "value": "DE"}]}
            }
            """;

    @Test
    void readsEveryFieldAndKeepsUnknownOnes() throws Exception {
        Path f = dir.resolve("a.segment.json");
        Files.writeString(f, FILE);
        Segment s = SegmentFiles.read(f);
        assertEquals("Lapsed rock fans", s.name());
        assertEquals("Churn", s.folder());
        assertEquals(SegmentStatus.ACTIVE, s.status());
        assertEquals(Map.of("owner", "{\"team\":\"CRM\",\"ids\":[1,2]}"), s.extra());
        Path back = dir.resolve("b.segment.json");
        SegmentFiles.write(s, back);
        assertEquals(s, SegmentFiles.read(back));
        assertTrue(Files.readString(back).contains("\"owner\""));
    }

    @Test
    void everyNodeTypeSurvivesAFileRoundTrip() {
        Segment s = new Segment("All", "d", "f", SegmentStatus.ARCHIVED, ConditionJsonTest.everyNodeType(), Map.of());
        assertEquals(s, SegmentFiles.parse(SegmentFiles.toText(s), "x"));
    }

    @Test
    void bundleHoldsSeveralSegments() {
        Condition c = AttributeCondition.of("customers.gender", Operator.EQ, "M");
        List<Segment> segments = List.of(Segment.of("A", c), Segment.of("B", ConditionJsonTest.everyNodeType()));
        String text = SegmentFiles.bundleText(segments);
        assertEquals(segments, SegmentFiles.parseBundle(text, "bundle"));
    }

    @Test
    void readAnyAcceptsBothKinds() throws Exception {
        Path single = dir.resolve("s.json");
        Files.writeString(single, FILE);
        Path bundle = dir.resolve("b.json");
        SegmentFiles.writeBundle(List.of(Segment.of("X", Condition.everyone()), Segment.of("Y",
                Condition.everyone())), bundle);
        assertEquals(1, SegmentFiles.readAny(single).size());
        assertEquals(List.of("X", "Y"), SegmentFiles.readAny(bundle).stream().map(Segment::name).toList());
    }

    @Test
    void anotherFormatVersionIsRefusedByName() {
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> SegmentFiles.parse(FILE.replace("segment@1", "segment@2"), "a.segment.json"));
        assertEquals("a.segment.json is a segmint/segment@2 file; this Segmint reads segmint/segment@1",
                e.getMessage());
    }

    @Test
    void missingPartsAreNamed() {
        assertMessage("{\"name\":\"x\",\"definition\":{\"type\":\"all\",\"conditions\":[]}}", "missing \"format\"");
        assertMessage("{\"format\":\"segmint/segment@1\",\"definition\":{\"type\":\"all\",\"conditions\":[]}}",
                "f: missing \"name\"");
        assertMessage("{\"format\":\"segmint/segment@1\",\"name\":\"x\"}", "f: missing \"definition\"");
        assertMessage("{\"format\":\"segmint/segment@1\",\"name\":\"x\",\"status\":\"live\","
                + "\"definition\":{\"type\":\"all\",\"conditions\":[]}}", "unknown status 'live'");
        assertMessage("{\"format\":\"segmint/segment@1\",\"name\":\"x\",\"definition\":{\"type\":\"all\","
                + "\"conditions\":[{\"type\":\"attribute\",\"field\":\"a.b\",\"op\":\"equal\"}]}}",
                "f: definition.conditions[0]: unknown operator 'equal'");
        assertMessage("[1]", "expected a JSON object");
        assertMessage("{\"format\":\"segmint/segments@1\",\"segments\":[{\"name\":\"a\",\"definition\":"
                + "{\"type\":\"all\",\"conditions\":[]}},{\"name\":\"a\",\"definition\":{\"type\":\"all\","
                + "\"conditions\":[]}}]}", "appears twice");
    }

    private static void assertMessage(String text, String expected) {
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> {
            if (text.contains("segments@1")) {
                SegmentFiles.parseBundle(text, "f");
            } else {
                SegmentFiles.parse(text, "f");
            }
        });
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void modelFilesRoundTripNamedAndInlineEntries() {
        String text = """
                {"format": "segmint/model@1", "name": "Holiday email",
                 "segments": ["Laptop clickers", {"name": "Parents", "definition":
                   {"type": "attribute", "field": "customers.kids", "op": "gt", "value": 0}}],
                 "leftovers": "Greeting cards", "note": "v2"}
                """;
        PriorityModel m = ModelFiles.parse(text, "m");
        assertEquals(List.of(ModelEntry.saved("Laptop clickers"), ModelEntry.inline("Parents",
                AttributeCondition.of("customers.kids", Operator.GT, java.math.BigDecimal.ZERO))), m.entries());
        assertEquals("Greeting cards", m.leftovers());
        assertEquals(Map.of("note", "\"v2\""), m.extra());
        assertEquals(m, ModelFiles.parse(ModelFiles.toText(m), "m"));
    }

    @Test
    void modelFileErrorsAreNamed() {
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> ModelFiles.parse(
                "{\"format\":\"segmint/model@1\",\"name\":\"m\",\"segments\":[3]}", "m.model.json"));
        assertEquals("m.model.json: segments[0]: expected a segment name or {\"name\", \"definition\"}",
                e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> ModelFiles.parse(
                "{\"format\":\"segmint/segment@1\",\"name\":\"m\",\"segments\":[]}", "m.model.json"));
        assertEquals("m.model.json is a segmint/segment@1 file; this Segmint reads segmint/model@1", e.getMessage());
    }
}
