package org.segmint.app.export;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.AppIcon;
import org.segmint.app.shell.Styles;
import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;
import org.segmint.model.catalog.Field;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.hierarchy.Representative;
import org.segmint.model.segment.Condition;

/** The window that exports a segment's customers: a column chooser, BOM option, progress and result. */
public final class ExportMembersDialog {
    private final ExportMembersViewModel model;
    private final AppContext context;
    private final Stage stage = new Stage();

    public ExportMembersDialog(AppContext context, ExportMembersViewModel model, Window owner) {
        this.context = context;
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export customers of " + model.title());
        stage.getIcons().setAll(AppIcon.all());
        Scene scene = new Scene(content(), 760, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> model.cancel());
    }

    /** Export of a saved segment (Segments page). */
    public static ExportMembersDialog showForSegment(AppContext context, String segmentName, Window owner) {
        return show(context, ExportMembersViewModel.forSegment(context, segmentName), owner);
    }

    /** Export of the definition being edited (segment editor). */
    public static ExportMembersDialog showForDefinition(AppContext context, String title, Condition definition,
                                                       Window owner) {
        return show(context, ExportMembersViewModel.forDefinition(context, title, definition), owner);
    }

    /** Export of the definition being edited with these columns first chosen (the Customers tab's). */
    public static ExportMembersDialog showForDefinition(AppContext context, String title, Condition definition,
                                                       List<Field> columns, Window owner) {
        return show(context, ExportMembersViewModel.forDefinition(context, title, definition).withColumns(columns),
                owner);
    }

    public ExportMembersViewModel model() {
        return model;
    }

    private static ExportMembersDialog show(AppContext context, ExportMembersViewModel model, Window owner) {
        ExportMembersDialog dialog = new ExportMembersDialog(context, model, owner);
        dialog.stage.show();
        model.load();
        return dialog;
    }

    public Stage stage() {
        return stage;
    }

    private VBox content() {
        Label title = new Label("Export customers of " + model.title());
        title.getStyleClass().add(Styles.TITLE);
        Label hint = new Label("Pick the columns of the CSV file. It has a header row and one row per customer.");
        hint.getStyleClass().add(Styles.MUTED);

        TextField search = new TextField();
        search.setPromptText("Search attributes");
        search.textProperty().bindBidirectional(model.searchProperty());
        ListView<Field> available = fieldList(model.available());
        available.setId("export-available");
        ListView<Field> chosen = fieldList(model.chosen());
        chosen.setId("export-chosen");
        available.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.add(available.getSelectionModel().getSelectedItem());
            }
        });
        chosen.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.remove(chosen.getSelectionModel().getSelectedItem());
            }
        });
        Button add = new Button("Add →");
        add.setMaxWidth(Double.MAX_VALUE);
        add.setOnAction(e -> model.add(available.getSelectionModel().getSelectedItem()));
        Button remove = new Button("← Remove");
        remove.setMaxWidth(Double.MAX_VALUE);
        remove.setOnAction(e -> model.remove(chosen.getSelectionModel().getSelectedItem()));
        Button up = new Button("Move up");
        up.setMaxWidth(Double.MAX_VALUE);
        up.setOnAction(e -> moveSelected(chosen, -1));
        Button down = new Button("Move down");
        down.setMaxWidth(Double.MAX_VALUE);
        down.setOnAction(e -> moveSelected(chosen, 1));
        VBox buttons = new VBox(8, add, remove, up, down);
        buttons.setAlignment(Pos.CENTER);
        buttons.setMinWidth(110);

        VBox left = new VBox(6, small("Attributes"), search, available);
        VBox right = new VBox(6, small("Columns in the file, in order"), chosen);
        VBox.setVgrow(available, Priority.ALWAYS);
        VBox.setVgrow(chosen, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox lists = new HBox(12, left, buttons, right);
        VBox.setVgrow(lists, Priority.ALWAYS);

        CheckBox bom = new CheckBox("Add a byte-order mark (helps spreadsheet programs read accents)");
        bom.selectedProperty().bindBidirectional(model.bomProperty());
        CheckBox safe = new CheckBox("Protect spreadsheets: start cells beginning with = + - @ with an apostrophe");
        safe.selectedProperty().bindBidirectional(model.safeCellsProperty());
        HBox perRow = perRow();

        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.exportingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label result = new Label();
        result.setId("export-result");
        result.textProperty().bind(model.resultProperty());
        result.setWrapText(true);
        Hyperlink open = new Hyperlink("Open the file");
        open.visibleProperty().bind(model.writtenFileProperty().isNotNull());
        open.managedProperty().bind(open.visibleProperty());
        open.setOnAction(e -> model.openWrittenFile());

        Button cancel = new Button("Cancel export");
        cancel.visibleProperty().bind(model.exportingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.disableProperty().bind(model.exportingProperty());
        close.setOnAction(e -> stage.close());
        Button export = new Button("Export…");
        export.setId("export-run");
        export.getStyleClass().add(Styles.ACCENT);
        export.setDefaultButton(true);
        export.disableProperty().bind(model.exportingProperty().or(javafx.beans.binding.Bindings.isEmpty(
                model.chosen())));
        export.setOnAction(e -> context.dialogs().chooseFileToSave("Export customers",
                        safe(model.title()) + ".csv", "CSV files", List.of("*.csv"))
                .ifPresent(model::export));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(10, progress, result, open, spacer, cancel, close, export);
        footer.setAlignment(Pos.CENTER_LEFT);

        VBox root = new VBox(12, title, hint, lists, perRow, bom, safe, footer);
        root.getStyleClass().addAll(Styles.PAGE, Styles.DIALOG);
        return root;
    }

    /** "One row per" customer or parent level, and who represents a parent (householding). */
    private HBox perRow() {
        ChoiceBox<HierarchyLevel> level = new ChoiceBox<>(model.levels());
        level.setId("export-level");
        level.valueProperty().bindBidirectional(model.levelProperty());
        level.setConverter(new StringConverter<>() {
            @Override
            public String toString(HierarchyLevel l) {
                return l == null ? "" : l.isCustomer() ? "customer" : l.label();
            }

            @Override
            public HierarchyLevel fromString(String s) {
                return null;
            }
        });
        ChoiceBox<Representative> rule = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(
                Representative.values()));
        rule.setId("export-representative");
        rule.valueProperty().bindBidirectional(model.representativeProperty());
        rule.setConverter(new StringConverter<>() {
            @Override
            public String toString(Representative r) {
                if (r == null) {
                    return "";
                }
                switch (r) {
                    case RECENT:
                        return "the most recent order";
                    case OLDEST:
                        return "the earliest first order";
                    default:
                        return "the highest lifetime revenue";
                }
            }

            @Override
            public Representative fromString(String s) {
                return null;
            }
        });
        Label represented = new Label("represented by the member with");
        Label size = new Label("(plus its parent id and size; ties go to the smallest customer id)");
        size.getStyleClass().add(Styles.MUTED);
        for (javafx.scene.Node n : List.of(rule, represented, size)) {
            n.visibleProperty().bind(model.levelProperty().isNotEqualTo(HierarchyLevel.CUSTOMER)
                    .and(model.levelProperty().isNotNull()));
            n.managedProperty().bind(n.visibleProperty());
        }
        HBox box = new HBox(8, new Label("One row per"), level, represented, rule, size);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(javafx.beans.binding.Bindings.size(model.levels()).greaterThan(1));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void moveSelected(ListView<Field> list, int delta) {
        Field f = list.getSelectionModel().getSelectedItem();
        model.moveChosen(f, delta);
        list.getSelectionModel().select(f);
    }

    private static Label small(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.SUBTITLE);
        return l;
    }

    private static ListView<Field> fieldList(javafx.collections.ObservableList<Field> items) {
        ListView<Field> list = new ListView<>(items);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Field f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.label() + "  ·  " + f.table() + ", " + f.type().jsonName());
                setTooltip(empty || f == null ? null : new javafx.scene.control.Tooltip(f.id()));
            }
        });
        return list;
    }

    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._ -]+", "_").trim();
        return s.isEmpty() ? "customers" : s;
    }
}
