package org.segmint.app.importer;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.AppIcon;
import org.segmint.app.shell.Styles;
import org.segmint.persistence.importing.CsvPreview;
import org.segmint.persistence.importing.FlatImportSummary;
import org.segmint.persistence.importing.ImportMode;
import org.segmint.persistence.importing.ImportSummary;

/** The CSV import window: settings, mapping, preview, then progress and a summary. */
public final class ImportDialog {
    private final ImportViewModel model;
    private final Stage stage = new Stage();
    private final TableView<List<String>> previewGrid = new TableView<>();

    public ImportDialog(ImportViewModel model, Window owner) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle((model.isDatabase() ? "Import from " : "Import ") + model.file().getFileName());
        stage.getIcons().setAll(AppIcon.all());
        BorderPane root = new BorderPane();
        root.getStyleClass().addAll(Styles.PAGE, Styles.DIALOG);
        root.setTop(header());
        root.setCenter(center());
        root.setBottom(footer());
        Scene scene = new Scene(root, 1040, 740);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> model.dispose());
        stage.setOnCloseRequest(e -> {
            if (model.importingProperty().get()) {
                model.cancelImport();
                e.consume();
            }
        });
        model.previewProperty().addListener((o, a, p) -> fillPreview(p));
    }

    /** Asks for a CSV file (or an SQLite database), then shows the dialog for it. */
    public static void chooseAndShow(AppContext context, Window owner) {
        context.dialogs().chooseFileToOpen("Import a CSV file or a table of an SQLite database",
                "CSV and text files, SQLite databases", List.of("*.csv", "*.txt", "*.tsv", "*.sqlite", "*.sqlite3",
                        "*.db", "*.segmint")).ifPresent(file -> show(context, file, owner));
    }

    public static ImportDialog show(AppContext context, Path file, Window owner) {
        ImportViewModel model = new ImportViewModel(context, file);
        ImportDialog dialog = new ImportDialog(model, owner);
        dialog.stage.show();
        model.start();
        return dialog;
    }

    public Stage stage() {
        return stage;
    }

    public ImportViewModel model() {
        return model;
    }

    private VBox header() {
        Label title = new Label("Import " + model.file().getFileName());
        title.getStyleClass().add(Styles.TITLE);
        Label path = new Label(model.file().toAbsolutePath().toString());
        path.getStyleClass().addAll(Styles.MUTED, Styles.SMALL);

        ComboBox<String> delimiter = combo(CsvChoices.DELIMITERS, "import-delimiter");
        delimiter.valueProperty().bindBidirectional(model.delimiterProperty());
        ComboBox<String> quote = combo(CsvChoices.QUOTES, "import-quote");
        quote.valueProperty().bindBidirectional(model.quoteProperty());
        ComboBox<String> encoding = combo(CsvChoices.ENCODINGS, "import-encoding");
        encoding.valueProperty().bindBidirectional(model.encodingProperty());
        CheckBox header = new CheckBox("First row has column names");
        header.selectedProperty().bindBidirectional(model.headerProperty());
        HBox settings = new HBox(10, labelled("Delimiter", delimiter), labelled("Quote", quote),
                labelled("Encoding", encoding), header);
        settings.setAlignment(Pos.BOTTOM_LEFT);
        Label detected = new Label("Detected from the file; change them if the preview looks wrong.");
        detected.getStyleClass().addAll(Styles.MUTED, Styles.SMALL);
        if (model.isDatabase()) {
            ComboBox<String> source = new ComboBox<>(model.sourceTables());
            source.setId("import-source-table");
            source.setAccessibleText("Table of the database to import");
            source.valueProperty().bindBidirectional(model.sourceTableProperty());
            source.setPrefWidth(220);
            settings.getChildren().setAll(labelled("Table of the database", source));
            detected.setText("An SQLite database: choose the table (or view) to import; its columns are mapped"
                    + " below like those of a CSV file.");
        }

        ComboBox<String> table = new ComboBox<>(model.tables());
        table.setId("import-table");
        table.setEditable(true);
        table.valueProperty().bindBidirectional(model.tableProperty());
        table.setPrefWidth(180);
        ComboBox<ImportMode> mode = new ComboBox<>();
        mode.setId("import-mode");
        mode.getItems().setAll(ImportMode.values());
        mode.valueProperty().bindBidirectional(model.modeProperty());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(ImportMode m) {
                if (m == null) {
                    return "";
                }
                switch (m) {
                    case APPEND:
                        return "Append rows";
                    case UPSERT:
                        return "Update or add by key";
                    default:
                        return "Replace all rows";
                }
            }

            @Override
            public ImportMode fromString(String s) {
                return null;
            }
        });
        TextField keys = new TextField();
        keys.setPromptText("order_id");
        keys.textProperty().bindBidirectional(model.keysProperty());
        VBox keysBox = labelled("Key columns", keys);
        keysBox.managedProperty().bind(keysBox.visibleProperty());
        CheckBox lastWins = new CheckBox("A customer twice in the file: the last row wins");
        lastWins.setId("import-last-wins");
        lastWins.setTooltip(new javafx.scene.control.Tooltip("Off: the first row of each customer is imported and"
                + " the repeats are listed in the rejects file."));
        lastWins.selectedProperty().bindBidirectional(model.lastWinsProperty());
        VBox tableBox = labelled("Import into table", table);
        tableBox.disableProperty().bind(model.oneStepProperty());
        lastWins.visibleProperty().bind(model.oneStepProperty().not());
        lastWins.managedProperty().bind(lastWins.visibleProperty());
        keysBox.visibleProperty().bind(model.modeProperty().isEqualTo(ImportMode.UPSERT)
                .and(model.oneStepProperty().not()));
        HBox target = new HBox(10, tableBox, labelled("Mode", mode), keysBox, lastWins);
        target.setAlignment(Pos.BOTTOM_LEFT);

        VBox box = new VBox(8, new VBox(2, title, path), settings, detected, oneStep(), target);
        box.setPadding(new Insets(0, 0, 10, 0));
        return box;
    }

    /** The offer to fill customers, orders and order items from one file of order lines. */
    private VBox oneStep() {
        CheckBox oneStep = new CheckBox("Import in one step: customers, orders and order items");
        oneStep.setId("import-one-step");
        oneStep.selectedProperty().bindBidirectional(model.oneStepProperty());
        Label explain = new Label("This file has one row per order line with the customer on each line. In one step,"
                + " each distinct customer becomes a customer (with the columns that go to customers, such as a"
                + " country), each order number an order (date, revenue and units added up from its lines), and"
                + " every line an order item. Change where a column goes below: customers.COLUMN or"
                + " order_items.COLUMN.");
        explain.getStyleClass().addAll(Styles.MUTED, Styles.SMALL);
        explain.setWrapText(true);
        VBox box = new VBox(4, oneStep, explain);
        box.getStyleClass().add(Styles.CARD);
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.oneStepProperty().get()
                || model.shapeProperty().get() != null && model.shapeProperty().get().orderLines(),
                model.oneStepProperty(), model.shapeProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private SplitPane center() {
        TableView<ColumnMapping> mapping = new TableView<>(model.mappings());
        mapping.setId("import-mapping");
        mapping.setEditable(true);
        mapping.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ColumnMapping, String> source = new TableColumn<>("Column in the file");
        source.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().source()));
        TableColumn<ColumnMapping, String> sample = new TableColumn<>("First value");
        sample.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sample()));
        TableColumn<ColumnMapping, ColumnMapping> target = new TableColumn<>();
        target.textProperty().bind(Bindings.when(model.oneStepProperty()).then("Goes to (empty = skip)")
                .otherwise("Import as (empty = skip)"));
        target.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        target.setCellFactory(c -> new TargetCell(model.targetColumns()));
        TableColumn<ColumnMapping, ColumnMapping> type = new TableColumn<>("Type (✓ = inferred)");
        type.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        type.setCellFactory(c -> new TypeCell());
        source.setPrefWidth(190);
        sample.setPrefWidth(150);
        target.setPrefWidth(240);
        type.setPrefWidth(280);
        // a new table offers other target columns: draw the combos again with the new choices
        model.targetColumns().addListener((javafx.collections.ListChangeListener<String>) c -> mapping.refresh());
        mapping.getColumns().add(source);
        mapping.getColumns().add(sample);
        mapping.getColumns().add(target);
        mapping.getColumns().add(type);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(model.previewErrorProperty().isEmpty())
                .then("Reading the file…").otherwise(model.previewErrorProperty()));
        mapping.setPlaceholder(placeholder);

        previewGrid.setId("import-preview");
        previewGrid.setPlaceholder(new Label("No rows to preview."));
        Label previewTitle = new Label("Preview of the first rows");
        previewTitle.getStyleClass().add(Styles.SUBTITLE);
        Label mappingTitle = new Label("Columns");
        mappingTitle.getStyleClass().add(Styles.SUBTITLE);
        VBox.setVgrow(mapping, Priority.ALWAYS);
        VBox.setVgrow(previewGrid, Priority.ALWAYS);
        SplitPane split = new SplitPane(new VBox(6, mappingTitle, mapping), new VBox(6, previewTitle, previewGrid));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        return split;
    }

    private VBox footer() {
        Label problem = new Label();
        problem.setId("import-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.getStyleClass().add(Styles.WARNING_TEXT);
        problem.setWrapText(true);

        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(260);
        progress.progressProperty().bind(model.progressProperty());
        Label progressText = new Label();
        progressText.textProperty().bind(model.progressMessageProperty());
        progressText.getStyleClass().add(Styles.MUTED);
        Button cancel = new Button("Cancel import");
        cancel.setOnAction(e -> model.cancelImport());
        HBox running = new HBox(10, progress, progressText, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(model.importingProperty());
        running.managedProperty().bind(running.visibleProperty());

        Label result = new Label();
        result.setId("import-result");
        result.setWrapText(true);
        Hyperlink rejects = new Hyperlink("Open the rejects file");
        rejects.setId("import-open-rejects");
        rejects.setOnAction(e -> model.openRejects());
        rejects.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.summaryProperty().get() != null
                && model.summaryProperty().get().rejected() > 0 && model.summaryProperty().get().rejectsFile() != null
                || model.flatSummaryProperty().get() != null && model.flatSummaryProperty().get().rejected() > 0
                && model.flatSummaryProperty().get().rejectsFile() != null,
                model.summaryProperty(), model.flatSummaryProperty()));
        rejects.managedProperty().bind(rejects.visibleProperty());
        model.summaryProperty().addListener((o, a, s) -> {
            if (s != null) {
                result.setText(describe(s));
                result.getStyleClass().setAll("label", Styles.SUCCESS_TEXT);
            }
        });
        model.flatSummaryProperty().addListener((o, a, s) -> {
            if (s != null) {
                result.setText(describe(s));
                result.getStyleClass().setAll("label", Styles.SUCCESS_TEXT);
            }
        });
        model.failureProperty().addListener((o, a, f) -> {
            if (!f.isEmpty()) {
                result.setText(f);
                result.getStyleClass().setAll("label", Styles.ERROR_TEXT);
            }
        });
        HBox outcome = new HBox(8, result, rejects);
        outcome.setAlignment(Pos.CENTER_LEFT);
        outcome.managedProperty().bind(result.textProperty().isNotEmpty());
        outcome.visibleProperty().bind(outcome.managedProperty());

        Button importButton = new Button("Import");
        importButton.setId("import-run");
        importButton.getStyleClass().add(Styles.ACCENT);
        importButton.setDefaultButton(true);
        importButton.disableProperty().bind(model.problemProperty().isNotEmpty().or(model.importingProperty())
                .or(model.summaryProperty().isNotNull()).or(model.flatSummaryProperty().isNotNull()));
        importButton.setOnAction(e -> model.runImport());
        Button close = new Button("Close");
        close.setId("import-close");
        close.setCancelButton(true);
        close.disableProperty().bind(model.importingProperty());
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // The buttons keep their full width; the outcome, however long, wraps on its own line above them.
        close.setMinWidth(Region.USE_PREF_SIZE);
        importButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(10, spacer, close, importButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, problem, running, outcome, buttons);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    static String describe(ImportSummary s) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        StringBuilder sb = new StringBuilder("Imported " + n.format(s.rows()) + " rows into " + s.table()
                + String.format(Locale.US, " in %.1f s.", s.seconds()));
        sb.append(s.rejected() == 0 ? " No rejected rows." : " " + n.format(s.rejected())
                + " rows could not be read and were left out.");
        if (s.orphans() > 0) {
            sb.append(" ").append(n.format(s.orphans())).append(" rows have no known customer.");
        }
        if (!s.columnsAdded().isEmpty()) {
            sb.append(" New attributes: ").append(String.join(", ", s.columnsAdded())).append('.');
        }
        return sb.toString();
    }

    /** Rows per table and what was derived, in sentences. */
    static String describe(FlatImportSummary s) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        StringBuilder sb = new StringBuilder("Imported " + n.format(s.lines()) + " order lines"
                + String.format(Locale.US, " in %.1f s: ", s.seconds()) + n.format(s.customers()) + " customers, "
                + n.format(s.orders()) + " orders, " + n.format(s.lines()) + " order items.");
        sb.append(s.rejected() == 0 ? " No rejected lines." : " " + n.format(s.rejected())
                + " lines could not be read and were left out.");
        for (String line : s.derived()) {
            sb.append("\n• ").append(Character.toUpperCase(line.charAt(0))).append(line.substring(1)).append('.');
        }
        return sb.toString();
    }

    private void fillPreview(CsvPreview p) {
        previewGrid.getColumns().clear();
        if (p == null) {
            previewGrid.getItems().clear();
            return;
        }
        for (int i = 0; i < p.columns().size(); i++) {
            int index = i;
            TableColumn<List<String>, String> col = new TableColumn<>(p.columns().get(i));
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(index < c.getValue().size()
                    ? c.getValue().get(index) : ""));
            col.setPrefWidth(Math.max(90, Math.min(220, 9 * p.columns().get(i).length() + 30)));
            col.setSortable(false);
            previewGrid.getColumns().add(col);
        }
        previewGrid.getItems().setAll(p.rows());
    }

    private static ComboBox<String> combo(List<String> items, String id) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(items);
        box.setId(id);
        return box;
    }

    private static VBox labelled(String text, javafx.scene.Node control) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.MUTED, Styles.SMALL);
        return new VBox(3, label, control);
    }
}
