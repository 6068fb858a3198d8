package org.segmint.persistence.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.segmint.model.segment.Condition;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.workspace.Workspace;

/** The engine gives the hand-computed members of each edge case (the same cases as the reference). */
class EngineEdgeCaseTest {
    /** Cases the engine answers differently today; see docs/testing.md, "Known disagreements". */
    static final Set<String> KNOWN_DISAGREEMENTS = Set.of();

    @TempDir
    static Path dir;
    static Workspace ws;
    static SegmentEngine engine;
    static ReferenceEvaluator reference;

    @BeforeAll
    static void createWorkspace() throws Exception {
        ws = EdgeCaseWorkspace.create(dir.resolve("edge.segmint"));
        engine = new SegmentEngine(ws, name -> Optional.ofNullable(ReferenceEdgeCaseTest.SAVED.get(name)));
        reference = new ReferenceEvaluator(ws.connection(), name -> Optional.empty());
    }

    @AfterAll
    static void close() {
        engine.close();
        ws.close();
    }

    static Stream<Arguments> cases() {
        return EdgeCaseCases.all().filter(a -> !KNOWN_DISAGREEMENTS.contains((String) a.get()[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void engineGivesTheHandComputedMembers(String name, LocalDate asOf, Condition definition, String expected) {
        assertEquals(ReferenceEdgeCaseTest.ids(expected),
                reference.customerIds(engine.members(definition, asOf, Cancellation.none())),
                DefinitionText.of(definition));
    }
}
