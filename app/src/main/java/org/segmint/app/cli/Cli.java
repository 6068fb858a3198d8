package org.segmint.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.segmint.model.task.CancelledException;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine;

/**
 * Runs one command line. Exit codes: 0 success, 2 bad input (with a one-line reason on stderr),
 * 1 an unexpected failure (also one line; the details go nowhere near the user's terminal unless
 * {@code SEGMINT_DEBUG} is set).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private Cli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cmd = new CommandLine(new SegmintCommand());
        cmd.setOut(outWriter);
        cmd.setErr(errWriter);
        cmd.setParameterExceptionHandler((ex, arguments) -> {
            errWriter.println("segmint: " + firstLine(ex.getMessage()));
            return BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof WorkspaceException || ex instanceof CommandLine.ParameterException) {
                errWriter.println("segmint: " + firstLine(ex.getMessage()));
                return BAD_INPUT;
            }
            if (ex instanceof CancelledException) {
                errWriter.println("segmint: cancelled");
                return FAILED;
            }
            errWriter.println("segmint: unexpected error: " + firstLine(String.valueOf(ex.getMessage())));
            if (System.getenv("SEGMINT_DEBUG") != null) {
                ex.printStackTrace(errWriter);
            }
            return FAILED;
        });
        int code = cmd.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    /** The names of the commands ({@code info}, {@code import}, ...), so that anything else can be a file to open. */
    public static java.util.Set<String> commandNames() {
        return java.util.Set.copyOf(new CommandLine(new SegmintCommand()).getSubcommands().keySet());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid input";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
