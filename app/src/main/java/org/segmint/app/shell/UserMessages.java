package org.segmint.app.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.segmint.model.task.CancelledException;
import org.segmint.persistence.workspace.WorkspaceException;

/** Turns a failure into the sentence a user reads and the details a support person reads. */
public final class UserMessages {
    private UserMessages() {
    }

    /**
     * A {@link WorkspaceException} carries a message written for the user; anything else is a defect
     * and says so plainly, with its first line only.
     */
    public static String message(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof WorkspaceException) {
            return firstLine(e.getMessage());
        }
        if (e instanceof CancelledException) {
            return "Cancelled.";
        }
        if (e instanceof UncheckedIOException || e instanceof java.io.IOException) {
            return "Cannot read or write a file: " + firstLine(e.getMessage());
        }
        if (e instanceof OutOfMemoryError) {
            return "Segmint ran out of memory. Close other programs or start it with more memory (-Xmx).";
        }
        String msg = e.getMessage();
        return "Something went wrong inside Segmint" + (msg == null ? "." : ": " + firstLine(msg));
    }

    /** The full chain, for the expandable details area and the log. */
    public static String details(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.ExecutionException
                || e instanceof java.util.concurrent.CompletionException
                || e instanceof java.lang.reflect.InvocationTargetException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
