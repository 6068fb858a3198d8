package org.segmint.app.groups;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.shell.UserMessages;
import org.segmint.app.task.LatestTask;
import org.segmint.app.task.Tasks;
import org.segmint.model.group.SetOperation;

/** Union, intersection or difference of the chosen group and another, previewed, saved as a new static group. */
final class CombineDialog {
    private CombineDialog() {
    }

    static void show(GroupsViewModel vm, Node owner) {
        GroupRow group = vm.selectedProperty().get();
        if (group == null) {
            return;
        }
        DialogForm form = new DialogForm(owner, "Combine groups", "A new static group from '" + group.name()
                + "' and another group", "Create");
        ChoiceBox<SetOperation> op = new ChoiceBox<>();
        op.getItems().setAll(SetOperation.values());
        op.setValue(SetOperation.UNION);
        op.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(SetOperation o) {
                return o == null ? "" : switch (o) {
                    case UNION -> "Union (in either)";
                    case INTERSECTION -> "Intersection (in both)";
                    case DIFFERENCE -> "Difference (in the first, not the second)";
                };
            }

            @Override
            public SetOperation fromString(String s) {
                return null;
            }
        });
        ChoiceBox<String> second = new ChoiceBox<>();
        List<String> others = vm.rows().stream().map(GroupRow::name).filter(n -> !n.equals(group.name())).toList();
        second.getItems().setAll(others);
        if (!others.isEmpty()) {
            second.setValue(others.get(0));
        }
        TextField name = new TextField();
        name.setPromptText("name of the new group");
        form.field("Operation", op).field("With group", second).field("New group", name);
        LatestTask previews = new LatestTask();
        Runnable preview = () -> {
            String other = second.getValue();
            SetOperation o = op.getValue();
            form.setActionEnabled(other != null && !name.getText().isBlank());
            if (other == null) {
                form.preview.setText("There is no other group to combine with.");
                return;
            }
            previews.run(Tasks.create(ctx -> {
                RoaringBitmap a = vm.service().members(group.name());
                return o.apply(a, vm.service().members(other)).getLongCardinality();
            }).onSuccess(n -> form.preview.setText(String.format("The new group will have %,d customers.", n)))
                    .onError(e -> form.preview.setText(UserMessages.message(e))), vm.executor());
        };
        op.valueProperty().addListener(o -> preview.run());
        second.valueProperty().addListener(o -> preview.run());
        name.textProperty().addListener(o -> form.setActionEnabled(second.getValue() != null
                && !name.getText().isBlank()));
        preview.run();
        if (form.showAndWait()) {
            String into = name.getText().strip();
            vm.change(() -> vm.service().combine(op.getValue(), group.name(), second.getValue(), into),
                    g -> String.format("Created '%s': %,d customers (%s)", g.name(), g.customers(), g.description()),
                    into);
        }
        previews.cancel();
    }
}
