package org.segmint.app.editor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.TimeUnit;

/** The editor of one attribute condition: field, operator, and the value inputs the operator needs. */
final class AttributeEditor {
    private AttributeEditor() {
    }

    static FlowPane build(EditorContext context, AttributeCondition condition, Consumer<AttributeCondition> onChange) {
        FlowPane pane = new FlowPane(6, 4);
        pane.getStyleClass().add("sg-attribute-editor");
        Label field = new Label(context.label(condition.field()));
        field.getStyleClass().add("sg-field-name");
        pane.getChildren().add(field);
        FieldType type = context.catalog().field(condition.field()).map(Field::type).orElse(FieldType.TEXT);
        pane.getChildren().add(Inputs.choice(AttributeOperators.forType(type), condition.op(), Operator::label,
                op -> onChange.accept(AttributeOperators.withOperator(condition, op))));
        pane.getChildren().addAll(values(context, condition, type, onChange));
        return pane;
    }

    private static List<Node> values(EditorContext context, AttributeCondition c, FieldType type,
                                     Consumer<AttributeCondition> onChange) {
        Operator op = c.op();
        List<Node> nodes = new ArrayList<>();
        if (op.arity() == 0) {
            return nodes;
        }
        if (AttributeOperators.isRelative(op)) {
            nodes.add(Inputs.number(number(c, 0), n -> onChange.accept(withValues(c, n))));
            if (op == Operator.ANNIVERSARY_IN_NEXT) {
                nodes.add(Inputs.words("days"));
            } else {
                nodes.add(Inputs.choice(Arrays.asList(TimeUnit.values()), c.unit() == null ? TimeUnit.DAYS : c.unit(),
                        TimeUnit::jsonName, u -> onChange.accept(c.withUnit(u))));
            }
            return nodes;
        }
        if (op.arity() == -1) {
            nodes.add(ValueListEditor.build(context, c, onChange));
            return nodes;
        }
        int inputs = op.arity();
        for (int i = 0; i < inputs; i++) {
            if (i == 1) {
                nodes.add(Inputs.words("and"));
            }
            nodes.add(input(context, c, type, i, onChange));
        }
        return nodes;
    }

    private static Node input(EditorContext context, AttributeCondition c, FieldType type, int index,
                              Consumer<AttributeCondition> onChange) {
        if (type.isNumeric()) {
            return Inputs.number(number(c, index), n -> onChange.accept(withValue(c, index, n)));
        }
        if (type.isTemporal()) {
            return Inputs.date(text(c, index), d -> onChange.accept(withValue(c, index, d)));
        }
        if (type == FieldType.TEXT && (c.op() == Operator.EQ || c.op() == Operator.NE)) {
            return Inputs.pickList(context, text(c, index),
                    () -> context.choices().distinctValues(c.field(), "", 200),
                    v -> onChange.accept(withValue(c, index, v)));
        }
        return Inputs.text(text(c, index), v -> onChange.accept(withValue(c, index, v)));
    }

    static BigDecimal number(AttributeCondition c, int index) {
        if (c.values().size() <= index) {
            return null;
        }
        Object v = c.values().get(index);
        if (v instanceof BigDecimal b) {
            return b;
        }
        try {
            return new BigDecimal(String.valueOf(v));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(AttributeCondition c, int index) {
        return c.values().size() <= index ? "" : String.valueOf(c.values().get(index));
    }

    private static AttributeCondition withValues(AttributeCondition c, Object... values) {
        return new AttributeCondition(c.field(), c.op(), List.of(values), c.unit());
    }

    /** Sets value {@code index}, filling earlier missing values with the new one so the list has no gaps. */
    private static AttributeCondition withValue(AttributeCondition c, int index, Object value) {
        List<Object> values = new ArrayList<>(c.values());
        while (values.size() <= index) {
            values.add(value);
        }
        values.set(index, value);
        return new AttributeCondition(c.field(), c.op(), values, c.unit());
    }

    static Button smallButton(String text, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add("sg-small-button");
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        return button;
    }
}
