package org.segmint.app.sparkjob;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.AppIcon;
import org.segmint.app.shell.Styles;

/** The "Run on Spark…" window: the job's folder, data root, master and jar; writing the job folder. */
public final class SparkJobDialog {
    private final SparkJobViewModel model;
    private final Stage stage = new Stage();

    public SparkJobDialog(SparkJobViewModel model, Window owner) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(model.title());
        stage.getIcons().setAll(AppIcon.all());
        Scene scene = new Scene(content(), 720, 390);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    public static SparkJobDialog showForSegment(AppContext context, String segment, Window owner) {
        return show(SparkJobViewModel.forSegment(context, segment), owner);
    }

    public static SparkJobDialog showForModel(AppContext context, String model, Window owner) {
        return show(SparkJobViewModel.forModel(context, model), owner);
    }

    private static SparkJobDialog show(SparkJobViewModel model, Window owner) {
        SparkJobDialog dialog = new SparkJobDialog(model, owner);
        dialog.stage.show();
        return dialog;
    }

    public Stage stage() {
        return stage;
    }

    private VBox content() {
        Label title = new Label(model.title());
        title.getStyleClass().add(Styles.TITLE);
        Label hint = new Label("Segmint writes a job folder: the definitions and everything they use (segments, group"
                + " and list members), the as-of date, and run.sh with the spark-submit line. Run it where the cluster"
                + " is; the answers come back in its results/ folder.");
        hint.getStyleClass().add(Styles.MUTED);
        hint.setWrapText(true);

        TextField folder = field(model.folderProperty(), "spark-job-folder");
        Button chooseFolder = new Button("Choose…");
        chooseFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder of the Spark job");
            File chosen = chooser.showDialog(stage);
            if (chosen != null) {
                model.folderProperty().set(chosen.toPath().resolve(Path.of(model.folderProperty().get())
                        .getFileName()).toString());
            }
        });
        TextField root = field(model.dataRootProperty(), "spark-job-data");
        root.setPromptText("s3a://bucket/segmint, hdfs:///segmint, /data/segmint");
        TextField master = field(model.masterProperty(), "spark-job-master");
        master.setPromptText("yarn, spark://host:7077, local[*]");
        TextField jar = field(model.jarProperty(), "spark-job-jar");
        Button chooseJar = new Button("Choose…");
        chooseJar.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("segmint-spark.jar");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Jar files", "*.jar"));
            File chosen = chooser.showOpenDialog(stage);
            if (chosen != null) {
                model.jarProperty().set(chosen.getPath());
            }
        });

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields, new ColumnConstraints());
        form.addRow(0, new Label("Job folder"), folder, chooseFolder);
        form.addRow(1, new Label("Data root on the cluster"), root);
        form.addRow(2, new Label("Spark master"), master);
        form.addRow(3, new Label("segmint-spark.jar"), jar, chooseJar);

        Label problem = new Label();
        problem.setId("spark-job-problem");
        problem.getStyleClass().add(Styles.WARNING_TEXT);
        problem.textProperty().bind(model.problemProperty());
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        Label result = new Label();
        result.setId("spark-job-result");
        result.textProperty().bind(model.resultProperty());
        result.setWrapText(true);
        Hyperlink open = new Hyperlink("Open the job folder");
        open.visibleProperty().bind(model.writtenProperty().isNotNull());
        open.managedProperty().bind(open.visibleProperty());
        open.setOnAction(e -> model.openFolder());

        Button close = new Button("Close");
        close.setCancelButton(true);
        close.disableProperty().bind(model.writingProperty());
        close.setOnAction(e -> stage.close());
        Button write = new Button("Write job");
        write.setId("spark-job-write");
        write.getStyleClass().add(Styles.ACCENT);
        write.setDefaultButton(true);
        write.disableProperty().bind(model.writingProperty().or(model.problemProperty().isNotEmpty())
                .or(model.writtenProperty().isNotNull()));
        write.setOnAction(e -> model.write());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(10, open, spacer, close, write);
        footer.setAlignment(Pos.CENTER_LEFT);

        VBox root1 = new VBox(14, title, hint, form, problem, result, footer);
        VBox.setMargin(footer, new Insets(6, 0, 0, 0));
        root1.getStyleClass().addAll(Styles.PAGE, Styles.DIALOG);
        return root1;
    }

    private static TextField field(javafx.beans.property.StringProperty property, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        return f;
    }
}
