package org.segmint.app;

import java.time.Duration;
import java.util.List;
import org.segmint.app.cli.Cli;
import org.segmint.app.launch.LaunchPlan;
import org.segmint.app.launch.SingleInstance;
import org.segmint.app.shell.SettingsStore;

/**
 * Entry point of the jar and of the installed launcher. With no arguments it opens the desktop app; with one
 * workspace file ({@code Segmint PATH}, what a double-click runs) it opens the app on that workspace, or hands it
 * to the Segmint already running; with a command it runs the command line and never touches the display. (A plain
 * class, not an {@code Application}, so that the shaded jar starts without the JavaFX module path.)
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LaunchPlan plan = LaunchPlan.decide(List.of(args), Cli.commandNames(), System.console() != null);
        switch (plan.kind()) {
            case COMMAND_LINE:
                System.exit(Cli.run(args, System.out, System.err));
                break;
            case REFUSE:
                System.err.println("segmint: " + plan.problem());
                System.exit(Cli.BAD_INPUT);
                break;
            default:
                openDesktop(plan);
        }
    }

    private static void openDesktop(LaunchPlan plan) {
        if (!DisplayCheck.canShowWindows()) {
            System.err.println("segmint: no display to open the desktop app on (DISPLAY is not set); run a command"
                    + " instead, e.g. segmint --help");
            System.exit(Cli.BAD_INPUT);
        }
        SingleInstance.Outcome outcome = SingleInstance.handOverOrClaim(SettingsStore.dataDir(), plan.workspace(),
                Duration.ofSeconds(5));
        if (outcome.handedOver()) {
            System.err.println("segmint: " + (plan.workspace() == null ? "Segmint is already running: its window"
                    + " was brought forward" : "opened " + plan.workspace() + " in the running Segmint"));
            System.exit(Cli.OK);
        }
        SegmintApp.launchApp(plan.workspace(), outcome.instance());
    }
}
