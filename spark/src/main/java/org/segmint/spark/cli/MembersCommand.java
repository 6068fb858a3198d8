package org.segmint.spark.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.segment.Segment;
import org.segmint.persistence.workspace.WorkspaceException;
import org.segmint.spark.plan.CustomerFrame;
import org.segmint.spark.report.SparkEngine;
import org.segmint.spark.root.Outputs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code members --data P (--segment NAME | --file F) --out PATH [--format parquet|csv] [--columns a,b]}: writes the
 * members with the chosen columns (default {@code customer_id} and {@code email} when the customers have one) as a
 * Parquet or CSV dataset (a folder of part files).
 */
@Command(name = "members", description = "Write the members of a segment (Parquet or CSV).")
public final class MembersCommand extends DataCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    SegmentChoice source;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "The folder to write.")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
            description = "parquet (default) or csv (with a header row).")
    String format;

    @Option(names = "--columns", paramLabel = "COLUMNS", description = "Comma-separated columns: customers.* or"
            + " metrics.* (a bare name is a customers column). Default: customer_id and email (when present).")
    String columns;

    @Option(names = "--force", description = "Replace --out when it exists.")
    boolean force;

    @Override
    protected int execute() {
        LocalDate given = asOfOption();
        String outFormat = format(format);
        source.readEarly();
        SparkEngine engine = open();
        Segment segment = source.resolve(engine.root());
        engine.requireValid(segment.name(), segment.definition());
        List<Field> fields = fields(engine.catalog());
        Outputs outputs = new Outputs(engine.root().files());
        Path target = outputs.check(out, engine.root().path(), force, "--out");
        LocalDate asOf = engine.root().asOf(given);
        SparkEngine.Pass pass = engine.pass(asOf);
        Column members = pass.members(segment.definition());
        CustomerFrame frame = pass.frame();
        List<Column> selected = new ArrayList<>();
        for (Field f : fields) {
            String header = f.table().equals(Catalog.CUSTOMERS) ? f.column() : f.id();
            selected.add(frame.value(f).as(header));
        }
        Dataset<Row> rows = frame.build().filter(members).select(selected.toArray(new Column[0]));
        long[] written = new long[1];
        outputs.replace(target, temp -> {
            write(rows, temp, outFormat);
            // Counting what was written reads the files' footers (Parquet) or lines (CSV), not the data again.
            written[0] = outFormat.equals("csv")
                    ? engine.root().spark().read().option("header", "true").option("multiLine", "true")
                            .csv(temp.toString()).count()
                    : engine.root().spark().read().parquet(temp.toString()).count();
        });
        if (json) {
            printJson(Map.of("rows", written[0]));
        } else {
            println(String.format("Wrote %,d rows to %s", written[0], target));
        }
        return SparkCli.OK;
    }

    private List<Field> fields(Catalog catalog) {
        List<String> names = columns == null ? null
                : List.of(columns.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<Field> fields = new ArrayList<>();
        if (names == null) {
            catalog.field(Catalog.CUSTOMERS, "customer_id").ifPresent(fields::add);
            catalog.field(Catalog.CUSTOMERS, "email").ifPresent(fields::add);
            return fields;
        }
        for (String name : names) {
            String id = name.contains(".") ? name : Catalog.CUSTOMERS + "." + name;
            Field f = catalog.field(id).orElseThrow(() -> new WorkspaceException("Unknown column '" + name
                    + "' (customers columns: " + catalog.fields(Catalog.CUSTOMERS).stream().map(Field::column)
                    .collect(Collectors.joining(", ")) + ")"));
            if (!f.table().equals(Catalog.CUSTOMERS) && !f.table().equals(Catalog.METRICS)) {
                throw new WorkspaceException("Column '" + name + "': on Spark, members are written with customers.*"
                        + " and metrics.* columns");
            }
            fields.add(f);
        }
        if (fields.isEmpty()) {
            throw new WorkspaceException("No columns to export");
        }
        return fields;
    }

    static String format(String text) {
        String f = text.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("parquet") && !f.equals("csv")) {
            throw new WorkspaceException("--format: expected parquet or csv, not '" + text + "'");
        }
        return f;
    }

    /** Writes a dataset as Parquet or as CSV with a header row. */
    static void write(Dataset<Row> rows, Path folder, String format) {
        if (format.equals("csv")) {
            rows.write().option("header", "true").csv(folder.toString());
        } else {
            rows.write().parquet(folder.toString());
        }
    }
}
