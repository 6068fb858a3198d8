package org.segmint.spark.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.segmint.model.segment.Condition;
import org.segmint.model.waterfall.EntryCount;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.model.waterfall.Waterfall;
import org.segmint.model.waterfall.WaterfallWarning;
import org.segmint.persistence.workspace.WorkspaceException;
import org.segmint.spark.plan.CustomerFrame;

/**
 * A priority model in one pass: every entry's definition (and every other stored model's, for the "lands in several
 * models" warning) is a column of the customer frame; each customer's entry is the first that holds; one
 * aggregation grouped by that entry gives every number of the desktop's result (qualifying, assigned, taken by each
 * earlier entry, leftovers, customers in other models).
 */
public final class ModelReport {
    private ModelReport() {
    }

    /** The numbers of a model's run. */
    public record Result(String model, LocalDate asOf, List<EntryCount> entries, String leftoversName,
                         long leftovers, long total, List<WaterfallWarning> warnings) {
    }

    /** The definition of an entry: its own when inline, else the saved segment's. */
    public static Condition definition(SparkEngine engine, PriorityModel model, ModelEntry entry) {
        if (entry.isInline()) {
            return entry.definition();
        }
        return engine.root().definitions().segmentDefinition(entry.name()).orElseThrow(() -> new WorkspaceException(
                "Model '" + model.name() + "': no saved segment named '" + entry.name() + "'"));
    }

    /** Refuses a model without entries or with an entry that cannot be evaluated, before any work. */
    public static void requireValid(SparkEngine engine, PriorityModel model) {
        if (model.entries().isEmpty()) {
            throw new WorkspaceException("Model '" + model.name() + "' has no segments");
        }
        for (ModelEntry entry : model.entries()) {
            engine.requireValid(entry.name(), definition(engine, model, entry));
        }
    }

    /**
     * Runs {@code model}; {@code others} are the stored models checked for customers landing in both (a model of the
     * same name is this one's stored version and is skipped).
     *
     * @param assignments when not null, receives the frame's {@code (customer_id, segment)} rows of the assigned
     *                    customers (and of the leftovers, when the model names them), to be written
     */
    public static Result run(SparkEngine engine, PriorityModel model, List<PriorityModel> others, LocalDate asOf,
                             java.util.function.Consumer<Dataset<Row>> assignments) {
        requireValid(engine, model);
        List<PriorityModel> checked = new ArrayList<>();
        for (PriorityModel other : others) {
            if (!other.name().equals(model.name()) && !other.entries().isEmpty()) {
                requireValid(engine, other);
                checked.add(other);
            }
        }
        SparkEngine.Pass pass = engine.pass(asOf);
        int n = model.entries().size();
        List<Column> qualifying = new ArrayList<>();
        for (ModelEntry entry : model.entries()) {
            qualifying.add(pass.members(definition(engine, model, entry)));
        }
        Column entryIndex = lit(-1);
        for (int i = n - 1; i >= 0; i--) {
            entryIndex = when(qualifying.get(i), lit(i)).otherwise(entryIndex);
        }
        Column landed = landed(model, qualifying);
        List<Column> alsoLanded = new ArrayList<>();
        for (PriorityModel other : checked) {
            List<Column> q = new ArrayList<>();
            for (ModelEntry entry : other.entries()) {
                q.add(pass.members(definition(engine, other, entry)));
            }
            alsoLanded.add(landed.and(landed(other, q)));
        }
        CustomerFrame frame = pass.frame();
        List<Column> columns = new ArrayList<>(List.of(col(CustomerFrame.CUSTOMER_ID), entryIndex.as("entry")));
        for (int i = 0; i < n; i++) {
            columns.add(qualifying.get(i).as("q" + i));
        }
        for (int o = 0; o < alsoLanded.size(); o++) {
            columns.add(alsoLanded.get(o).as("also" + o));
        }
        Dataset<Row> data = frame.build().select(columns.toArray(new Column[0]));
        if (assignments != null) {
            // The numbers and the written assignment come from one evaluation of the frame.
            data = data.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        }
        List<Column> aggs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            aggs.add(InsightsReport.count(col("q" + i)));
        }
        for (int o = 0; o < alsoLanded.size(); o++) {
            aggs.add(InsightsReport.count(col("also" + o)));
        }
        List<Row> rows = data.groupBy(col("entry")).agg(sum(lit(1L)), aggs.toArray(new Column[0])).collectAsList();
        if (assignments != null) {
            try {
                assignments.accept(assignmentRows(model, data));
            } finally {
                data.unpersist();
            }
        }
        return result(model, asOf, rows, checked);
    }

    private static Column landed(PriorityModel model, List<Column> qualifying) {
        if (model.leftovers() != null) {
            return lit(true);
        }
        Column any = lit(false);
        for (Column q : qualifying) {
            any = any.or(q);
        }
        return any;
    }

    private static Dataset<Row> assignmentRows(PriorityModel model, Dataset<Row> data) {
        Column segment = lit(model.leftovers());
        for (int i = model.entries().size() - 1; i >= 0; i--) {
            segment = when(col("entry").equalTo(i), lit(model.entries().get(i).name())).otherwise(segment);
        }
        return data.select(col(CustomerFrame.CUSTOMER_ID), segment.as("segment")).filter(col("segment").isNotNull());
    }

    private static Result result(PriorityModel model, LocalDate asOf, List<Row> rows, List<PriorityModel> others) {
        int n = model.entries().size();
        long[] assigned = new long[n];
        long[] qualifying = new long[n];
        long[][] takenBy = new long[n][n];
        long[] inOther = new long[others.size()];
        long leftovers = 0;
        long total = 0;
        for (Row r : rows) {
            int entry = ((Number) r.get(0)).intValue();
            long customers = InsightsReport.longAt(r, 1);
            total += customers;
            if (entry < 0) {
                leftovers += customers;
            } else {
                assigned[entry] += customers;
            }
            for (int i = 0; i < n; i++) {
                long q = InsightsReport.longAt(r, 2 + i);
                qualifying[i] += q;
                if (entry >= 0 && entry < i) {
                    takenBy[i][entry] += q;
                }
            }
            for (int o = 0; o < others.size(); o++) {
                inOther[o] += InsightsReport.longAt(r, 2 + n + o);
            }
        }
        List<EntryCount> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Long> taken = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                taken.add(takenBy[i][j]);
            }
            entries.add(new EntryCount(model.entries().get(i).name(), qualifying[i], assigned[i], taken));
        }
        List<WaterfallWarning> warnings = new ArrayList<>(Waterfall.warnings(entries, total));
        for (int o = 0; o < others.size(); o++) {
            if (inOther[o] > 0) {
                warnings.add(new WaterfallWarning(WaterfallWarning.Kind.IN_SEVERAL_MODELS, -1, inOther[o]
                        + " customers also land in model '" + others.get(o).name()
                        + "' and would get several messages"));
            }
        }
        return new Result(model.name(), asOf, entries, model.leftovers(), leftovers, total, warnings);
    }
}
