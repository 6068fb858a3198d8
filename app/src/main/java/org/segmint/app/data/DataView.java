package org.segmint.app.data;

import java.text.NumberFormat;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.segmint.app.shell.Icons;
import org.segmint.app.shell.Styles;
import org.segmint.model.catalog.Field;
import org.segmint.persistence.workspace.AsOfSetting;

/** The Data page's nodes: tables with row counts, the selected table's attributes, the as-of setting. */
public final class DataView extends VBox {
    private final TableView<TableSummary> tables = new TableView<>();

    public DataView(DataViewModel model, HierarchyViewModel hierarchy, Runnable importCsv, Runnable uploadList) {
        getStyleClass().add(Styles.PAGE);

        Label title = new Label("Data");
        title.getStyleClass().add(Styles.TITLE);
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(18, 18);
        loading.visibleProperty().bind(model.loadingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button importButton = new Button("Import…", Icons.icon(Icons.IMPORT, 14));
        importButton.getStyleClass().add(Styles.ACCENT);
        importButton.setId("import-csv");
        importButton.setOnAction(e -> importCsv.run());
        Button listButton = new Button("Upload list…");
        listButton.setId("upload-list");
        listButton.setTooltip(new javafx.scene.control.Tooltip("Upload a CSV file of customer ids or emails as a"
                + " named list, for the condition \"In uploaded list\""));
        listButton.setOnAction(e -> uploadList.run());
        HBox header = new HBox(12, title, loading, spacer, listButton, importButton);
        header.getStyleClass().add(Styles.PAGE_HEADER);

        Label hint = new Label("Your customer data: one row per customer in Customers, with orders, order items and"
                + " events. Import CSV files to add or replace data; the customer metrics are recomputed after"
                + " every import.");
        hint.getStyleClass().add(Styles.MUTED);
        hint.setWrapText(true);

        tables.setId("data-tables");
        tables.setItems(model.tables());
        tables.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TableSummary, String> name = new TableColumn<>("Table");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        TableColumn<TableSummary, Number> rows = new TableColumn<>("Rows");
        rows.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rows()));
        rows.setCellFactory(c -> numberCell());
        TableColumn<TableSummary, Number> attrs = new TableColumn<>("Attributes");
        attrs.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().attributes()));
        attrs.setCellFactory(c -> numberCell());
        name.setPrefWidth(200);
        rows.setPrefWidth(100);
        attrs.setPrefWidth(90);
        tables.getColumns().add(name);
        tables.getColumns().add(rows);
        tables.getColumns().add(attrs);
        tables.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) {
                model.selectedTableProperty().set(t);
            }
        });
        model.selectedTableProperty().addListener((o, a, t) -> {
            if (t != null && tables.getSelectionModel().getSelectedItem() != t) {
                tables.getSelectionModel().select(t);
            }
        });
        tables.setPlaceholder(new Label("No tables yet. Import a CSV file to start."));
        tables.setPrefWidth(380);

        TableView<Field> attributes = new TableView<>(model.attributes());
        attributes.setId("data-attributes");
        attributes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Field, String> label = new TableColumn<>("Attribute");
        label.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        TableColumn<Field, String> column = new TableColumn<>("Column");
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().column()));
        TableColumn<Field, String> type = new TableColumn<>("Type");
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().type().jsonName()));
        attributes.getColumns().add(label);
        attributes.getColumns().add(column);
        attributes.getColumns().add(type);
        attributes.setPlaceholder(new Label("Select a table to see its attributes."));

        VBox left = section("Tables", tables);
        left.setPrefWidth(420);
        left.setMinWidth(320);
        VBox right = section("Attributes", attributes);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox lists = new HBox(16, left, right);
        VBox.setVgrow(lists, Priority.ALWAYS);

        VBox asOf = asOfCard(model);
        VBox levels = hierarchyCard(hierarchy);
        HBox.setHgrow(asOf, Priority.ALWAYS);
        HBox.setHgrow(levels, Priority.ALWAYS);
        asOf.setPrefWidth(1);
        levels.setPrefWidth(1);
        getChildren().addAll(header, hint, new HBox(16, asOf, levels), lists);
    }

    private static VBox asOfCard(DataViewModel model) {
        Label title = new Label("As-of date");
        title.getStyleClass().add(Styles.SUBTITLE);
        ComboBox<AsOfSetting.Mode> mode = new ComboBox<>();
        mode.setId("as-of-mode");
        mode.getItems().setAll(AsOfSetting.Mode.LATEST, AsOfSetting.Mode.TODAY, AsOfSetting.Mode.FIXED);
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(AsOfSetting.Mode m) {
                if (m == null) {
                    return "";
                }
                switch (m) {
                    case TODAY:
                        return "Today";
                    case FIXED:
                        return "A fixed date";
                    default:
                        return "Latest date in the data";
                }
            }

            @Override
            public AsOfSetting.Mode fromString(String s) {
                return null;
            }
        });
        mode.valueProperty().bindBidirectional(model.asOfModeProperty());
        DatePicker date = new DatePicker();
        date.valueProperty().bindBidirectional(model.asOfDateProperty());
        date.visibleProperty().bind(model.asOfModeProperty().isEqualTo(AsOfSetting.Mode.FIXED));
        date.managedProperty().bind(date.visibleProperty());
        Button apply = new Button("Apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(model.asOfDirtyProperty().not().or(model.loadingProperty()));
        apply.setOnAction(e -> model.applyAsOf());
        Button revert = new Button("Revert");
        revert.disableProperty().bind(model.asOfDirtyProperty().not());
        revert.setOnAction(e -> model.revertAsOf());
        Label text = new Label();
        text.textProperty().bind(model.asOfTextProperty());
        text.getStyleClass().add(Styles.MUTED);
        text.setWrapText(true);
        HBox controls = new HBox(8, mode, date, apply, revert);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(8, title, controls, text);
        card.getStyleClass().add(Styles.CARD);
        return card;
    }

    private static VBox hierarchyCard(HierarchyViewModel model) {
        Label title = new Label("Households and accounts");
        title.getStyleClass().add(Styles.SUBTITLE);
        ComboBox<String> first = new ComboBox<>(model.columns());
        first.setId("hierarchy-first");
        first.valueProperty().bindBidirectional(model.firstProperty());
        ComboBox<String> second = new ComboBox<>(model.columns());
        second.setId("hierarchy-second");
        second.valueProperty().bindBidirectional(model.secondProperty());
        Button apply = new Button("Apply");
        apply.setId("hierarchy-apply");
        apply.setOnAction(e -> model.apply());
        Label text = new Label();
        text.textProperty().bind(model.textProperty());
        text.getStyleClass().add(Styles.MUTED);
        text.setWrapText(true);
        HBox controls = new HBox(8, new Label("Households"), first, new Label("Accounts"), second, apply);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(8, title, controls, text);
        card.getStyleClass().add(Styles.CARD);
        return card;
    }

    private static VBox section(String title, TableView<?> table) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.SUBTITLE);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, label, table);
        box.getStyleClass().add(Styles.SECTION);
        return box;
    }

    private static <S> TableCell<S, Number> numberCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : NumberFormat.getIntegerInstance(Locale.US).format(item));
                if (!getStyleClass().contains(Styles.NUMBER)) {
                    getStyleClass().add(Styles.NUMBER);
                }
            }
        };
    }
}
