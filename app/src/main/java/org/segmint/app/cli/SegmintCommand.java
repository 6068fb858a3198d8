package org.segmint.app.cli;

import picocli.CommandLine.Command;

/** The top-level command; each subcommand lives in its own class in this package. */
@Command(name = "segmint",
        mixinStandardHelpOptions = true,
        version = "Segmint 0.1",
        description = "Segment editor for customer data. With no command, opens the desktop app.",
        subcommands = {
            InfoCommand.class,
            ImportCommand.class,
            DemoCommand.class,
            SettingsCommand.class,
            SegmentCommand.class,
            CountCommand.class,
            MembersCommand.class,
            SqlCommand.class,
            BenchCommand.class,
            InsightsCommand.class,
            CompareCommand.class,
            ModelCommand.class,
            HierarchyCommand.class,
            ListCommand.class,
            GroupCommand.class,
            RecalcCommand.class,
            ClusterCommand.class,
        })
public final class SegmintCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command; see segmint --help");
    }
}
