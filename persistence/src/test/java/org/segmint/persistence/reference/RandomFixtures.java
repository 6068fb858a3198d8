package org.segmint.persistence.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.segmint.model.segment.Operator;
import org.segmint.persistence.workspace.Workspace;

/**
 * A handful of random workspaces shared by the tries of a property test (building one costs far more
 * than evaluating a definition), each with its reference evaluator and definition generator.
 */
final class RandomFixtures implements AutoCloseable {
    /** One workspace made from a seed. */
    record Fixture(long seed, Workspace workspace, ReferenceEvaluator reference, RandomDefinitions definitions) {
    }

    private final Path dir;
    private final List<Fixture> fixtures = new ArrayList<>();

    RandomFixtures(Set<Operator> leftOut, long... seeds) {
        try {
            dir = Files.createTempDirectory("segmint-random");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (long seed : seeds) {
            Workspace ws = RandomWorkspaces.create(dir.resolve("random-" + seed + ".segmint"), seed);
            fixtures.add(new Fixture(seed, ws, new ReferenceEvaluator(ws.connection(),
                    name -> Optional.ofNullable(RandomDefinitions.SAVED.get(name))),
                    new RandomDefinitions(ws.connection(), leftOut)));
        }
    }

    List<Fixture> all() {
        return fixtures;
    }

    @Override
    public void close() {
        fixtures.forEach(f -> f.workspace().close());
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
