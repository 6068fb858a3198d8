package org.segmint.persistence.engine;

import java.util.List;
import org.segmint.model.validation.DefinitionProblem;
import org.segmint.persistence.workspace.WorkspaceException;

/** A definition that cannot be counted, with all its problems (the message is the first). */
public final class InvalidDefinitionException extends WorkspaceException {
    private final transient List<DefinitionProblem> problems;

    public InvalidDefinitionException(List<DefinitionProblem> problems) {
        super(problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
