package org.segmint.spark.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.storage.StorageLevel;
import org.segmint.persistence.workspace.WorkspaceException;
import org.segmint.spark.plan.CustomerFrame;
import org.segmint.spark.root.MemberSets;
import org.segmint.spark.root.RootFiles;
import org.segmint.spark.root.SmartGroup;

/**
 * Recalculates smart groups: every group's definition evaluated in one pass, as of one date, against the members
 * stored before this run ({@code group} conditions read stored members, as on the desktop); joined / left / total
 * counted in the same pass; the new members written for all groups in one job into a hidden folder, then each
 * group's folder of {@code groups/} replaced by its new one. A run that fails before the replacement leaves every
 * group as it was.
 */
public final class Recalc {
    private Recalc() {
    }

    /** One group's recalculation, or why it could not be (then it keeps its members and {@code total} counts them). */
    public record Outcome(String name, long total, long joined, long left, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /**
     * Recalculates {@code groups} as of {@code asOf}. A group whose definition cannot be evaluated keeps its members
     * and is reported with its error; the others are recalculated all the same. Members no longer among the
     * customers leave (they are counted in {@code left}).
     */
    public static List<Outcome> run(SparkEngine engine, List<SmartGroup> groups, LocalDate asOf) {
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        List<SmartGroup> valid = new ArrayList<>();
        for (SmartGroup g : groups) {
            try {
                engine.requireValid(g.name(), g.definition());
                valid.add(g);
            } catch (WorkspaceException e) {
                errors.put(g.name(), e.getMessage().replaceFirst("^Segment '.*?' is not valid: ", ""));
            }
        }
        MemberSets sets = engine.root().groups();
        SparkEngine.Pass pass = engine.pass(asOf);
        CustomerFrame frame = pass.frame();
        List<Column> columns = new ArrayList<>(List.of(col(CustomerFrame.CUSTOMER_ID)));
        for (int i = 0; i < groups.size(); i++) {
            SmartGroup g = groups.get(i);
            Column now = errors.containsKey(g.name()) ? lit(false) : pass.members(g.definition());
            Column before = sets.names().contains(g.name()) ? frame.groupMember(g.name()) : lit(false);
            columns.add(now.as("new" + i));
            columns.add(before.as("old" + i));
        }
        java.util.Map<String, Long> ghosts = ghosts(engine, groups);
        Dataset<Row> data = frame.build().select(columns.toArray(new Column[0]))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Column> stats = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                Column now = col("new" + i);
                Column before = col("old" + i);
                stats.add(InsightsReport.count(now));
                stats.add(InsightsReport.count(now.and(not(before))));
                stats.add(InsightsReport.count(before.and(not(now))));
                stats.add(InsightsReport.count(before));
            }
            Row r = data.agg(stats.get(0), stats.subList(1, stats.size()).toArray(new Column[0])).first();
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                String name = groups.get(i).name();
                if (errors.containsKey(name)) {
                    outcomes.add(new Outcome(name, InsightsReport.longAt(r, 4 * i + 3), 0, 0, errors.get(name)));
                } else {
                    outcomes.add(new Outcome(name, InsightsReport.longAt(r, 4 * i),
                            InsightsReport.longAt(r, 4 * i + 1),
                            InsightsReport.longAt(r, 4 * i + 2) + ghosts.getOrDefault(name, 0L), null));
                }
            }
            if (!valid.isEmpty()) {
                write(engine, sets, groups, errors.keySet(), data);
            }
            return outcomes;
        } finally {
            data.unpersist();
        }
    }

    /** Stored members of the groups who are no longer customers, per group (they leave at this run). */
    private static java.util.Map<String, Long> ghosts(SparkEngine engine, List<SmartGroup> groups) {
        MemberSets sets = engine.root().groups();
        Object[] names = groups.stream().map(SmartGroup::name).filter(sets.names()::contains).toArray();
        java.util.Map<String, Long> ghosts = new java.util.HashMap<>();
        if (names.length == 0) {
            return ghosts;
        }
        Dataset<Row> customers = engine.root().tables().table(org.segmint.model.catalog.Catalog.CUSTOMERS)
                .select(col("customer_id").as("c"));
        Dataset<Row> stored = sets.members().filter(col("name").isin(names));
        for (Row r : stored.join(customers, stored.col("customer_id").equalTo(customers.col("c")), "left_anti")
                .groupBy("name").count().collectAsList()) {
            ghosts.put(r.getString(0), r.getLong(1));
        }
        return ghosts;
    }

    private static void write(SparkEngine engine, MemberSets sets, List<SmartGroup> all,
                              java.util.Set<String> failed, Dataset<Row> data) {
        List<Column> names = new ArrayList<>();
        List<SmartGroup> groups = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!failed.contains(all.get(i).name())) {
                names.add(when(col("new" + i), lit(all.get(i).name())));
                groups.add(all.get(i));
            }
        }
        Dataset<Row> rows = data.select(col(CustomerFrame.CUSTOMER_ID).as("customer_id"),
                explode(array(names.toArray(new Column[0]))).as("name")).filter(col("name").isNotNull());
        RootFiles files = engine.root().files();
        Path folder = sets.folder();
        if (files.exists(folder) && !sets.partitioned()) {
            rewriteAll(engine, sets, groups, rows);
            return;
        }
        files.mkdirs(folder);
        Path temp = new Path(folder, "_recalc-" + UUID.randomUUID());
        try {
            rows.write().partitionBy("name").parquet(temp.toString());
            for (SmartGroup g : groups) {
                Path fresh = new Path(temp, partition(g.name()));
                if (!files.exists(fresh)) {
                    // Nobody matches: an empty folder still says the group exists.
                    engine.root().spark().createDataFrame(List.of(), MemberSets.SCHEMA).select("customer_id")
                            .write().parquet(fresh.toString());
                }
            }
            for (SmartGroup g : groups) {
                replace(files, folder, g.name(), new Path(temp, partition(g.name())));
            }
        } finally {
            files.deleteQuietly(temp);
        }
    }

    static String partition(String name) {
        return "name=" + ExternalCatalogUtils.escapePathName(name);
    }

    /** Moves the new folder of a group into place and removes its old folder(s). */
    private static void replace(RootFiles files, Path folder, String name, Path fresh) {
        List<Path> old = new ArrayList<>();
        for (FileStatus e : files.list(folder)) {
            String n = e.getPath().getName();
            if (e.isDirectory() && n.startsWith("name=") && MemberSets.partitionName(n).equals(name)) {
                Path aside = new Path(folder, "_old-" + UUID.randomUUID());
                files.rename(e.getPath(), aside);
                old.add(aside);
            }
        }
        files.rename(fresh, new Path(folder, partition(name)));
        old.forEach(files::delete);
    }

    /** Groups kept without partitions: the whole dataset is rewritten beside it, then put in its place. */
    private static void rewriteAll(SparkEngine engine, MemberSets sets, List<SmartGroup> groups,
                                   Dataset<Row> fresh) {
        RootFiles files = engine.root().files();
        Path folder = sets.folder();
        Path temp = new Path(folder.getParent(), "." + folder.getName() + ".part-" + UUID.randomUUID());
        Object[] replaced = groups.stream().map(SmartGroup::name).toArray();
        Dataset<Row> kept = engine.root().spark().read().schema(MemberSets.SCHEMA).parquet(folder.toString())
                .filter(not(col("name").isin(replaced))).select("customer_id", "name");
        // One row with an empty customer id per recalculated group keeps a group that nobody matches.
        List<Row> markers = groups.stream().map(g -> org.apache.spark.sql.RowFactory.create(null, g.name())).toList();
        Dataset<Row> marked = engine.root().spark().createDataFrame(markers, MemberSets.SCHEMA);
        try {
            kept.unionByName(fresh.select("customer_id", "name")).unionByName(marked).write()
                    .parquet(temp.toString());
            Path old = new Path(folder.getParent(), "." + folder.getName() + ".old-" + UUID.randomUUID());
            files.rename(folder, old);
            files.rename(temp, folder);
            files.delete(old);
        } catch (RuntimeException e) {
            files.deleteQuietly(temp);
            throw new WorkspaceException("Cannot write the groups (" + e.getMessage() + ")", e);
        }
    }
}
