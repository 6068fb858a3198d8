package org.segmint.app;

import org.segmint.app.cli.Cli;

/**
 * Entry point of the single jar. With no arguments it opens the desktop app; with a command it runs
 * the command line and never touches the display. (A plain class, not an {@code Application}, so that
 * the shaded jar starts without the JavaFX module path.)
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            if (!DisplayCheck.canShowWindows()) {
                System.err.println("segmint: no display to open the desktop app on (DISPLAY is not set); run a command"
                        + " instead, e.g. segmint --help");
                System.exit(Cli.BAD_INPUT);
            }
            SegmintApp.launchApp(args);
        } else {
            System.exit(Cli.run(args, System.out, System.err));
        }
    }
}
