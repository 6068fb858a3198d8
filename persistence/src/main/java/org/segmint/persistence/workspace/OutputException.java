package org.segmint.persistence.workspace;

/** An output file could not be written; the message names the file and the operating system's reason. */
public final class OutputException extends WorkspaceException {
    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }

    public OutputException(String message) {
        super(message);
    }
}
