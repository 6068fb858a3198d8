package org.segmint.app.launch;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * What a start of Segmint was asked to do, from its arguments: open the desktop app (on a workspace, when one
 * is given: {@code Segmint PATH}, which is what a double-click on a {@code .segmint} file runs), run a command,
 * or refuse with one line.
 *
 * <p>A workspace that cannot be opened (missing, a folder, not a Segmint workspace, from a newer Segmint) is
 * refused with exit 2 when Segmint was started from a terminal, where the line is read. Started from a file
 * manager or a menu there is no terminal: the app opens anyway and says the same in its error dialog.
 *
 * @param workspace the absolute workspace to open (desktop only; null: the last one, or the demo)
 * @param problem   why the start is refused (refuse only)
 */
public record LaunchPlan(Kind kind, Path workspace, String problem) {

    /** The three things a start can do. */
    public enum Kind {
        /** The desktop app, with {@link #workspace()} or without. */
        DESKTOP,
        /** The command line with the same arguments. */
        COMMAND_LINE,
        /** Nothing: print {@link #problem()} and exit 2. */
        REFUSE
    }

    /**
     * Decides from the arguments.
     *
     * @param commands the command names ({@code info}, {@code import}, ...)
     * @param terminal whether a person reads standard error (started from a terminal)
     */
    public static LaunchPlan decide(List<String> args, Set<String> commands, boolean terminal) {
        if (args.isEmpty()) {
            return new LaunchPlan(Kind.DESKTOP, null, null);
        }
        String first = args.get(0);
        if (first.startsWith("-") || commands.contains(first)) {
            return new LaunchPlan(Kind.COMMAND_LINE, null, null);
        }
        if (args.size() > 1) {
            return refuse("unknown command '" + first + "' (see segmint --help; to open a workspace, give only its"
                    + " file)");
        }
        Path file;
        try {
            file = toPath(first);
        } catch (IllegalArgumentException e) { // also InvalidPathException
            return refuse("'" + first + "' is neither a command nor a file (see segmint --help)");
        }
        if (terminal) {
            try {
                Workspace.checkOpenable(file);
            } catch (WorkspaceException e) {
                return refuse(e.getMessage());
            }
        }
        return new LaunchPlan(Kind.DESKTOP, file, null);
    }

    private static LaunchPlan refuse(String problem) {
        return new LaunchPlan(Kind.REFUSE, null, problem);
    }

    /**
     * A path or a {@code file:} URI (what some desktops pass for {@code %U}), made absolute: the running Segmint
     * that may receive it has another working directory.
     */
    static Path toPath(String argument) {
        Path p = argument.toLowerCase(Locale.ROOT).startsWith("file:") ? Path.of(URI.create(argument))
                : Path.of(argument);
        return p.toAbsolutePath().normalize();
    }
}
