package org.segmint.app.sparkjob;

import java.io.File;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.AppIcon;
import org.segmint.app.shell.Styles;

/** A finished job's answers beside this computer's, in a table: what, on Spark, here, difference. */
public final class SparkResultsDialog {
    private final SparkResultsViewModel model;
    private final Stage stage = new Stage();

    public SparkResultsDialog(SparkResultsViewModel model, Window owner) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.titleProperty().bind(model.titleProperty());
        stage.getIcons().setAll(AppIcon.all());
        Scene scene = new Scene(content(), 760, 480);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    /** Asks for a job folder, then shows its answers. */
    public static void chooseAndShow(AppContext context, Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a Spark job folder (with its results/)");
        File folder = chooser.showDialog(owner);
        if (folder != null) {
            SparkResultsViewModel model = new SparkResultsViewModel(context);
            SparkResultsDialog dialog = new SparkResultsDialog(model, owner);
            dialog.stage.show();
            model.load(folder.toPath());
        }
    }

    public Stage stage() {
        return stage;
    }

    private VBox content() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE);
        title.textProperty().bind(model.titleProperty());
        Label summary = new Label();
        summary.setId("spark-results-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.loadingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox status = new HBox(8, busy, summary);
        status.setAlignment(Pos.CENTER_LEFT);

        TableView<SparkResultsViewModel.Row> table = new TableView<>(model.rows());
        table.setId("spark-results-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("What", SparkResultsViewModel.Row::what, 260, false));
        table.getColumns().add(column("On Spark", SparkResultsViewModel.Row::spark, 140, true));
        table.getColumns().add(column("On this computer", SparkResultsViewModel.Row::local, 140, true));
        table.getColumns().add(differenceColumn());
        table.setPlaceholder(new Label("No answers yet"));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(10, spacer, close);

        VBox root = new VBox(12, title, status, table, footer);
        root.getStyleClass().addAll(Styles.PAGE, Styles.DIALOG);
        return root;
    }

    private static TableColumn<SparkResultsViewModel.Row, String> column(String name,
            java.util.function.Function<SparkResultsViewModel.Row, String> value, double width, boolean number) {
        TableColumn<SparkResultsViewModel.Row, String> c = new TableColumn<>(name);
        c.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        c.setPrefWidth(width);
        if (number) {
            c.getStyleClass().add(Styles.NUMBER);
        }
        return c;
    }

    private static TableColumn<SparkResultsViewModel.Row, String> differenceColumn() {
        TableColumn<SparkResultsViewModel.Row, String> c = column("Difference",
                SparkResultsViewModel.Row::difference, 110, true);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeAll(Styles.SUCCESS_TEXT, Styles.WARNING_TEXT);
                setText(empty ? null : text);
                SparkResultsViewModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null) {
                    getStyleClass().add(row.same() ? Styles.SUCCESS_TEXT : Styles.WARNING_TEXT);
                }
            }
        });
        return c;
    }
}
