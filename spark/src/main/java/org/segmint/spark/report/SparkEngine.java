package org.segmint.spark.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.segment.Condition;
import org.segmint.model.validation.DefinitionProblem;
import org.segmint.model.validation.Validator;
import org.segmint.persistence.workspace.WorkspaceException;
import org.segmint.spark.plan.CustomerFrame;
import org.segmint.spark.plan.PlanCompiler;
import org.segmint.spark.root.DataRoot;

/**
 * Definitions over a data root: validation against the root's catalog and saved objects (the desktop's
 * {@link Validator}, so a definition is refused with the same words), and passes that compile any number of
 * definitions into one customer frame.
 */
public final class SparkEngine {
    private final DataRoot root;

    public SparkEngine(DataRoot root) {
        this.root = root;
    }

    public DataRoot root() {
        return root;
    }

    public Catalog catalog() {
        return root.catalog();
    }

    public List<DefinitionProblem> validate(Condition definition) {
        Validator validator = new Validator(root.catalog(), root.definitions()::segmentDefinition,
                name -> root.groups().names().contains(name),
                name -> root.lists().names().contains(name) ? Optional.of("customer_id") : Optional.empty());
        return validator.validate(definition);
    }

    /**
     * Refuses a definition with problems, naming the first ones as the desktop's command line does, and one the data
     * cannot answer (a table or standard column missing, a date column that is not a date): it is compiled once,
     * which reads schemas only, so these are found before any job runs.
     */
    public void requireValid(String name, Condition definition) {
        List<DefinitionProblem> problems = validate(definition);
        if (!problems.isEmpty()) {
            String text = problems.stream().limit(3).map(SparkEngine::describe).collect(Collectors.joining("; "));
            String more = problems.size() > 3 ? " (and " + (problems.size() - 3) + " more)" : "";
            throw new WorkspaceException("Segment '" + name + "' is not valid: " + text + more);
        }
        pass(LocalDate.now()).members(definition);
    }

    private static String describe(DefinitionProblem p) {
        if (p.path().isEmpty()) {
            return p.message();
        }
        return "condition " + p.path().stream().map(i -> Integer.toString(i + 1)).collect(Collectors.joining("."))
                + ": " + p.message();
    }

    /** A new pass as of {@code asOf}: compile definitions into it, then build its frame once. */
    public Pass pass(LocalDate asOf) {
        CustomerFrame frame = new CustomerFrame(root, root.catalog(), asOf);
        return new Pass(frame, new PlanCompiler(frame, root.definitions()::segmentDefinition));
    }

    /** One customer frame and the compiler that fills it. */
    public record Pass(CustomerFrame frame, PlanCompiler compiler) {
        public org.apache.spark.sql.Column members(Condition definition) {
            return compiler.compile(definition);
        }
    }
}
