package org.segmint.spark.cli;

import java.time.LocalDate;
import org.apache.hadoop.fs.Path;
import org.segmint.model.waterfall.EntryCount;
import org.segmint.persistence.waterfall.ModelJson;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.model.waterfall.WaterfallWarning;
import org.segmint.persistence.json.ModelFiles;
import org.segmint.spark.report.ModelReport;
import org.segmint.spark.report.ReportJson;
import org.segmint.spark.report.SparkEngine;
import org.segmint.spark.root.Outputs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code model --data P (--model NAME | --file F) [--out PATH] [--force]}: runs a priority model; {@code --out}
 * writes each assigned customer's {@code customer_id, segment} as Parquet.
 */
@Command(name = "model", description = "Run a priority model: each customer lands in the first segment they"
        + " qualify for.")
public final class ModelCommand extends DataCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** A model of the data root or a model file. */
    static final class Source {
        @Option(names = "--model", paramLabel = "NAME", required = true, description = "A model of the data root"
                + " (models/*.model.json, found by name).")
        String model;

        @Option(names = "--file", paramLabel = "FILE", required = true, description = "A model file"
                + " (.model.json).")
        String file;
    }

    @Option(names = "--out", paramLabel = "PATH", description = "Write customer_id, segment of every assigned"
            + " customer (leftovers too when the model names them) as Parquet.")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
            description = "Format of --out: parquet (default) or csv.")
    String format;

    @Option(names = "--force", description = "Replace --out when it exists.")
    boolean force;

    @Override
    protected int execute() {
        LocalDate given = asOfOption();
        String outFormat = MembersCommand.format(format);
        PriorityModel early = null;
        if (source.file != null && SegmentChoice.isLocal(source.file)) {
            early = ModelFiles.read(java.nio.file.Path.of(source.file));
        }
        SparkEngine engine = open();
        PriorityModel model = source.model != null ? engine.root().definitions().model(source.model.strip())
                : early != null ? early : ModelFiles.parse(engine.root().files().readText(new Path(source.file)),
                source.file);
        ModelReport.requireValid(engine, model);
        Outputs outputs = new Outputs(engine.root().files());
        Path target = out == null ? null : outputs.check(out, engine.root().path(), force, "--out");
        LocalDate asOf = engine.root().asOf(given);
        ModelReport.Result r = ModelReport.run(engine, model, engine.root().definitions().models(), asOf,
                target == null ? null : rows -> outputs.replace(target, temp -> MembersCommand.write(rows, temp,
                        outFormat)));
        if (json) {
            var document = ModelJson.of(r.model(), r.asOf(), r.entries(), r.leftoversName(), r.leftovers(), r.total(),
                    r.warnings());
            if (target != null) {
                document.put("out", target.toString());
            }
            printJson(document);
        } else {
            println(String.format("Model %s: %,d customers", r.model(), r.total()));
            for (EntryCount e : r.entries()) {
                println(String.format("  %-30s %,12d assigned of %,12d qualifying", e.name(), e.assigned(),
                        e.qualifying()));
            }
            println(String.format("  %-30s %,12d", r.leftoversName() == null ? "(not assigned)" : r.leftoversName(),
                    r.leftovers()));
            for (WaterfallWarning w : r.warnings()) {
                println("  warning: " + w.message());
            }
        }
        return SparkCli.OK;
    }
}
