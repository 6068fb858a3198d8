package org.segmint.app.cli;

import org.segmint.app.about.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top-level command; each subcommand lives in its own class in this package. */
@Command(name = "segmint",
        mixinStandardHelpOptions = true,
        versionProvider = SegmintCommand.Version.class,
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

    /** {@code segmint --version}: the version the build wrote, and the runtime. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.nameAndVersion(), BuildInfo.runtime()};
        }
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command; see segmint --help");
    }
}
