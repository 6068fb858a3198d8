package org.segmint.spark.root;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Named sets of customers kept as rows {@code (name, customer_id)}: the members of static and smart groups
 * ({@code groups/}) or of uploaded lists ({@code lists/}). In a data root they are Parquet, best partitioned by
 * {@code name} (one folder per group, as {@code from-workspace} writes them, so a recalculation replaces one folder;
 * a set without members is a folder whose file has no rows). Without partitions, a set without members is kept as
 * one row with an empty customer id. A job folder may add sets
 * as CSV ({@code groups.csv}), which replace the root's sets of the same names.
 */
public final class MemberSets {
    public static final StructType SCHEMA = new StructType().add("customer_id", DataTypes.StringType)
            .add("name", DataTypes.StringType);

    private final SparkSession spark;
    private final RootFiles files;
    private final Path folder;
    private final Path overlay;
    private Set<String> names;
    private Set<String> overlayNames;

    /**
     * @param folder  the Parquet folder in the data root ({@code groups/})
     * @param overlay a job folder's CSV of the same sets, or null
     */
    public MemberSets(SparkSession spark, RootFiles files, Path folder, Path overlay) {
        this.spark = spark;
        this.files = files;
        this.folder = folder;
        this.overlay = overlay != null && files.exists(overlay) ? overlay : null;
    }

    public Path folder() {
        return folder;
    }

    /** Whether the root's sets are partitioned by name (a {@code name=...} folder per set). */
    public boolean partitioned() {
        List<FileStatus> entries = files.list(folder);
        return !entries.isEmpty() && entries.stream().filter(e -> !hidden(e)).allMatch(e -> e.isDirectory()
                && e.getPath().getName().startsWith("name="));
    }

    /** The name of every set, from the folder names when partitioned (no job), else from the rows. */
    public synchronized Set<String> names() {
        if (names == null) {
            Set<String> found = new TreeSet<>();
            if (files.exists(folder)) {
                if (partitioned()) {
                    for (FileStatus e : files.list(folder)) {
                        if (!hidden(e)) {
                            found.add(partitionName(e.getPath().getName()));
                        }
                    }
                } else {
                    found.addAll(distinctNames(rootRows()));
                }
            }
            found.addAll(overlayNames());
            names = found;
        }
        return names;
    }

    private Set<String> overlayNames() {
        if (overlayNames == null) {
            overlayNames = overlay == null ? Set.of() : new LinkedHashSet<>(distinctNames(overlayRows()));
        }
        return overlayNames;
    }

    /** The name of the set kept in a partition folder {@code name=...}. */
    public static String partitionName(String folderName) {
        return ExternalCatalogUtils.unescapePathName(folderName.substring("name=".length()));
    }

    /** {@code (name, customer_id)} of every member (the empty marker rows left out). */
    public Dataset<Row> members() {
        Dataset<Row> rows = files.exists(folder) ? rootRows() : spark.createDataFrame(List.of(), SCHEMA);
        if (overlay != null) {
            Set<String> replaced = overlayNames();
            rows = rows.filter(functions.not(functions.col("name").isin(replaced.toArray())))
                    .unionByName(overlayRows());
        }
        return rows.filter(functions.col("customer_id").isNotNull().and(functions.col("customer_id").notEqual("")));
    }

    private Dataset<Row> rootRows() {
        try {
            return spark.read().schema(SCHEMA).parquet(folder.toString()).select("name", "customer_id");
        } catch (RuntimeException e) {
            throw new WorkspaceException("Cannot read " + folder + " as Parquet (name, customer_id): "
                    + Tables.firstLine(e.getMessage()));
        }
    }

    private Dataset<Row> overlayRows() {
        return spark.read().schema(new StructType().add("name", DataTypes.StringType)
                        .add("customer_id", DataTypes.StringType))
                .option("header", "true").option("mode", "FAILFAST").csv(overlay.toString())
                .select("name", "customer_id");
    }

    private static List<String> distinctNames(Dataset<Row> rows) {
        // Names only (one row per set), never members.
        return rows.select("name").distinct().filter(functions.col("name").isNotNull()).collectAsList().stream()
                .map(r -> r.getString(0)).toList();
    }

    private static boolean hidden(FileStatus e) {
        String n = e.getPath().getName();
        return n.startsWith("_") || n.startsWith(".");
    }
}
