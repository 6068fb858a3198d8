package org.segmint.app.editor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.SequenceCondition.Step;
import org.segmint.model.segment.SequenceCondition.Within;
import org.segmint.model.segment.TimeUnit;

/** The editor of an event sequence: ordered steps, "within", "without" and the window of the first step. */
final class SequenceEditor {
    private SequenceEditor() {
    }

    static VBox build(EditorContext context, SequenceCondition c, Consumer<Condition> onChange) {
        VBox box = new VBox(4);
        for (int i = 0; i < c.steps().size(); i++) {
            int index = i;
            Step step = c.steps().get(i);
            HBox row = new HBox(6);
            row.getChildren().add(Inputs.words(i == 0 ? "Did" : "then"));
            row.getChildren().add(Inputs.pickList(context, step.event(), () -> context.choices().eventTypes(),
                    e -> onChange.accept(withStep(c, index, new Step(e, step.where())))));
            row.getChildren().add(BehaviourEditors.filters(context, step.where(), BehaviourEditors.eventFields(context),
                    "+ filter", where -> onChange.accept(withStep(c, index, new Step(step.event(), where)))));
            if (c.steps().size() > 2) {
                row.getChildren().add(AttributeEditor.smallButton("✕", "Remove this step", () -> {
                    List<Step> steps = new ArrayList<>(c.steps());
                    steps.remove(index);
                    onChange.accept(new SequenceCondition(steps, c.within(), c.without(), c.window()));
                }));
            }
            box.getChildren().add(row);
        }
        FlowPane options = new FlowPane(6, 4);
        options.getChildren().add(AttributeEditor.smallButton("+ step", "Add a step at the end", () -> {
            List<Step> steps = new ArrayList<>(c.steps());
            steps.add(Step.of(c.steps().isEmpty() ? "" : c.steps().get(c.steps().size() - 1).event()));
            onChange.accept(new SequenceCondition(steps, c.within(), c.without(), c.window()));
        }));
        CheckBox limit = new CheckBox("within");
        limit.setSelected(c.within() != null);
        limit.selectedProperty().addListener((obs, was, is) -> onChange.accept(new SequenceCondition(c.steps(),
                is ? new Within(7, TimeUnit.DAYS) : null, c.without(), c.window())));
        options.getChildren().add(limit);
        if (c.within() != null) {
            options.getChildren().add(Inputs.number(BigDecimal.valueOf(c.within().value()), n -> onChange.accept(
                    new SequenceCondition(c.steps(), new Within(n.intValue(), c.within().unit()), c.without(),
                            c.window()))));
            options.getChildren().add(Inputs.choice(Arrays.asList(TimeUnit.values()), c.within().unit(),
                    TimeUnit::jsonName, u -> onChange.accept(new SequenceCondition(c.steps(),
                            new Within(c.within().value(), u), c.without(), c.window()))));
        }
        options.getChildren().add(Inputs.words("without in between"));
        options.getChildren().add(Inputs.pickList(context, c.without(), () -> context.choices().eventTypes(),
                e -> onChange.accept(new SequenceCondition(c.steps(), c.within(), e, c.window()))));
        options.getChildren().add(Inputs.words("first step"));
        options.getChildren().add(WindowEditor.window(c.window(),
                w -> onChange.accept(new SequenceCondition(c.steps(), c.within(), c.without(), w))));
        box.getChildren().add(options);
        return box;
    }

    private static SequenceCondition withStep(SequenceCondition c, int index, Step step) {
        List<Step> steps = new ArrayList<>(c.steps());
        steps.set(index, step);
        return new SequenceCondition(steps, c.within(), c.without(), c.window());
    }
}
