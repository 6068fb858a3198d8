package org.segmint.spark.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine;

/**
 * Runs one command line. Exit codes as on the desktop: 0 success, 2 bad input (a one-line reason on stderr, before
 * any Spark job when the input can be checked), 1 an unexpected failure (one line; details with
 * {@code SEGMINT_DEBUG} set).
 */
public final class SparkCli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private SparkCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Sessions sessions) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cmd = new CommandLine(new SparkCommand());
        for (CommandLine sub : cmd.getSubcommands().values()) {
            Object command = sub.getCommand();
            if (command instanceof DataCommand d) {
                d.sessions = sessions;
            } else if (command instanceof FromWorkspaceCommand f) {
                f.sessions = sessions;
            }
        }
        cmd.setOut(outWriter);
        cmd.setErr(errWriter);
        cmd.setParameterExceptionHandler((ex, arguments) -> {
            errWriter.println("segmint-spark: " + firstLine(ex.getMessage()));
            return BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof WorkspaceException || ex instanceof CommandLine.ParameterException) {
                errWriter.println("segmint-spark: " + firstLine(ex.getMessage()));
                return BAD_INPUT;
            }
            errWriter.println("segmint-spark: unexpected error: " + firstLine(String.valueOf(ex.getMessage())));
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

    static String firstLine(String message) {
        if (message == null) {
            return "invalid input";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
