package org.segmint.persistence.sparkjob;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.segmint.persistence.json.Json;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The answers of a finished job, read from its {@code results/} folder: a segment's counts and revenue tree
 * ({@code insights.json}) or a model's assignment ({@code model.json}), as {@code segmint-spark} printed them.
 *
 * @param kind     what the job ran
 * @param name     the segment or model
 * @param asOf     the date the cluster used
 * @param segment  the segment's numbers (segment jobs), else null
 * @param model    the model's numbers (model jobs), else null
 */
public record SparkJobResults(SparkJob.Kind kind, String name, LocalDate asOf, SegmentNumbers segment,
                              ModelNumbers model) {

    /** A segment's numbers, as the insights report them. */
    public record SegmentNumbers(long customers, long activeCustomers, double revenue12m, long orders, double units,
                                 double averageOrderValue, double revenuePerCustomer) {
    }

    /** One model entry's numbers. */
    public record Entry(String name, long qualifying, long assigned) {
    }

    /** A model's assignment. */
    public record ModelNumbers(List<Entry> entries, String leftoversName, long leftovers, long total) {
        public ModelNumbers {
            entries = List.copyOf(entries);
        }
    }

    /** Reads the results of the job in {@code folder}; a job that has not finished is a one-line error. */
    public static SparkJobResults read(Path folder) {
        Path results = folder.resolve(SparkJobFolder.RESULTS);
        Path insights = results.resolve(SparkJob.Kind.SEGMENT.resultFile());
        Path model = results.resolve(SparkJob.Kind.MODEL.resultFile());
        if (Files.isRegularFile(insights)) {
            return segment(Json.parse(Json.read(insights), insights.toString()), insights);
        }
        if (Files.isRegularFile(model)) {
            return model(Json.parse(Json.read(model), model.toString()), model);
        }
        if (!Files.isRegularFile(folder.resolve("run.sh"))) {
            throw new WorkspaceException(folder + ": not a Segmint job folder (no run.sh)");
        }
        throw new WorkspaceException(folder + ": the job has no results yet; run run.sh on the cluster first");
    }

    private static SparkJobResults segment(JsonNode json, Path file) {
        JsonNode tree = require(json, "revenueTree", file);
        SegmentNumbers n = new SegmentNumbers(number(json, "customers", file).longValue(),
                number(json, "activeCustomers", file).longValue(), number(json, "revenue12m", file).doubleValue(),
                number(tree, "orders", file).longValue(), number(tree, "units", file).doubleValue(),
                number(tree, "averageOrderValue", file).doubleValue(),
                number(tree, "revenuePerCustomer", file).doubleValue());
        return new SparkJobResults(SparkJob.Kind.SEGMENT, text(json, "segment", file), date(json, file), n, null);
    }

    private static SparkJobResults model(JsonNode json, Path file) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : require(json, "segments", file)) {
            entries.add(new Entry(text(e, "name", file), number(e, "qualifying", file).longValue(),
                    number(e, "assigned", file).longValue()));
        }
        JsonNode leftovers = require(json, "leftovers", file);
        JsonNode leftoversName = leftovers.get("name");
        ModelNumbers n = new ModelNumbers(entries, leftoversName == null || leftoversName.isNull() ? null
                : leftoversName.asText(), number(leftovers, "assigned", file).longValue(),
                number(json, "total", file).longValue());
        return new SparkJobResults(SparkJob.Kind.MODEL, text(json, "model", file), date(json, file), null, n);
    }

    private static JsonNode require(JsonNode node, String key, Path file) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new WorkspaceException(file + ": missing \"" + key + "\" (not an answer of segmint-spark)");
        }
        return v;
    }

    private static Number number(JsonNode node, String key, Path file) {
        JsonNode v = require(node, key, file);
        if (!v.isNumber()) {
            throw new WorkspaceException(file + ": \"" + key + "\" is not a number");
        }
        return v.numberValue();
    }

    private static String text(JsonNode node, String key, Path file) {
        return require(node, key, file).asText();
    }

    private static LocalDate date(JsonNode json, Path file) {
        try {
            return LocalDate.parse(text(json, "asOf", file));
        } catch (java.time.format.DateTimeParseException e) {
            throw new WorkspaceException(file + ": \"asOf\" is not a date");
        }
    }
}
