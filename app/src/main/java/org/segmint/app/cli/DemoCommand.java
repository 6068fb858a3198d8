package org.segmint.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.demo.DemoConfig;
import org.segmint.persistence.demo.DemoGenerator;
import org.segmint.persistence.demo.DemoSummary;
import org.segmint.persistence.demo.ExampleSegments;
import org.segmint.persistence.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code segmint demo WS [--customers N] [--seed S]}: creates a workspace of generated retail data. */
@Command(name = "demo", description = "Create a new workspace filled with generated retail demo data"
        + " (about 10 orders, 30 order lines and 20 events per customer). Refuses to overwrite a file.")
public final class DemoCommand extends WorkspaceCommand {

    @Option(names = "--customers", paramLabel = "N", defaultValue = "" + DemoConfig.DEFAULT_CUSTOMERS,
            description = "Number of customers (default ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + DemoConfig.DEFAULT_SEED,
            description = "Random seed; the same seed gives the same data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--examples", description = "Also save example segments (three pinned) and a priority model.")
    boolean examples;

    @Override
    protected int execute() throws Exception {
        DemoConfig config = DemoConfig.of(customers, seed);
        Progress progress = json ? Progress.NONE : new TerminalProgress(spec.commandLine().getErr());
        DemoSummary summary = DemoGenerator.generate(workspacePath, config, progress, Cancellation.none());
        if (examples) {
            try (Workspace ws = openWorkspace()) {
                ExampleSegments.addTo(ws);
            }
        }
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("customers", summary.customers());
            result.put("orders", summary.orders());
            result.put("orderItems", summary.orderItems());
            result.put("events", summary.events());
            result.put("seconds", summary.seconds());
            printJson(result);
        } else {
            println(String.format("Created %s: %,d customers, %,d orders, %,d order items, %,d events in %.1f s",
                    workspacePath, summary.customers(), summary.orders(), summary.orderItems(), summary.events(),
                    summary.seconds()));
        }
        return Cli.OK;
    }

    /** Prints a percentage on stderr when it changes, so stdout stays clean for the result. */
    private static final class TerminalProgress implements Progress {
        private final java.io.PrintWriter err;
        private long lastPercent = -1;

        TerminalProgress(java.io.PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(long done, long total, String message) {
            long percent = total > 0 ? done * 100 / total : 0;
            if (percent / 10 != lastPercent / 10 || lastPercent < 0) {
                lastPercent = percent;
                err.println(percent + "% " + message);
                err.flush();
            }
        }
    }
}
