package org.segmint.app.groups;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.segmint.app.task.LatestTask;
import org.segmint.app.task.Tasks;
import org.segmint.app.shell.UserMessages;
import org.segmint.persistence.group.BatchOperation;

/**
 * Batch operation on the chosen group's members: set an attribute, add or remove a tag, record an event. The
 * preview says how many customers will change before anything does; Undo on the page takes it back.
 */
final class BatchDialog {
    private static final List<String> KINDS = List.of("Set an attribute", "Add a tag", "Remove a tag",
            "Record an event");

    private BatchDialog() {
    }

    static void show(GroupsViewModel vm, Node owner) {
        GroupRow group = vm.selectedProperty().get();
        if (group == null) {
            return;
        }
        DialogForm form = new DialogForm(owner, "Batch operation", "Change the data of the "
                + String.format("%,d", group.customers()) + " customers of '" + group.name() + "'", "Apply");
        ChoiceBox<String> kind = new ChoiceBox<>();
        kind.getItems().setAll(KINDS);
        kind.setValue(KINDS.get(1));
        kind.setId("batch-kind");
        ComboBox<String> attribute = new ComboBox<>();
        attribute.getItems().setAll(vm.service().attributes());
        attribute.setId("batch-attribute");
        TextField value = new TextField();
        value.setPromptText("the value, tag or event type");
        value.setId("batch-value");
        form.field("Operation", kind).field("Attribute", attribute).field("Value / tag / event", value);
        attribute.disableProperty().bind(kind.valueProperty().isNotEqualTo(KINDS.get(0)));
        LatestTask previews = new LatestTask();
        Runnable preview = () -> {
            BatchOperation op = operation(kind.getValue(), attribute.getValue(), value.getText());
            form.setActionEnabled(op != null);
            if (op == null) {
                form.preview.setText("Choose what to change.");
                return;
            }
            previews.run(Tasks.create(ctx -> vm.service().preview(group.name(), op))
                    .onSuccess(r -> form.preview.setText(String.format("%s: %,d of %,d customers will change.",
                            r.description(), r.changed(), r.customers())))
                    .onError(e -> {
                        form.preview.setText(UserMessages.message(e));
                        form.setActionEnabled(false);
                    }), vm.executor());
        };
        kind.valueProperty().addListener(o -> preview.run());
        attribute.valueProperty().addListener(o -> preview.run());
        value.textProperty().addListener(o -> preview.run());
        preview.run();
        if (form.showAndWait()) {
            BatchOperation op = operation(kind.getValue(), attribute.getValue(), value.getText());
            vm.change(() -> vm.service().apply(group.name(), op), r -> String.format("%s on '%s': %,d of %,d"
                    + " customers changed (Undo takes it back)", r.description(), r.group(), r.changed(),
                    r.customers()), group.name());
        }
        previews.cancel();
    }

    /** The operation the fields describe, or null while incomplete. */
    static BatchOperation operation(String kind, String attribute, String value) {
        String v = value == null ? "" : value.strip();
        if (KINDS.get(0).equals(kind)) {
            return attribute == null ? null : BatchOperation.attribute(attribute, value == null ? "" : value);
        }
        if (v.isEmpty()) {
            return null;
        }
        if (KINDS.get(1).equals(kind)) {
            return BatchOperation.tagAdd(v);
        }
        return KINDS.get(2).equals(kind) ? BatchOperation.tagRemove(v) : BatchOperation.event(v);
    }
}
