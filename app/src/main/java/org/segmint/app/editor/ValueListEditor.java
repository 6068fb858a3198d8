package org.segmint.app.editor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;

/**
 * Values of "is one of" / "is not one of": a comma-separated text field and a "Pick…" dialog listing the
 * field's distinct values with a search box and multiple selection.
 */
final class ValueListEditor {
    private ValueListEditor() {
    }

    static HBox build(EditorContext context, AttributeCondition c, Consumer<AttributeCondition> onChange) {
        boolean numeric = context.catalog().field(c.field()).map(Field::type).map(FieldType::isNumeric)
                .orElse(false);
        List<String> current = c.values().stream().map(ValueListEditor::text).toList();
        TextField field = Inputs.text(String.join(", ", current), text -> onChange.accept(
                with(c, split(text), numeric)));
        field.setPrefColumnCount(16);
        field.setPromptText("values, comma-separated");
        Button pick = AttributeEditor.smallButton("Pick…", "Choose from the values in the data", () -> {
            List<String> chosen = pick(context, c.field(), current);
            if (chosen != null) {
                onChange.accept(with(c, chosen, numeric));
            }
        });
        HBox box = new HBox(4, field, pick);
        box.getStyleClass().add("sg-value-list");
        return box;
    }

    private static String text(Object v) {
        return v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v);
    }

    private static List<String> split(String text) {
        Set<String> values = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            if (!part.trim().isEmpty()) {
                values.add(part.trim());
            }
        }
        return new ArrayList<>(values);
    }

    private static AttributeCondition with(AttributeCondition c, List<String> values, boolean numeric) {
        List<Object> typed = new ArrayList<>();
        for (String v : values) {
            if (numeric) {
                try {
                    typed.add(new BigDecimal(v));
                } catch (NumberFormatException e) {
                    // Kept as text so the engine reports it in place instead of it silently vanishing.
                    typed.add(v);
                }
            } else {
                typed.add(v);
            }
        }
        return new AttributeCondition(c.field(), c.op(), typed, c.unit());
    }

    /** The values chosen in the dialog, or null when it was cancelled. */
    private static List<String> pick(EditorContext context, String fieldId, List<String> current) {
        ObservableList<String> all = FXCollections.observableArrayList();
        FilteredList<String> shown = new FilteredList<>(all);
        ListView<String> list = new ListView<>(shown);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPrefHeight(320);
        TextField search = new TextField();
        search.setPromptText("Search values");
        search.textProperty().addListener((obs, old, text) -> shown.setPredicate(
                v -> v.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))));
        context.load(() -> context.choices().distinctValues(fieldId, "", 2000), values -> {
            Set<String> merged = new LinkedHashSet<>(current);
            merged.addAll(values);
            all.setAll(merged);
            for (String v : current) {
                list.getSelectionModel().select(v);
            }
        });
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Choose values of " + context.label(fieldId));
        dialog.getDialogPane().setContent(new VBox(8, search, list));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        return dialog.showAndWait().filter(b -> b == ButtonType.OK)
                .map(b -> List.copyOf(list.getSelectionModel().getSelectedItems())).orElse(null);
    }
}
