package org.segmint.app.lists;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
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
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.importing.CsvDetector;
import org.segmint.persistence.store.ListFile;
import org.segmint.persistence.store.ListStore;

/**
 * The "Upload a list" window: the file's first rows, which column holds the ids or emails and what they are, the
 * list's name, how many rows match no customer, then Upload. Segments use the list with "In uploaded list".
 */
public final class ListUploadDialog {
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);

    private final ListUploadViewModel vm;
    private final Stage stage = new Stage();
    private final TableView<List<String>> preview = new TableView<>();

    public ListUploadDialog(ListUploadViewModel vm, Window owner) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Upload a list of customers");
        stage.getIcons().setAll(AppIcon.all());
        BorderPane root = new BorderPane();
        root.getStyleClass().addAll(Styles.PAGE, Styles.DIALOG);
        root.setTop(header());
        preview.setId("list-preview");
        preview.setAccessibleText("The first rows of the file");
        preview.setPlaceholder(new Label("Reading the file…"));
        VBox center = new VBox(6, subtitle("First rows of the file"), preview);
        VBox.setVgrow(preview, Priority.ALWAYS);
        root.setCenter(center);
        root.setBottom(footer());
        Scene scene = new Scene(root, 860, 600);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.dispose());
        vm.previewProperty().addListener((o, a, f) -> fillPreview(f));
        vm.columnProperty().addListener((o, a, b) -> fillPreview(vm.previewProperty().get()));
    }

    /**
     * Asks for a CSV file, then shows the dialog for it until it is closed; the name of the list uploaded, or empty
     * when the user cancelled.
     */
    public static Optional<String> chooseAndUpload(AppContext context, Window owner) {
        Optional<Path> file = context.dialogs().chooseFileToOpen("Upload a list of customer ids or emails",
                "CSV and text files", List.of("*.csv", "*.txt", "*.tsv"));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        ListUploadDialog dialog = open(context, file.get(), owner);
        dialog.stage.showAndWait();
        ListStore.ListReport done = dialog.vm.uploadedProperty().get();
        return done == null ? Optional.empty() : Optional.of(done.name());
    }

    /** The dialog for {@code file}, reading it already, not yet shown. */
    public static ListUploadDialog open(AppContext context, Path file, Window owner) {
        WorkspaceSession session = context.requireSession();
        ListUploadViewModel vm = new ListUploadViewModel(new ListUploadViewModel.ListSource() {
            @Override
            public ListFile open(Path path, Boolean header) {
                return header == null ? ListFile.open(path) : ListFile.open(path,
                        CsvDetector.detect(path).withHeader(header));
            }

            @Override
            public List<String> listNames() {
                return session.read(ws -> new ListStore(ws).list().stream().map(ListStore.ListInfo::name).toList());
            }

            @Override
            public ListStore.ListReport check(ListFile f, int column, ListStore.MatchOn matchOn) {
                return session.read(ws -> new ListStore(ws).check(f, column, matchOn, Cancellation.none()));
            }

            @Override
            public ListStore.ListReport upload(String name, ListFile f, int column, ListStore.MatchOn matchOn,
                                               boolean replace) {
                return session.read(ws -> new ListStore(ws).upload(name, f, column, matchOn, replace,
                        Cancellation.none()));
            }
        }, context.executor(), file);
        ListUploadDialog dialog = new ListUploadDialog(vm, owner);
        vm.start();
        return dialog;
    }

    public Stage stage() {
        return stage;
    }

    public ListUploadViewModel viewModel() {
        return vm;
    }

    private VBox header() {
        Label title = new Label("Upload " + vm.file().getFileName() + " as a list of customers");
        title.getStyleClass().add(Styles.TITLE);
        Label path = new Label(vm.file().toAbsolutePath().toString());
        path.getStyleClass().addAll(Styles.MUTED, Styles.SMALL);
        TextField name = new TextField();
        name.setId("list-name");
        name.setAccessibleText("Name of the list");
        name.setPrefColumnCount(18);
        name.textProperty().bindBidirectional(vm.nameProperty());
        ComboBox<String> column = new ComboBox<>(vm.columns());
        column.setId("list-column");
        column.setAccessibleText("Column with the customer ids or emails");
        column.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && b.intValue() != vm.columnProperty().get()) {
                vm.columnProperty().set(b.intValue());
            }
        });
        vm.columnProperty().addListener((o, a, b) -> column.getSelectionModel().select(b.intValue()));
        ComboBox<ListStore.MatchOn> match = new ComboBox<>();
        match.setId("list-match");
        match.setAccessibleText("What the values are");
        match.getItems().setAll(ListStore.MatchOn.values());
        match.setConverter(new StringConverter<>() {
            @Override
            public String toString(ListStore.MatchOn m) {
                return m == null ? "" : m == ListStore.MatchOn.EMAIL ? "Emails" : "Customer ids";
            }

            @Override
            public ListStore.MatchOn fromString(String s) {
                return null;
            }
        });
        match.valueProperty().bindBidirectional(vm.matchOnProperty());
        CheckBox header = new CheckBox("First row has column names");
        header.setId("list-header");
        header.selectedProperty().bindBidirectional(vm.headerProperty());
        CheckBox replace = new CheckBox("Replace the values of the list of this name");
        replace.setId("list-replace");
        replace.selectedProperty().bindBidirectional(vm.replaceProperty());
        replace.visibleProperty().bind(vm.nameTakenProperty());
        replace.managedProperty().bind(replace.visibleProperty());
        HBox fields = new HBox(10, labelled("List name", name), labelled("Column", column),
                labelled("Values are", match), header);
        fields.setAlignment(Pos.BOTTOM_LEFT);
        Label explain = new Label("Segments use the list with the condition “In uploaded list”. Ids are matched"
                + " against customer ids (12923.0 reads as 12923), emails against the customers' email, exactly.");
        explain.getStyleClass().addAll(Styles.MUTED, Styles.SMALL);
        explain.setWrapText(true);
        VBox box = new VBox(8, new VBox(2, title, path), fields, replace, explain);
        box.setPadding(new Insets(0, 0, 10, 0));
        return box;
    }

    private VBox footer() {
        Label check = new Label();
        check.setId("list-check");
        check.setWrapText(true);
        check.textProperty().bind(Bindings.createStringBinding(() -> describe(vm.checkProperty().get(), false),
                vm.checkProperty()));
        Label problem = new Label();
        problem.setId("list-problem");
        problem.getStyleClass().add(Styles.WARNING_TEXT);
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        Label result = new Label();
        result.setId("list-result");
        result.getStyleClass().add(Styles.SUCCESS_TEXT);
        result.setWrapText(true);
        result.textProperty().bind(Bindings.createStringBinding(() -> describe(vm.uploadedProperty().get(), true),
                vm.uploadedProperty()));
        result.managedProperty().bind(vm.uploadedProperty().isNotNull());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty().or(vm.checkProperty().isNull()
                .and(vm.previewProperty().isNotNull())));
        Button upload = new Button("Upload");
        upload.setId("list-upload");
        upload.getStyleClass().add(Styles.ACCENT);
        upload.setDefaultButton(true);
        upload.disableProperty().bind(vm.problemProperty().isNotEmpty().or(vm.busyProperty())
                .or(vm.uploadedProperty().isNotNull()));
        upload.setOnAction(e -> vm.upload());
        Button close = new Button();
        close.setId("list-close");
        close.textProperty().bind(Bindings.when(vm.uploadedProperty().isNull()).then("Cancel").otherwise("Close"));
        close.setCancelButton(true);
        close.disableProperty().bind(vm.busyProperty().and(vm.uploadedProperty().isNull()));
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        close.setMinWidth(Region.USE_PREF_SIZE);
        upload.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(10, busy, spacer, close, upload);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, check, problem, result, buttons);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    /** The counts of a check or an upload in a sentence. */
    static String describe(ListStore.ListReport r, boolean done) {
        if (r == null) {
            return "";
        }
        String values = r.matchOn() == ListStore.MatchOn.EMAIL ? "emails" : "customer ids";
        StringBuilder b = new StringBuilder(done ? "Uploaded “" + r.name() + "”: " : "");
        b.append(COUNT.format(r.rows())).append(" rows, ").append(COUNT.format(r.values())).append(" different ")
                .append(values).append("; ").append(COUNT.format(r.customers()))
                .append(r.customers() == 1 ? " customer matches" : " customers match").append('.');
        if (r.unmatchedRows() > 0) {
            b.append(' ').append(COUNT.format(r.unmatchedRows())).append(r.unmatchedRows() == 1 ? " row matches"
                    : " rows match").append(" no customer (for example ")
                    .append(String.join(", ", r.unmatchedExamples())).append(").");
        } else {
            b.append(" Every row matches a customer.");
        }
        return b.toString();
    }

    private void fillPreview(ListFile f) {
        preview.getColumns().clear();
        if (f == null) {
            preview.getItems().clear();
            return;
        }
        for (int i = 0; i < f.columns().size(); i++) {
            int index = i;
            TableColumn<List<String>, String> col = new TableColumn<>(f.columns().get(i));
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(index < c.getValue().size()
                    ? c.getValue().get(index) : ""));
            col.setPrefWidth(Math.max(110, Math.min(240, 9 * f.columns().get(i).length() + 40)));
            col.setSortable(false);
            if (index == vm.columnProperty().get()) {
                col.getStyleClass().add("sg-chosen-column");
            }
            preview.getColumns().add(col);
        }
        preview.getItems().setAll(f.rows());
    }

    private static Label subtitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.SUBTITLE);
        return label;
    }

    private static VBox labelled(String text, javafx.scene.Node control) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.MUTED, Styles.SMALL);
        return new VBox(3, label, control);
    }
}
