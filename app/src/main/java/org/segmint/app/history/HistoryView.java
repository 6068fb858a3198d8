package org.segmint.app.history;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.segmint.app.shell.AppIcon;
import org.segmint.app.shell.Styles;
import org.segmint.persistence.store.SegmentVersion;

/**
 * The History window of a segment: its versions on the left (who saved each and when, and its count), two versions
 * side by side on the right with what changed marked, and "Restore version N", which saves it again as the newest.
 */
public final class HistoryView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.US)
            .withZone(ZoneId.systemDefault());
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);

    private final HistoryViewModel vm;
    private final Stage stage = new Stage();
    private final TableView<SegmentVersion> table = new TableView<>();
    private final GridPane diff = new GridPane();

    public HistoryView(HistoryViewModel vm, Window owner) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("History of " + vm.name());
        stage.getIcons().setAll(AppIcon.all());
        BorderPane root = new BorderPane();
        root.getStyleClass().addAll(Styles.PAGE, Styles.DIALOG);
        Label title = new Label("History of “" + vm.name() + "”");
        title.getStyleClass().add(Styles.TITLE);
        Label hint = new Label("Every save is kept. Choose a version to compare it with the current one, or restore"
                + " it: restoring saves it again as the newest version, so nothing is lost.");
        hint.getStyleClass().add(Styles.MUTED);
        hint.setWrapText(true);
        VBox top = new VBox(4, title, hint);
        top.setPadding(new Insets(0, 0, 10, 0));
        root.setTop(top);
        SplitPane split = new SplitPane(versionsTable(), comparison());
        split.setDividerPositions(0.43);
        root.setCenter(split);
        root.setBottom(footer());
        Scene scene = new Scene(root, 1240, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        vm.rows().addListener((ListChangeListener<LineDiff.Row>) c -> fillDiff());
        vm.leftProperty().addListener((o, a, b) -> fillDiff());
        vm.rightProperty().addListener((o, a, b) -> fillDiff());
        fillDiff();
    }

    /** Opens the history of {@code segmentName} over {@code owner}. */
    public static HistoryView show(HistoryViewModel vm, String segmentName, Window owner) {
        vm.load(segmentName);
        HistoryView view = new HistoryView(vm, owner);
        view.stage.show();
        return view;
    }

    public Stage stage() {
        return stage;
    }

    public HistoryViewModel viewModel() {
        return vm;
    }

    private TableView<SegmentVersion> versionsTable() {
        table.setId("history-versions");
        table.setItems(vm.versions());
        table.setAccessibleText("Saved versions, newest first");
        table.setPlaceholder(new Label("Reading the history…"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<SegmentVersion, String> version = column("Version", 84, v -> Integer.toString(v.version()));
        TableColumn<SegmentVersion, String> saved = column("Saved", 146, v -> WHEN.format(v.savedAt()));
        TableColumn<SegmentVersion, String> by = column("By", 70, v -> v.savedBy().isEmpty() ? "—" : v.savedBy());
        TableColumn<SegmentVersion, String> count = column("Customers", 104,
                v -> v.customers() == null ? "—" : COUNT.format(v.customers()));
        count.getStyleClass().add(Styles.NUMBER);
        TableColumn<SegmentVersion, String> note = column("Note", 90, v -> v.current()
                ? (v.note().isEmpty() ? "current" : "current, " + v.note()) : v.note());
        table.getColumns().add(version);
        table.getColumns().add(saved);
        table.getColumns().add(by);
        table.getColumns().add(count);
        table.getColumns().add(note);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, v) -> {
            if (v != null && !v.current()) {
                vm.leftProperty().set(v);
                vm.rightProperty().set(vm.versions().get(0));
            }
        });
        return table;
    }

    private static TableColumn<SegmentVersion, String> column(String title, double width,
                                                              java.util.function.Function<SegmentVersion, String> text) {
        TableColumn<SegmentVersion, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(width); // a heading and a date are read whole; the note takes what is left
        column.setSortable(false);
        return column;
    }

    private VBox comparison() {
        ComboBox<SegmentVersion> left = versionChoice("history-left", "Older version");
        left.valueProperty().bindBidirectional(vm.leftProperty());
        ComboBox<SegmentVersion> right = versionChoice("history-right", "Newer version");
        right.valueProperty().bindBidirectional(vm.rightProperty());
        Label compare = new Label("Compare");
        Label with = new Label("with");
        compare.setMinWidth(Region.USE_PREF_SIZE);
        with.setMinWidth(Region.USE_PREF_SIZE);
        left.setMaxWidth(Double.MAX_VALUE);
        right.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox choose = new HBox(8, compare, left, with, right);
        choose.setAlignment(Pos.CENTER_LEFT);
        VBox changes = new VBox(2);
        changes.setId("history-changes");
        Runnable showChanges = () -> changes.getChildren().setAll(vm.changes().stream().map(t -> {
            Label l = new Label(t);
            l.getStyleClass().add(Styles.MUTED);
            l.setWrapText(true);
            return l;
        }).toList());
        vm.changes().addListener((ListChangeListener<String>) c -> showChanges.run());
        showChanges.run();
        diff.setId("history-diff");
        diff.getStyleClass().add(Styles.DIFF);
        diff.setHgap(12);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        diff.getColumnConstraints().setAll(half, half);
        ScrollPane scroll = new ScrollPane(diff);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(8, choose, changes, scroll);
        box.setPadding(new Insets(0, 0, 0, 10));
        return box;
    }

    private ComboBox<SegmentVersion> versionChoice(String id, String name) {
        ComboBox<SegmentVersion> box = new ComboBox<>(vm.versions());
        box.setId(id);
        box.setPrefWidth(170);
        box.setAccessibleText(name + " to compare");
        box.setCellFactory(v -> new VersionCell());
        box.setButtonCell(new VersionCell());
        return box;
    }

    /** A version in the drop-downs: its number (the date is in the heading of its side). */
    private static final class VersionCell extends ListCell<SegmentVersion> {
        @Override
        protected void updateItem(SegmentVersion v, boolean empty) {
            super.updateItem(v, empty);
            setText(empty || v == null ? null : "Version " + v.version() + (v.current() ? ", current" : ""));
        }
    }

    static String label(SegmentVersion v) {
        return "Version " + v.version() + (v.current() ? ", current" : "") + " · " + WHEN.format(v.savedAt());
    }

    private void fillDiff() {
        diff.getChildren().clear();
        SegmentVersion a = vm.leftProperty().get();
        SegmentVersion b = vm.rightProperty().get();
        diff.add(heading(a == null ? "" : label(a)), 0, 0);
        diff.add(heading(b == null ? "" : label(b)), 1, 0);
        int row = 1;
        for (LineDiff.Row r : vm.rows()) {
            diff.add(cell(r.left(), r.kind() == LineDiff.Kind.ADDED ? Styles.DIFF_GAP : style(r.kind())), 0, row);
            diff.add(cell(r.right(), r.kind() == LineDiff.Kind.REMOVED ? Styles.DIFF_GAP : style(r.kind())), 1, row);
            row++;
        }
    }

    private static String style(LineDiff.Kind kind) {
        switch (kind) {
            case CHANGED:
                return Styles.DIFF_CHANGED;
            case REMOVED:
                return Styles.DIFF_REMOVED;
            case ADDED:
                return Styles.DIFF_ADDED;
            default:
                return Styles.DIFF_SAME;
        }
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.SUBTITLE);
        label.setWrapText(true);
        return label;
    }

    private static Label cell(String text, String style) {
        Label label = new Label(text == null ? "" : text);
        label.getStyleClass().add(style);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMaxHeight(Double.MAX_VALUE); // both sides of a row as tall as the taller, so the lines stay level
        label.setWrapText(true);
        return label;
    }

    private HBox footer() {
        Label error = new Label();
        error.getStyleClass().add(Styles.ERROR_TEXT);
        error.textProperty().bind(vm.errorProperty());
        error.setWrapText(true);
        Button restore = new Button();
        restore.setId("history-restore");
        restore.getStyleClass().add(Styles.ACCENT);
        restore.textProperty().bind(Bindings.createStringBinding(() -> vm.leftProperty().get() == null
                ? "Restore" : "Restore version " + vm.leftProperty().get().version(), vm.leftProperty()));
        restore.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.leftProperty().get() == null
                || vm.leftProperty().get().current(), vm.leftProperty()).or(vm.busyProperty()));
        restore.setOnAction(e -> vm.restore(vm.leftProperty().get()));
        Button close = new Button("Close");
        close.setId("history-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(10, error, spacer, restore, close);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }
}
