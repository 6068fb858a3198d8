package org.segmint.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.EntryResult;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.model.waterfall.WaterfallResult;
import org.segmint.model.waterfall.WaterfallWarning;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.insight.Memberships;
import org.segmint.persistence.json.ModelFiles;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.waterfall.ModelExport;
import org.segmint.persistence.waterfall.ModelJson;
import org.segmint.persistence.waterfall.ModelRun;
import org.segmint.persistence.waterfall.ModelRunner;
import org.segmint.persistence.workspace.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code segmint model WS (--model NAME | --file F) [--export DIR] [--columns a,b] [--save] [--as-of DATE]}: runs
 * a priority model (first match wins) and optionally exports one CSV per entry plus a manifest.
 */
@Command(name = "model", description = "Run a priority model: each customer lands in the first segment they"
        + " qualify for.")
public final class ModelCommand extends EvaluatingCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** A stored model or a model file. */
    static final class Source {
        @Option(names = "--model", paramLabel = "NAME", required = true, description = "A model stored in the"
                + " workspace.")
        String model;

        @Option(names = "--file", paramLabel = "FILE", required = true, description = "A model file"
                + " (.model.json).")
        Path file;
    }

    @Option(names = "--export", paramLabel = "DIR", description = "Write one CSV per segment and manifest.csv"
            + " into this folder.")
    Path export;

    @Option(names = "--columns", paramLabel = "COLUMNS", split = ",", description = "Columns of the exported files"
            + " (customers.* or metrics.*; default customer_id).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--save", description = "Store the model file in the workspace (replacing one of the same"
            + " name).")
    boolean save;

    @Override
    protected int execute() throws Exception {
        try (Workspace ws = openWorkspace()) {
            SegmentStore segments = new SegmentStore(ws);
            ModelStore models = new ModelStore(ws);
            PriorityModel model = source.model != null ? models.get(source.model) : ModelFiles.read(source.file);
            LocalDate asOf = asOf(ws);
            try (SegmentEngine engine = engine(ws, segments)) {
                ModelRunner runner = new ModelRunner(Memberships.of(engine), segments::definition);
                ModelRun run = runner.run(model, models.list(), asOf, Cancellation.none());
                Map<String, Object> result = toJson(model.name(), asOf, run.result());
                if (export != null) {
                    List<ModelExport.ExportedFile> files = ModelExport.write(ws, run.result(), export, columns,
                            Cancellation.none());
                    Map<String, Object> exported = new LinkedHashMap<>();
                    exported.put("folder", export.toString());
                    exported.put("manifest", ModelExport.MANIFEST);
                    exported.put("files", files);
                    result.put("export", exported);
                }
                if (save && source.file != null) {
                    models.save(model);
                    result.put("saved", true);
                }
                if (json) {
                    printJson(result);
                } else {
                    printText(model.name(), run.result());
                }
                return Cli.OK;
            }
        }
    }

    static Map<String, Object> toJson(String name, LocalDate asOf, WaterfallResult r) {
        return ModelJson.of(name, asOf, r.entries().stream().map(EntryResult::count).toList(), r.leftoversName(),
                r.leftovers().getLongCardinality(), r.total(), r.warnings());
    }

    private void printText(String name, WaterfallResult r) {
        println(String.format("Model %s: %,d customers", name, r.total()));
        for (EntryResult e : r.entries()) {
            println(String.format("  %-30s %,12d assigned of %,12d qualifying", e.name(), e.assigned(),
                    e.qualifying()));
        }
        println(String.format("  %-30s %,12d", r.leftoversName() == null ? "(not assigned)" : r.leftoversName(),
                r.leftovers().getLongCardinality()));
        for (WaterfallWarning w : r.warnings()) {
            println("  warning: " + w.message());
        }
    }
}
