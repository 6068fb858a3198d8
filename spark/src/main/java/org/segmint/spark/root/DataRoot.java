package org.segmint.spark.root;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.segmint.model.catalog.Catalog;
import org.segmint.persistence.workspace.AsOfSetting;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * A data root (FORMATS.md §5) as one job sees it: its tables, its saved definitions and settings, its group and list
 * members, optionally with a job folder's definitions, settings and members laid over them. Opening reads only
 * folder listings, small JSON files and Parquet footers; no Spark job runs until a command asks for numbers.
 */
public final class DataRoot {
    private final SparkSession spark;
    private final RootFiles files;
    private final Path root;
    private final Tables tables;
    private final Definitions definitions = new Definitions();
    private final Settings settings;
    private final MemberSets groups;
    private final MemberSets lists;
    private Catalog catalog;

    private DataRoot(SparkSession spark, RootFiles files, Path root, Path job, Map<String, String> catalogTables) {
        this.spark = spark;
        this.files = files;
        this.root = root;
        this.tables = new Tables(spark, files, root, catalogTables);
        definitions.read(files, root);
        Settings s = settingsIn(files, root).orElse(Settings.DEFAULT);
        if (job != null) {
            definitions.read(files, job);
            s = settingsIn(files, job).orElse(s);
        }
        this.settings = s;
        this.groups = new MemberSets(spark, files, new Path(root, Layout.GROUPS),
                job == null ? null : new Path(job, Layout.GROUPS_CSV));
        this.lists = new MemberSets(spark, files, new Path(root, Layout.LISTS),
                job == null ? null : new Path(job, Layout.LISTS_CSV));
    }

    /**
     * Opens a data root.
     *
     * @param root          the data root (any path Spark reads)
     * @param job           a job folder whose definitions, settings and members are laid over the root's, or null
     * @param catalogTables tables read from the Spark catalog instead of the root, by table name
     */
    public static DataRoot open(SparkSession spark, String root, String job, Map<String, String> catalogTables) {
        RootFiles files = new RootFiles(spark.sparkContext().hadoopConfiguration());
        Path rootPath = files.qualify(new Path(root));
        if (!files.isDirectory(rootPath)) {
            throw new WorkspaceException(root + ": no such data root (expected a folder with customers/, orders/,"
                    + " ... as from-workspace writes it)");
        }
        Path jobPath = null;
        if (job != null) {
            jobPath = files.qualify(new Path(job));
            if (!files.isDirectory(jobPath)) {
                throw new WorkspaceException(job + ": no such job folder");
            }
        }
        return new DataRoot(spark, files, rootPath, jobPath, catalogTables);
    }

    private static Optional<Settings> settingsIn(RootFiles files, Path folder) {
        Path file = new Path(folder, Layout.SETTINGS);
        if (!files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Settings.parse(files.readText(file), file.toString()));
    }

    public SparkSession spark() {
        return spark;
    }

    public RootFiles files() {
        return files;
    }

    public Path path() {
        return root;
    }

    public Tables tables() {
        return tables;
    }

    public Definitions definitions() {
        return definitions;
    }

    public Settings settings() {
        return settings;
    }

    public MemberSets groups() {
        return groups;
    }

    public MemberSets lists() {
        return lists;
    }

    /** The levels of counts: the settings' hierarchy, or household_id then account_id when the customers have them. */
    public org.segmint.model.hierarchy.Hierarchy hierarchy() {
        List<String> columns = settings.hierarchy();
        if (columns == null) {
            columns = List.of("household_id", "account_id").stream()
                    .filter(c -> catalog().field(Catalog.CUSTOMERS, c).isPresent()).toList();
        }
        return new org.segmint.model.hierarchy.Hierarchy(columns);
    }

    /** Every attribute, read from the tables' schemas (customers/ must exist). */
    public synchronized Catalog catalog() {
        if (catalog == null) {
            if (!tables.has(Catalog.CUSTOMERS)) {
                throw new WorkspaceException(root + ": the data root has no customers/ table");
            }
            if (tables.table(Catalog.CUSTOMERS).schema().getFieldIndex("customer_id").isEmpty()) {
                throw new WorkspaceException("customers has no customer_id column");
            }
            catalog = SparkCatalog.of(tables);
        }
        return catalog;
    }

    /**
     * The as-of date: the given one, else the settings' (a fixed date, today, or the latest order or event date in
     * the data, which one small aggregation finds).
     */
    public LocalDate asOf(LocalDate given) {
        if (given != null) {
            return given;
        }
        AsOfSetting s = settings.asOf();
        switch (s.mode()) {
            case FIXED:
                return s.fixedDate();
            case TODAY:
                return LocalDate.now();
            default:
                return latestDateInData().orElse(LocalDate.now());
        }
    }

    /** The latest order date or event date (of any row, as the desktop reads it). */
    public Optional<LocalDate> latestDateInData() {
        List<LocalDate> dates = new ArrayList<>();
        tables.find(Catalog.ORDERS).filter(t -> has(t, "order_date", DataTypes.DateType)).ifPresent(t -> {
            Row r = t.agg(functions.max("order_date")).first();
            if (!r.isNullAt(0)) {
                dates.add(r.getLocalDate(0));
            }
        });
        tables.find(Catalog.EVENTS).filter(t -> has(t, "event_time", DataTypes.TimestampNTZType)).ifPresent(t -> {
            Row r = t.agg(functions.to_date(functions.max("event_time"))).first();
            if (!r.isNullAt(0)) {
                dates.add(r.getLocalDate(0));
            }
        });
        return dates.stream().max(LocalDate::compareTo);
    }

    /** Whether the table has the column with that type (a column of another type is refused where it is used). */
    private static boolean has(org.apache.spark.sql.Dataset<Row> table, String column,
                               org.apache.spark.sql.types.DataType type) {
        return java.util.Arrays.stream(table.schema().fields())
                .anyMatch(f -> f.name().equals(column) && f.dataType().equals(type));
    }
}
