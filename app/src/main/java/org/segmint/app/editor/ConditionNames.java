package org.segmint.app.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextInputControl;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.ConditionText;

/**
 * The names a screen reader says for the editor's rows and controls: a condition by its field's label or by what it
 * tests ("Email", "has purchased…"), its place as "2.1", and each input of its editor as "Email: value".
 */
final class ConditionNames {
    private ConditionNames() {
    }

    /** Short words for a condition: an attribute's label, otherwise the condition in words. */
    static String of(Condition c, Catalog catalog) {
        if (c instanceof AttributeCondition a) {
            return catalog.field(a.field()).map(Field::label).orElse(a.field());
        }
        String text = ConditionText.describe(c, id -> catalog.field(id).map(Field::label).orElse(id));
        return text.length() > 60 ? text.substring(0, 57) + "…" : text;
    }

    /** The place of a node in the tree, counted from 1: "2.1" is the first child of the second condition. */
    static String position(List<Integer> path) {
        return path.stream().map(i -> Integer.toString(i + 1)).collect(Collectors.joining("."));
    }

    /**
     * Gives every input of a condition's editor that has no name one: "{@code name}: what it is", with the prompt
     * text when it has one, and a number when several inputs are alike ("Email: value 2").
     */
    static void nameControls(Node editor, String name) {
        Map<String, Integer> seen = new HashMap<>();
        Deque<Node> todo = new ArrayDeque<>(List.of(editor));
        while (!todo.isEmpty()) {
            Node n = todo.poll();
            if (n instanceof Control control && control.getAccessibleText() == null) {
                String kind = kind(control);
                if (kind != null) {
                    int count = seen.merge(kind, 1, Integer::sum);
                    control.setAccessibleText(name + ": " + kind + (count > 1 ? " " + count : ""));
                }
            }
            if (n instanceof Parent p && !(n instanceof ComboBoxBase) && !(n instanceof TextInputControl)) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
    }

    private static String kind(Control control) {
        if (control instanceof DatePicker) {
            return "date";
        }
        if (control instanceof ComboBoxBase<?> box) {
            return box.isEditable() ? "value" : "choice";
        }
        if (control instanceof TextInputControl text) {
            String prompt = text.getPromptText();
            return prompt == null || prompt.isBlank() ? "value" : prompt;
        }
        if (control instanceof ButtonBase button) {
            return button.getText() == null || button.getText().isBlank() ? "button" : button.getText();
        }
        return null;
    }
}
