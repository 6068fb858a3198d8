package org.segmint.persistence.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.ConditionKind;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Junction;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;
import org.segmint.persistence.workspace.WorkspaceException;

/** Reads condition nodes, failing on the first problem with its JSON path. */
final class ConditionReader {
    private static final String TYPES = java.util.Arrays.stream(ConditionKind.values()).map(ConditionKind::jsonName)
            .collect(java.util.stream.Collectors.joining(", "));

    Condition condition(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw error(path, "expected a condition object with a \"type\"");
        }
        String type = requiredText(node, "type", path);
        ConditionKind kind = ConditionKind.fromJson(type).orElseThrow(() -> error(path, "unknown condition type '"
                + type + "' (expected one of " + TYPES + ")"));
        return switch (kind) {
            case ALL -> new GroupCondition(Junction.ALL, conditions(node.get("conditions"), path + ".conditions", true));
            case ANY -> new GroupCondition(Junction.ANY, conditions(node.get("conditions"), path + ".conditions", true));
            case NOT -> new NotCondition(condition(required(node, "condition", path), path + ".condition"));
            case ATTRIBUTE -> attribute(node, path);
            case PURCHASE -> purchase(node, path);
            case EVENT -> event(node, path);
            case SEQUENCE -> sequence(node, path);
            case SEGMENT -> membership(node, path, MembershipCondition.Kind.SEGMENT);
            case GROUP -> membership(node, path, MembershipCondition.Kind.GROUP);
            case LIST -> membership(node, path, MembershipCondition.Kind.LIST);
        };
    }

    /** A list of conditions; {@code where} also accepts one object, and absent means none. */
    private List<Condition> conditions(JsonNode node, String path, boolean requireList) {
        List<Condition> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (requireList) {
                throw error(path, "missing (expected a list of conditions)");
            }
            return result;
        }
        if (node.isObject() && !requireList) {
            result.add(condition(node, path));
            return result;
        }
        if (!node.isArray()) {
            throw error(path, "expected a list of conditions");
        }
        for (int i = 0; i < node.size(); i++) {
            result.add(condition(node.get(i), path + "[" + i + "]"));
        }
        return result;
    }

    private Condition attribute(JsonNode node, String path) {
        String field = requiredText(node, "field", path);
        Operator op = operator(node, path);
        List<Object> values = new ArrayList<>();
        for (JsonNode v : values(node, path)) {
            values.add(scalar(v, path));
        }
        TimeUnit unit = node.hasNonNull("unit") ? enumValue(node, "unit", path, TimeUnit::fromJson, "days, weeks,"
                + " months or years") : null;
        return new AttributeCondition(field, op, values, unit);
    }

    private Condition purchase(JsonNode node, String path) {
        boolean has = bool(node, "has", path, true);
        List<Condition> where = conditions(node.get("where"), path + ".where", false);
        Measure measure = node.hasNonNull("measure")
                ? enumValue(node, "measure", path, Measure::fromJson, "orders, units or revenue") : Measure.ORDERS;
        return new PurchaseCondition(has, where, measure, comparison(node, path), window(node.get("window"),
                path + ".window"));
    }

    private Condition event(JsonNode node, String path) {
        boolean did = bool(node, "did", path, true);
        String event = requiredText(node, "event", path);
        List<Condition> where = conditions(node.get("where"), path + ".where", false);
        return new EventCondition(did, event, where, comparison(node, path), window(node.get("window"),
                path + ".window"));
    }

    private Condition sequence(JsonNode node, String path) {
        JsonNode stepsNode = required(node, "steps", path);
        if (!stepsNode.isArray()) {
            throw error(path + ".steps", "expected a list of {\"event\", \"where\"} steps");
        }
        List<SequenceCondition.Step> steps = new ArrayList<>();
        for (int i = 0; i < stepsNode.size(); i++) {
            String stepPath = path + ".steps[" + i + "]";
            JsonNode step = stepsNode.get(i);
            if (step.isTextual() && !step.textValue().isBlank()) {
                // a bare event type is a step without conditions
                steps.add(SequenceCondition.Step.of(step.textValue()));
                continue;
            }
            if (!step.isObject()) {
                throw error(stepPath, "expected an object with \"event\"");
            }
            steps.add(new SequenceCondition.Step(requiredText(step, "event", stepPath),
                    conditions(step.get("where"), stepPath + ".where", false)));
        }
        SequenceCondition.Within within = null;
        JsonNode w = node.get("within");
        if (w != null && !w.isNull()) {
            String withinPath = path + ".within";
            if (!w.isObject()) {
                throw error(withinPath, "expected {\"value\": N, \"unit\": \"days\"}");
            }
            JsonNode value = required(w, "value", withinPath);
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
                throw error(withinPath + ".value", "expected a whole number of 0 or more, not " + value);
            }
            TimeUnit unit = w.hasNonNull("unit") ? enumValue(w, "unit", withinPath, TimeUnit::fromJson,
                    "days, weeks, months or years") : TimeUnit.DAYS;
            within = new SequenceCondition.Within(value.intValue(), unit);
        }
        String without = node.hasNonNull("without") ? text(node.get("without"), path + ".without") : null;
        return new SequenceCondition(steps, within, without, window(node.get("window"), path + ".window"));
    }

    private Condition membership(JsonNode node, String path, MembershipCondition.Kind kind) {
        String name = requiredText(node, kind.jsonName(), path);
        return new MembershipCondition(kind, name, bool(node, "in", path, true));
    }

    private Comparison comparison(JsonNode node, String path) {
        if (!node.hasNonNull("op") && !node.hasNonNull("value") && !node.hasNonNull("values")) {
            return Comparison.AT_LEAST_ONE;
        }
        Operator op = node.hasNonNull("op") ? operator(node, path) : Operator.GTE;
        if (!Comparison.OPERATORS.contains(op)) {
            throw error(path + ".op", "operator '" + op.jsonName() + "' cannot compare a count (use eq, ne, lt,"
                    + " lte, gt, gte or between)");
        }
        List<BigDecimal> values = new ArrayList<>();
        for (JsonNode v : values(node, path)) {
            values.add(number(v, path));
        }
        int expected = op == Operator.BETWEEN ? 2 : 1;
        if (values.isEmpty() && op != Operator.BETWEEN && !node.hasNonNull("value") && !node.hasNonNull("values")) {
            values.add(BigDecimal.ONE);
        }
        if (values.size() != expected) {
            throw error(path, "operator '" + op.jsonName() + "' needs " + expected + " value" + (expected == 1 ? ""
                    : "s") + ", found " + values.size());
        }
        return new Comparison(op, values);
    }

    /** A number, or text that is one ("3"), as hand-written files sometimes have. */
    private static BigDecimal number(JsonNode v, String path) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.textValue().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw error(path, "expected a number to compare with, not " + v);
    }

    private Window window(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return Window.ALL_TIME;
        }
        if (!node.isObject()) {
            throw error(path, "expected {\"last\": N, \"unit\": \"days\"} or {\"from\": DATE, \"to\": DATE}");
        }
        boolean relative = node.hasNonNull("last");
        if (relative && (node.hasNonNull("from") || node.hasNonNull("to"))) {
            throw error(path, "give either \"last\" or \"from\"/\"to\", not both");
        }
        if (relative) {
            JsonNode last = node.get("last");
            if (!last.isIntegralNumber() || !last.canConvertToInt() || last.intValue() < 0) {
                throw error(path + ".last", "expected a whole number of 0 or more, not " + last);
            }
            TimeUnit unit = node.hasNonNull("unit") ? enumValue(node, "unit", path, TimeUnit::fromJson,
                    "days, weeks, months or years") : TimeUnit.DAYS;
            return Window.last(last.intValue(), unit);
        }
        LocalDate from = date(node.get("from"), path + ".from");
        LocalDate to = date(node.get("to"), path + ".to");
        if (from != null && to != null && from.isAfter(to)) {
            throw error(path, "\"from\" " + from + " is after \"to\" " + to);
        }
        return new Window(null, null, from, to);
    }

    private static LocalDate date(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw error(path, "expected a date like \"2025-06-30\", not " + node);
        }
        try {
            return LocalDate.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw error(path, "expected a date like \"2025-06-30\", not \"" + node.textValue() + "\"");
        }
    }

    /** The nodes of {@code value} or {@code values}; giving both is an error. */
    private static List<JsonNode> values(JsonNode node, String path) {
        List<JsonNode> result = new ArrayList<>();
        boolean hasValue = node.has("value") && !node.get("value").isNull();
        JsonNode values = node.get("values");
        if (hasValue && values != null && !values.isNull()) {
            throw error(path, "give either \"value\" or \"values\", not both");
        }
        if (hasValue) {
            result.add(node.get("value"));
        } else if (values != null && !values.isNull()) {
            if (!values.isArray()) {
                result.add(values);
            } else {
                values.forEach(result::add);
            }
        }
        return result;
    }

    private static Object scalar(JsonNode v, String path) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        throw error(path, "a value must be text, a number or true/false, not " + v);
    }

    private static Operator operator(JsonNode node, String path) {
        String name = requiredText(node, "op", path);
        return Operator.fromJson(name).orElseThrow(() -> error(path, "unknown operator '" + name + "'"));
    }

    private static <E> E enumValue(JsonNode node, String key, String path, Function<String, Optional<E>> parse,
                                   String expected) {
        String name = text(node.get(key), path + "." + key);
        return parse.apply(name).orElseThrow(() -> error(path + "." + key, "unknown " + key + " '" + name
                + "' (expected " + expected + ")"));
    }

    private static boolean bool(JsonNode node, String key, String path, boolean defaultValue) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (!v.isBoolean()) {
            throw error(path + "." + key, "expected true or false, not " + v);
        }
        return v.booleanValue();
    }

    private static JsonNode required(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw error(path, "missing \"" + key + "\"");
        }
        return v;
    }

    private static String requiredText(JsonNode node, String key, String path) {
        String text = text(required(node, key, path), path + "." + key);
        if (text.isBlank()) {
            throw error(path + "." + key, "must not be empty");
        }
        return text;
    }

    private static String text(JsonNode v, String path) {
        if (!v.isTextual()) {
            throw error(path, "expected text, not " + v);
        }
        return v.textValue();
    }

    static WorkspaceException error(String path, String message) {
        return new WorkspaceException(path + ": " + message);
    }
}
