package org.segmint.app.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.PurchaseCondition;

/** Editors of purchase, event and membership conditions; each rebuilds the condition on every change. */
final class BehaviourEditors {
    private BehaviourEditors() {
    }

    static VBox purchase(EditorContext context, PurchaseCondition c, Consumer<Condition> onChange) {
        FlowPane line = new FlowPane(6, 4);
        line.getChildren().add(Inputs.choice(List.of(true, false), c.has(),
                h -> h ? "Has purchased" : "Has not purchased",
                h -> onChange.accept(new PurchaseCondition(h, c.where(), c.measure(), c.comparison(), c.window()))));
        line.getChildren().add(Inputs.words("with"));
        line.getChildren().add(Inputs.choice(List.of(Measure.values()), c.measure(), Measure::jsonName,
                m -> onChange.accept(new PurchaseCondition(c.has(), c.where(), m, c.comparison(), c.window()))));
        line.getChildren().add(WindowEditor.comparison(c.comparison(),
                k -> onChange.accept(new PurchaseCondition(c.has(), c.where(), c.measure(), k, c.window()))));
        line.getChildren().add(WindowEditor.window(c.window(),
                w -> onChange.accept(new PurchaseCondition(c.has(), c.where(), c.measure(), c.comparison(), w))));
        List<Field> filterFields = new ArrayList<>(context.catalog().fields(Catalog.ORDERS));
        filterFields.addAll(context.catalog().fields(Catalog.ORDER_ITEMS));
        VBox filters = filters(context, c.where(), filterFields, "+ item filter",
                where -> onChange.accept(new PurchaseCondition(c.has(), where, c.measure(), c.comparison(),
                        c.window())));
        return new VBox(4, line, filters);
    }

    static VBox event(EditorContext context, EventCondition c, Consumer<Condition> onChange) {
        FlowPane line = new FlowPane(6, 4);
        line.getChildren().add(Inputs.choice(List.of(true, false), c.did(), d -> d ? "Did" : "Did not do",
                d -> onChange.accept(new EventCondition(d, c.event(), c.where(), c.comparison(), c.window()))));
        line.getChildren().add(Inputs.pickList(context, c.event(), () -> context.choices().eventTypes(),
                e -> onChange.accept(new EventCondition(c.did(), e, c.where(), c.comparison(), c.window()))));
        line.getChildren().add(Inputs.words("count"));
        line.getChildren().add(WindowEditor.comparison(c.comparison(),
                k -> onChange.accept(new EventCondition(c.did(), c.event(), c.where(), k, c.window()))));
        line.getChildren().add(WindowEditor.window(c.window(),
                w -> onChange.accept(new EventCondition(c.did(), c.event(), c.where(), c.comparison(), w))));
        VBox filters = filters(context, c.where(), eventFields(context), "+ property filter",
                where -> onChange.accept(new EventCondition(c.did(), c.event(), where, c.comparison(), c.window())));
        return new VBox(4, line, filters);
    }

    static List<Field> eventFields(EditorContext context) {
        return context.catalog().fields(Catalog.EVENTS).stream()
                .filter(f -> !f.column().equals("event_type") && !f.column().equals("customer_id")
                        && !f.column().equals("ck"))
                .toList();
    }

    static HBox membership(EditorContext context, MembershipCondition c, Consumer<Condition> onChange) {
        String noun = c.kind() == MembershipCondition.Kind.SEGMENT ? "segment"
                : c.kind() == MembershipCondition.Kind.GROUP ? "group" : "list";
        Function<Boolean, String> label = in -> in ? "Is in " + noun : "Is not in " + noun;
        HBox box = new HBox(6);
        box.getChildren().add(Inputs.choice(List.of(true, false), c.in(), label,
                in -> onChange.accept(new MembershipCondition(c.kind(), c.name(), in))));
        box.getChildren().add(Inputs.pickList(context, c.name(), () -> names(context, c.kind()),
                n -> onChange.accept(new MembershipCondition(c.kind(), n, c.in()))));
        ListUploader uploader = context.lists().get();
        if (c.kind() == MembershipCondition.Kind.LIST && uploader != null) {
            javafx.scene.control.Button upload = AttributeEditor.smallButton("Upload…",
                    "Upload a CSV file of customer ids or emails as a new list", () -> { });
            upload.getStyleClass().add("sg-upload-list");
            upload.setAccessibleText("Upload a list of customer ids or emails");
            upload.setOnAction(e -> uploader.upload(upload.getScene() == null ? null : upload.getScene().getWindow())
                    .ifPresent(n -> onChange.accept(new MembershipCondition(c.kind(), n, c.in()))));
            box.getChildren().add(upload);
        }
        return box;
    }

    private static List<String> names(EditorContext context, MembershipCondition.Kind kind) {
        if (kind == MembershipCondition.Kind.SEGMENT) {
            return context.choices().segmentNames();
        }
        return kind == MembershipCondition.Kind.GROUP ? context.choices().groupNames()
                : context.choices().listNames();
    }

    /** The attribute filters of a behaviour, each removable, plus a menu adding one per field. */
    static VBox filters(EditorContext context, List<Condition> where, List<Field> fields, String addText,
                        Consumer<List<Condition>> onChange) {
        VBox box = new VBox(4);
        box.getStyleClass().add("sg-filters");
        for (int i = 0; i < where.size(); i++) {
            int index = i;
            Condition filter = where.get(i);
            HBox row = new HBox(6);
            row.getChildren().add(Inputs.words(i == 0 ? "where" : "and"));
            if (filter instanceof AttributeCondition a) {
                row.getChildren().add(AttributeEditor.build(context, a, changed -> {
                    List<Condition> next = new ArrayList<>(where);
                    next.set(index, changed);
                    onChange.accept(next);
                }));
            } else {
                row.getChildren().add(Inputs.words(filter.toString()));
            }
            row.getChildren().add(AttributeEditor.smallButton("✕", "Remove this filter", () -> {
                List<Condition> next = new ArrayList<>(where);
                next.remove(index);
                onChange.accept(next);
            }));
            box.getChildren().add(row);
        }
        MenuButton add = new MenuButton(addText);
        add.getStyleClass().add("sg-small-button");
        for (Field field : fields) {
            MenuItem item = new MenuItem(field.label() + "  (" + AttributePaletteViewModel.tableTitle(field.table())
                    + ")");
            item.setOnAction(e -> {
                List<Condition> next = new ArrayList<>(where);
                next.add(AttributeOperators.defaultCondition(field));
                onChange.accept(next);
            });
            add.getItems().add(item);
        }
        box.getChildren().add(add);
        return box;
    }
}
