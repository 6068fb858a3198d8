package org.segmint.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Segment;
import org.segmint.model.validation.DefinitionProblem;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.json.SegmentFiles;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine.Option;

/**
 * The {@code --segment NAME | --file F} choice shared by the commands that evaluate a definition. Used
 * as an exclusive {@code @ArgGroup} with multiplicity 1.
 */
public final class DefinitionSource {
    @Option(names = "--segment", paramLabel = "NAME", required = true, description = "A saved segment.")
    String segment;

    @Option(names = "--file", paramLabel = "FILE", required = true, description = "A segment file (.segment.json).")
    Path file;

    /** A definition to evaluate and the name to report it under. */
    public record Resolved(String name, Condition definition, boolean saved) {
    }

    /** Reads the saved segment or the file; unknown segment or bad file is a one-line error. */
    public Resolved resolve(SegmentStore store) {
        if (segment != null) {
            Segment s = store.get(segment).segment();
            return new Resolved(s.name(), s.definition(), true);
        }
        Segment s = SegmentFiles.read(file);
        return new Resolved(s.name(), s.definition(), false);
    }

    /** Refuses a definition the engine cannot evaluate, naming the first problems. */
    public static void requireValid(SegmentEngine engine, Resolved resolved) {
        refuseProblems(resolved, engine.validate(resolved.definition()));
    }

    /** The members of a valid definition, validated once; an invalid one is refused with its problems. */
    public static org.roaringbitmap.RoaringBitmap members(SegmentEngine engine, Resolved resolved,
                                                           java.time.LocalDate asOf) {
        SegmentEngine.Evaluated e = engine.evaluate(resolved.definition(), asOf,
                org.segmint.model.task.Cancellation.none());
        refuseProblems(resolved, e.problems());
        return e.members();
    }

    private static void refuseProblems(Resolved resolved, List<DefinitionProblem> problems) {
        if (!problems.isEmpty()) {
            String text = problems.stream().limit(3).map(DefinitionSource::describe).collect(Collectors.joining("; "));
            String more = problems.size() > 3 ? " (and " + (problems.size() - 3) + " more)" : "";
            throw new WorkspaceException("Segment '" + resolved.name() + "' is not valid: " + text + more);
        }
    }

    /** "condition 2.1: Unknown field customers.tier" with 1-based positions from the root. */
    static String describe(DefinitionProblem p) {
        if (p.path().isEmpty()) {
            return p.message();
        }
        return "condition " + p.path().stream().map(i -> Integer.toString(i + 1)).collect(Collectors.joining("."))
                + ": " + p.message();
    }
}
