package org.segmint.persistence.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.ConditionVisitor;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.Window;

/**
 * Segment definitions as JSON (FORMATS.md §1, documented in docs/formats.md). Reading checks the shape
 * and reports the first problem with its JSON path, e.g.
 * {@code definition.conditions[2]: unknown operator 'equal'}; whether fields exist and operators suit
 * their types is the engine's validation, which knows the workspace.
 */
public final class ConditionJson {
    private static final JsonNodeFactory NODES = Json.NODES;

    private ConditionJson() {
    }

    /** Reads a definition node; {@code path} names it in error messages (e.g. {@code definition}). */
    public static Condition read(JsonNode node, String path) {
        return new ConditionReader().condition(node, path);
    }

    /** Reads a definition from JSON text. */
    public static Condition parse(String text, String source) {
        return read(Json.parse(text, source), source);
    }

    public static ObjectNode write(Condition condition) {
        return condition.accept(new Writer());
    }

    /** Compact one-line JSON text, as stored in the workspace. */
    public static String toText(Condition condition) {
        return write(condition).toString();
    }

    /** Writes each node with its defaults left out, except the measure and comparison of behaviour nodes. */
    private static final class Writer implements ConditionVisitor<ObjectNode> {

        private static ObjectNode typed(String type) {
            ObjectNode node = NODES.objectNode();
            node.put("type", type);
            return node;
        }

        @Override
        public ObjectNode visitGroup(GroupCondition group) {
            ObjectNode node = typed(group.junction().jsonName());
            node.set("conditions", list(group.conditions()));
            return node;
        }

        @Override
        public ObjectNode visitNot(NotCondition not) {
            ObjectNode node = typed("not");
            node.set("condition", not.condition().accept(this));
            return node;
        }

        @Override
        public ObjectNode visitAttribute(AttributeCondition attribute) {
            ObjectNode node = typed("attribute");
            node.put("field", attribute.field());
            node.put("op", attribute.op().jsonName());
            List<Object> values = attribute.values();
            if (values.size() == 1 && attribute.op().arity() == 1) {
                node.set("value", value(values.get(0)));
            } else if (!values.isEmpty()) {
                ArrayNode array = node.putArray("values");
                values.forEach(v -> array.add(value(v)));
            }
            if (attribute.unit() != null) {
                node.put("unit", attribute.unit().jsonName());
            }
            return node;
        }

        @Override
        public ObjectNode visitPurchase(PurchaseCondition purchase) {
            ObjectNode node = typed("purchase");
            if (!purchase.has()) {
                node.put("has", false);
            }
            if (!purchase.where().isEmpty()) {
                node.set("where", list(purchase.where()));
            }
            node.put("measure", purchase.measure().jsonName());
            comparison(node, purchase.comparison());
            window(node, purchase.window());
            return node;
        }

        @Override
        public ObjectNode visitEvent(EventCondition event) {
            ObjectNode node = typed("event");
            if (!event.did()) {
                node.put("did", false);
            }
            node.put("event", event.event());
            if (!event.where().isEmpty()) {
                node.set("where", list(event.where()));
            }
            comparison(node, event.comparison());
            window(node, event.window());
            return node;
        }

        @Override
        public ObjectNode visitSequence(SequenceCondition sequence) {
            ObjectNode node = typed("sequence");
            ArrayNode steps = node.putArray("steps");
            for (SequenceCondition.Step step : sequence.steps()) {
                ObjectNode s = steps.addObject();
                s.put("event", step.event());
                if (!step.where().isEmpty()) {
                    s.set("where", list(step.where()));
                }
            }
            if (sequence.within() != null) {
                ObjectNode within = node.putObject("within");
                within.put("value", sequence.within().value());
                within.put("unit", sequence.within().unit().jsonName());
            }
            if (sequence.without() != null) {
                node.put("without", sequence.without());
            }
            window(node, sequence.window());
            return node;
        }

        @Override
        public ObjectNode visitMembership(MembershipCondition membership) {
            String kind = membership.kind().jsonName();
            ObjectNode node = typed(kind);
            node.put(kind, membership.name());
            if (!membership.in()) {
                node.put("in", false);
            }
            return node;
        }

        private ArrayNode list(List<Condition> conditions) {
            ArrayNode array = NODES.arrayNode();
            conditions.forEach(c -> array.add(c.accept(this)));
            return array;
        }

        private static JsonNode value(Object v) {
            if (v instanceof BigDecimal d) {
                return NODES.numberNode(d);
            }
            if (v instanceof Boolean b) {
                return NODES.booleanNode(b);
            }
            return NODES.textNode((String) v);
        }

        private static void comparison(ObjectNode node, Comparison comparison) {
            node.put("op", comparison.op().jsonName());
            if (comparison.values().size() == 1 && comparison.op() != Operator.BETWEEN) {
                node.set("value", NODES.numberNode(comparison.values().get(0)));
            } else {
                ArrayNode array = node.putArray("values");
                comparison.values().forEach(v -> array.add(NODES.numberNode(v)));
            }
        }

        private static void window(ObjectNode node, Window window) {
            if (window.isAllTime()) {
                return;
            }
            ObjectNode w = node.putObject("window");
            if (window.isRelative()) {
                w.put("last", window.last());
                w.put("unit", window.unit().jsonName());
                return;
            }
            if (window.from() != null) {
                w.put("from", window.from().toString());
            }
            if (window.to() != null) {
                w.put("to", window.to().toString());
            }
        }
    }
}
