package org.segmint.persistence.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.segmint.model.segment.Condition;
import org.segmint.persistence.workspace.Workspace;

/** The reference evaluator gives the hand-computed members of each edge case. */
class ReferenceEdgeCaseTest {
    static final Map<String, Condition> SAVED = Map.of("Londoners", EdgeCaseCases.LONDONERS);

    @TempDir
    static Path dir;
    static Workspace ws;
    static ReferenceEvaluator reference;

    @BeforeAll
    static void createWorkspace() throws Exception {
        ws = EdgeCaseWorkspace.create(dir.resolve("edge.segmint"));
        reference = new ReferenceEvaluator(ws.connection(), name -> Optional.ofNullable(SAVED.get(name)));
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    static List<String> ids(String expected) {
        return expected.isBlank() ? List.of() : Arrays.asList(expected.trim().split(" +"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.segmint.persistence.reference.EdgeCaseCases#all")
    void referenceGivesTheHandComputedMembers(String name, LocalDate asOf, Condition definition, String expected) {
        assertEquals(ids(expected), reference.customerIds(reference.members(definition, asOf)),
                DefinitionText.of(definition));
    }
}
