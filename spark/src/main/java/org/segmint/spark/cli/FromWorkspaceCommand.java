package org.segmint.spark.cli;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.WorkspaceException;
import org.segmint.spark.export.FromWorkspace;
import org.segmint.spark.report.ReportJson;
import org.segmint.spark.root.Outputs;
import org.segmint.spark.root.RootFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code from-workspace WS.segmint --out PATH [--force]}: writes a workspace as a data root. The workspace is only
 * read; Spark's file systems (local, hdfs://, s3a://) take the output, no Spark job runs.
 */
@Command(name = "from-workspace", description = "Write a workspace as a data root (Parquet tables, definitions,"
        + " group and list members, settings).")
public final class FromWorkspaceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace file (.segmint); only read.")
    java.nio.file.Path workspace;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "The data root to write.")
    String out;

    @Option(names = "--force", description = "Replace --out when it exists.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    Sessions sessions;

    @Override
    public Integer call() {
        if (Files.isDirectory(workspace)) {
            throw new WorkspaceException(workspace + ": is a folder, not a workspace file (give the .segmint file)");
        }
        if (!Files.isRegularFile(workspace)) {
            throw new WorkspaceException(workspace + ": no such workspace file");
        }
        RootFiles files = new RootFiles(sessions.get().sparkContext().hadoopConfiguration());
        Path target = new Outputs(files).check(out, null, force, "--out");
        if (FromWorkspace.holds(target, workspace)) {
            throw new WorkspaceException("--out " + out + ": would replace the workspace itself; choose another"
                    + " folder");
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        new Outputs(files).replace(target, temp -> rows.putAll(new FromWorkspace(files).copy(workspace, temp,
                Cancellation.none())));
        if (json) {
            spec.commandLine().getOut().println(ReportJson.text(rows));
        } else {
            rows.forEach((table, n) -> spec.commandLine().getOut().println(String.format("%-12s %,d rows", table, n)));
            spec.commandLine().getOut().println("Wrote " + target);
        }
        spec.commandLine().getOut().flush();
        return SparkCli.OK;
    }
}
