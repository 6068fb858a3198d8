package org.segmint.app.cli;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.segmint.persistence.workspace.Workspace;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Base of commands that work on a workspace: the workspace path first, {@code --json} for one JSON
 * document on stdout, {@code --help}. Subclasses implement {@link #execute()} and print through
 * {@link #printJson(Object)} or {@link #println(String)}.
 */
public abstract class WorkspaceCommand implements Callable<Integer> {
    /** Indented, with {@code "key": value} spacing (no blank before the colon) as the documentation shows. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setDefaultPrettyPrinter(new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    @Spec
    protected CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace file (.segmint).")
    protected Path workspacePath;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    protected boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    protected boolean help;

    @Override
    public final Integer call() throws Exception {
        return execute();
    }

    protected abstract int execute() throws Exception;

    /** Opens the existing workspace named on the command line. */
    protected Workspace openWorkspace() {
        return Workspace.open(workspacePath);
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected void println(String line) {
        out().println(line);
    }

    protected void printJson(Object value) throws Exception {
        out().println(JSON.writeValueAsString(value));
        out().flush();
    }
}
