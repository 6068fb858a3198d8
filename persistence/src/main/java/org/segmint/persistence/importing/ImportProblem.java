package org.segmint.persistence.importing;

import org.segmint.persistence.workspace.WorkspaceException;

/**
 * A reason an import cannot start, found by {@link ImportPlan} before anything is read. Its message speaks the
 * language of the command line (options such as {@code --map} and {@code --key}); {@link #inDialog()} says the same
 * in the words of the import dialog, where those are a column's target, the table and the mode.
 */
public final class ImportProblem extends WorkspaceException {
    private final String inDialog;

    ImportProblem(String message, String inDialog) {
        super(message);
        this.inDialog = inDialog;
    }

    /** The problem in the import dialog's words. */
    public String inDialog() {
        return inDialog;
    }

    /** The words the dialog shows for a problem of the plan: {@link #inDialog()}, or the message when it has none. */
    static String forDialog(WorkspaceException e) {
        return e instanceof ImportProblem p ? p.inDialog() : e.getMessage();
    }
}
