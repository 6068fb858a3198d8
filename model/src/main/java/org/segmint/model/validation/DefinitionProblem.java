package org.segmint.model.validation;

import java.util.List;

/**
 * Why a condition cannot be evaluated, in a marketer's words ("Unknown field customers.tier"), with the
 * path from the root to the condition (child indexes) so the editor can mark it in place.
 */
public record DefinitionProblem(List<Integer> path, String message) {
    public DefinitionProblem {
        path = List.copyOf(path);
    }
}
