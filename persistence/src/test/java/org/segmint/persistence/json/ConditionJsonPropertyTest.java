package org.segmint.persistence.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Segment;
import org.segmint.persistence.reference.RandomDefinitions;
import org.segmint.persistence.reference.RandomWorkspaces;
import org.segmint.persistence.testdata.Folders;
import org.segmint.persistence.workspace.Workspace;

/** Random definitions (every node type and operator) survive JSON text and segment files unchanged. */
class ConditionJsonPropertyTest {
    private static RandomDefinitions definitions;

    private static synchronized RandomDefinitions definitions() throws Exception {
        if (definitions == null) {
            Path dir = Files.createTempDirectory("segmint-json");
            try (Workspace ws = RandomWorkspaces.create(dir.resolve("r.segmint"), 7)) {
                definitions = new RandomDefinitions(ws.connection(), java.util.Set.of());
            } finally {
                // The definitions hold the values they picked: the workspace is not needed after this.
                Folders.deleteTree(dir);
            }
        }
        return definitions;
    }

    @Provide
    Arbitrary<Condition> trees() throws Exception {
        return definitions().definitions(LocalDate.of(2024, 2, 29), true);
    }

    @Property(tries = 300)
    void randomTreesRoundTrip(@ForAll("trees") Condition tree) {
        assertEquals(tree, ConditionJson.parse(ConditionJson.toText(tree), "definition"));
        Segment s = Segment.of("Random", tree);
        assertEquals(s, SegmentFiles.parse(SegmentFiles.toText(s), "random.segment.json"));
    }
}
