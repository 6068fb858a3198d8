package org.segmint.app.editor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;

/** Inputs for a behaviour's time window and its count comparison. */
final class WindowEditor {
    private enum Kind {
        EVER("ever"), LAST("in the last"), BETWEEN("between");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private WindowEditor() {
    }

    static HBox window(Window window, Consumer<Window> onChange) {
        Kind kind = window.isRelative() ? Kind.LAST : window.isAllTime() ? Kind.EVER : Kind.BETWEEN;
        List<Node> nodes = new ArrayList<>();
        nodes.add(Inputs.choice(Arrays.asList(Kind.values()), kind, k -> k.label, k -> {
            if (k == Kind.EVER) {
                onChange.accept(Window.ALL_TIME);
            } else if (k == Kind.LAST) {
                onChange.accept(Window.last(90, TimeUnit.DAYS));
            } else {
                onChange.accept(Window.between(null, null));
            }
        }));
        if (kind == Kind.LAST) {
            nodes.add(Inputs.number(BigDecimal.valueOf(window.last()),
                    n -> onChange.accept(Window.last(n.intValue(), window.unit()))));
            nodes.add(Inputs.choice(Arrays.asList(TimeUnit.values()), window.unit(), TimeUnit::jsonName,
                    u -> onChange.accept(Window.last(window.last(), u))));
        } else if (kind == Kind.BETWEEN) {
            nodes.add(Inputs.date(window.from() == null ? null : window.from().toString(),
                    d -> onChange.accept(Window.between(Inputs.parseDate(d), window.to()))));
            nodes.add(Inputs.words("and"));
            nodes.add(Inputs.date(window.to() == null ? null : window.to().toString(),
                    d -> onChange.accept(Window.between(window.from(), Inputs.parseDate(d)))));
        }
        HBox box = new HBox(6);
        box.getStyleClass().add("sg-window");
        box.getChildren().addAll(nodes);
        return box;
    }

    static HBox comparison(Comparison comparison, Consumer<Comparison> onChange) {
        HBox box = new HBox(6);
        box.getChildren().add(Inputs.choice(Comparison.OPERATORS, comparison.op(), Operator::label, op -> {
            List<BigDecimal> values = new ArrayList<>(comparison.values());
            while (values.size() < (op == Operator.BETWEEN ? 2 : 1)) {
                values.add(values.isEmpty() ? BigDecimal.ONE : values.get(0));
            }
            onChange.accept(new Comparison(op, op == Operator.BETWEEN ? values.subList(0, 2) : values.subList(0, 1)));
        }));
        int inputs = comparison.op() == Operator.BETWEEN ? 2 : 1;
        for (int i = 0; i < inputs; i++) {
            int index = i;
            if (i == 1) {
                box.getChildren().add(Inputs.words("and"));
            }
            BigDecimal value = comparison.values().size() > i ? comparison.values().get(i) : null;
            box.getChildren().add(Inputs.number(value, n -> {
                List<BigDecimal> values = new ArrayList<>(comparison.values());
                while (values.size() <= index) {
                    values.add(n);
                }
                values.set(index, n);
                onChange.accept(new Comparison(comparison.op(), values));
            }));
        }
        return box;
    }
}
