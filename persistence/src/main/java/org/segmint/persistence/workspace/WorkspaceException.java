package org.segmint.persistence.workspace;

/**
 * A problem with a workspace or its input, with a one-line message written for the user
 * (file, line, field, what is wrong). The command line prints it and exits with 2; the app shows it.
 */
public class WorkspaceException extends RuntimeException {
    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
