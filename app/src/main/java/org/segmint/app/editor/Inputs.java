package org.segmint.app.editor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/** The small inputs condition editors are built from. Each commits on Enter or when it loses focus. */
final class Inputs {
    static final String INPUT_ERROR = "sg-input-error";

    private Inputs() {
    }

    static Label words(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("sg-condition-words");
        return label;
    }

    /** A number field; an unreadable entry is outlined and not committed. */
    static TextField number(BigDecimal value, Consumer<BigDecimal> onCommit) {
        TextField field = new TextField(value == null ? "" : value.toPlainString());
        field.setPrefColumnCount(6);
        field.getStyleClass().add("sg-number");
        Runnable commit = () -> {
            String text = field.getText().trim().replace(",", "");
            try {
                BigDecimal parsed = new BigDecimal(text);
                field.getStyleClass().remove(INPUT_ERROR);
                if (value == null || parsed.compareTo(value) != 0) {
                    onCommit.accept(parsed);
                }
            } catch (NumberFormatException e) {
                if (!field.getStyleClass().contains(INPUT_ERROR)) {
                    field.getStyleClass().add(INPUT_ERROR);
                }
            }
        };
        onCommit(field, commit);
        return field;
    }

    /** A text field committing its trimmed text. */
    static TextField text(String value, Consumer<String> onCommit) {
        TextField field = new TextField(value == null ? "" : value);
        field.setPrefColumnCount(10);
        onCommit(field, () -> {
            if (!field.getText().equals(value == null ? "" : value)) {
                onCommit.accept(field.getText());
            }
        });
        return field;
    }

    /** A date picker over an ISO date text (how dates are kept in definitions). */
    static DatePicker date(String iso, Consumer<String> onCommit) {
        DatePicker picker = new DatePicker(parseDate(iso));
        picker.setPrefWidth(130);
        picker.setEditable(true);
        picker.valueProperty().addListener((obs, old, value) -> {
            if (value != null && !value.toString().equals(iso)) {
                onCommit.accept(value.toString());
            }
        });
        return picker;
    }

    static LocalDate parseDate(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A drop-down of fixed choices shown with {@code label}. */
    static <T> ComboBox<T> choice(List<T> items, T selected, Function<T, String> label, Consumer<T> onChange) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : label.apply(item);
            }

            @Override
            public T fromString(String text) {
                return items.stream().filter(i -> label.apply(i).equals(text)).findFirst().orElse(null);
            }
        });
        box.setValue(selected);
        box.valueProperty().addListener((obs, old, value) -> {
            if (value != null && !value.equals(selected)) {
                onChange.accept(value);
            }
        });
        return box;
    }

    /**
     * An editable drop-down whose items load off the FX thread when it opens (distinct values, event
     * types, saved names); the user may also type a value that is not listed.
     */
    static ComboBox<String> pickList(EditorContext context, String value, Supplier<List<String>> items,
                                     Consumer<String> onCommit) {
        ComboBox<String> box = new ComboBox<>();
        box.setEditable(true);
        box.setPrefWidth(170);
        box.setValue(value == null ? "" : value);
        box.setPromptText("choose…");
        if (value == null || value.isEmpty()) {
            box.getStyleClass().add("sg-empty-choice");
        }
        box.setOnShowing(e -> context.load(items, loaded -> box.getItems().setAll(loaded)));
        Runnable commit = () -> {
            String chosen = box.getEditor().getText() == null ? "" : box.getEditor().getText().trim();
            if (!chosen.equals(value == null ? "" : value)) {
                onCommit.accept(chosen);
            }
        };
        box.setOnAction(e -> commit.run());
        box.getEditor().focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commit.run();
            }
        });
        return box;
    }

    private static void onCommit(TextField field, Runnable commit) {
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commit.run();
            }
        });
    }
}
