package org.segmint.persistence.group;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.group.PriorityCluster;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.json.ClusterFiles;
import org.segmint.persistence.json.ClusterFiles.Cluster;
import org.segmint.persistence.store.Names;
import org.segmint.persistence.workspace.OutputFile;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Priority clusters of a workspace ({@code sg_clusters}, stored as the JSON of cluster files), running them over
 * the groups' members and exporting the de-duplicated members.
 */
public final class ClusterStore {
    private final GroupStore groups;
    private final Workspace ws;

    public ClusterStore(GroupStore groups) {
        this.groups = groups;
        this.ws = groups.workspace();
    }

    /** Inserts the cluster or replaces the one of the same name. */
    public Cluster save(Cluster cluster) {
        String name = Names.check(cluster.name(), "Cluster");
        Cluster c = new Cluster(name, cluster.groups(), cluster.extra());
        String now = groups.clock().instant().toString();
        ws.inTransaction(() -> Jdbc.update(ws.connection(), "INSERT INTO sg_clusters(name, definition, created_at,"
                + " updated_at) VALUES(?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET definition = excluded.definition,"
                + " updated_at = excluded.updated_at", name, ClusterFiles.toText(c), now, now));
        return c;
    }

    public Optional<Cluster> find(String name) {
        return groups.read("Cannot read cluster '" + name + "'", c -> Jdbc.text(c, "SELECT definition FROM"
                + " sg_clusters WHERE name = ?", name).map(text -> ClusterFiles.parse(text, "cluster '" + name + "'")));
    }

    public Cluster get(String name) {
        return find(name).orElseThrow(() -> new WorkspaceException("Unknown cluster '" + name + "'"));
    }

    /** Every cluster, by name. */
    public List<Cluster> list() {
        return groups.read("Cannot list clusters", c -> {
            List<Cluster> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, definition FROM sg_clusters ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(ClusterFiles.parse(rs.getString(2), "cluster '" + rs.getString(1) + "'"));
                }
            }
            return result;
        });
    }

    public void delete(String name) {
        int n = ws.inTransaction(() -> Jdbc.update(ws.connection(), "DELETE FROM sg_clusters WHERE name = ?", name));
        if (n == 0) {
            throw new WorkspaceException("Unknown cluster '" + name + "'");
        }
    }

    /** The members of each group of the cluster, in its order; an unknown group refuses the cluster. */
    public List<PriorityCluster.Member> members(Cluster cluster) {
        return groups.read("Cannot read the groups of cluster '" + cluster.name() + "'", c -> {
            List<PriorityCluster.Member> result = new ArrayList<>();
            for (String g : cluster.groups()) {
                long id = Jdbc.longValue(c, "SELECT coalesce((SELECT id FROM sg_groups WHERE name = ?), -1)", g);
                if (id < 0) {
                    throw new WorkspaceException("Cluster '" + cluster.name() + "': unknown group '" + g + "'");
                }
                result.add(new PriorityCluster.Member(g, Members.keys(c, id)));
            }
            return result;
        });
    }

    /** Runs the cluster: each customer counts in the first of its groups that holds them. */
    public PriorityCluster.Result run(Cluster cluster) {
        return PriorityCluster.assign(members(cluster));
    }

    /**
     * Writes the de-duplicated members as CSV ({@code customer_id,group}: each customer once, with the group they
     * landed in), in customer-key order; returns the number of rows.
     */
    public long export(PriorityCluster.Result result, Path file, Cancellation cancel) {
        try (OutputFile out = OutputFile.open(file)) {
            long rows;
            try {
                rows = export(result, out.writer(), cancel);
            } catch (IOException e) {
                throw OutputFile.failure(file, e);
            }
            out.commit();
            return rows;
        }
    }

    private long export(PriorityCluster.Result result, Writer out, Cancellation cancel) throws IOException {
        List<PriorityCluster.Placed> placed = result.groups();
        RoaringBitmap any = new RoaringBitmap();
        placed.forEach(p -> any.or(p.assignedMembers()));
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("customer_id", "group").build());
        long rows;
        try {
            rows = rows(placed, any, printer, cancel);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
        return rows;
    }

    private long rows(List<PriorityCluster.Placed> placed, RoaringBitmap any, CSVPrinter printer,
                      Cancellation cancel) {
        return groups.read("Cannot read the customers", c -> {
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT ck, customer_id FROM customers ORDER BY ck");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int ck = rs.getInt(1);
                    if (!any.contains(ck)) {
                        continue;
                    }
                    if ((n & 0xFFF) == 0) {
                        cancel.throwIfCancelled();
                    }
                    for (PriorityCluster.Placed p : placed) {
                        if (p.assignedMembers().contains(ck)) {
                            print(printer, rs.getString(2), p.name());
                            break;
                        }
                    }
                    n++;
                }
            }
            return n;
        });
    }

    private static void print(CSVPrinter printer, String customerId, String group) {
        try {
            printer.printRecord(customerId, group);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
