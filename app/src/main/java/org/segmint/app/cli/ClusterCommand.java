package org.segmint.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.group.PriorityCluster;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.group.ClusterStore;
import org.segmint.persistence.group.GroupStore;
import org.segmint.persistence.json.ClusterFiles;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code segmint cluster WS (--cluster NAME | --file F.cluster.json) [--save] [--export F.csv]}: a priority
 * cluster, each customer counted only in the first listed group that holds them.
 */
@Command(name = "cluster", description = "Run a priority cluster: each customer counts only in the first listed"
        + " group that holds them.")
public final class ClusterCommand extends WorkspaceCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** A stored cluster or a cluster file. */
    static final class Source {
        @Option(names = "--cluster", paramLabel = "NAME", required = true, description = "A cluster stored in the"
                + " workspace.")
        String cluster;

        @Option(names = "--file", paramLabel = "FILE", required = true, description = "A cluster file"
                + " (.cluster.json).")
        Path file;
    }

    @Option(names = "--save", description = "Store the cluster file in the workspace (replacing one of the same"
            + " name).")
    boolean save;

    @Option(names = "--export", paramLabel = "FILE", description = "Write the de-duplicated members as CSV:"
            + " customer_id and the group each landed in.")
    Path export;

    @Override
    protected int execute() throws Exception {
        if (save && source.file == null) {
            throw new WorkspaceException("cluster: --save stores a cluster file; give --file");
        }
        try (Workspace ws = openWorkspace()) {
            ClusterStore clusters = new ClusterStore(new GroupStore(ws));
            ClusterFiles.Cluster cluster = source.cluster != null ? clusters.get(source.cluster)
                    : ClusterFiles.read(source.file);
            PriorityCluster.Result result = clusters.run(cluster);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("cluster", cluster.name());
            json.put("groups", result.groups().stream().map(ClusterCommand::placed).toList());
            json.put("total", result.total());
            if (export != null) {
                long rows = clusters.export(result, export, Cancellation.none());
                json.put("export", Map.of("file", export.toString(), "rows", rows));
            }
            if (save) {
                clusters.save(cluster);
                json.put("saved", true);
            }
            if (this.json) {
                printJson(json);
            } else {
                println(String.format("Cluster %s: %,d customers", cluster.name(), result.total()));
                for (PriorityCluster.Placed p : result.groups()) {
                    println(String.format("  %-30s %,12d assigned of %,12d", p.name(), p.assigned(), p.customers()));
                }
            }
            return Cli.OK;
        }
    }

    private static Map<String, Object> placed(PriorityCluster.Placed p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("customers", p.customers());
        m.put("assigned", p.assigned());
        return m;
    }

    static List<String> names(PriorityCluster.Result r) {
        return r.groups().stream().map(PriorityCluster.Placed::name).toList();
    }
}
