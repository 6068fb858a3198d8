package org.segmint.spark.cli;

import picocli.CommandLine.Command;

/** The top command: {@code segmint-spark COMMAND ...}. */
@Command(name = "segmint-spark", mixinStandardHelpOptions = true, version = "Segmint on Spark",
        description = "Segmint's segments, models and groups on Apache Spark, with the desktop's answers.",
        subcommands = {FromWorkspaceCommand.class, CountCommand.class, MembersCommand.class, InsightsCommand.class,
            CompareCommand.class, ModelCommand.class, RecalcCommand.class, SqlCommand.class})
public final class SparkCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is missing: from-workspace,"
                + " count, members, insights, compare, model, recalc or sql");
    }
}
