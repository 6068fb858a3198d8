package org.segmint.app.sparkjob;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.UserMessages;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.Tasks;
import org.segmint.persistence.sparkjob.SparkJob;
import org.segmint.persistence.sparkjob.SparkJobFolder;

/**
 * "Run on Spark…" for a saved segment or a model: where to write the job folder, where the data lives on the cluster,
 * the cluster's master and the path of {@code segmint-spark.jar}; writing the folder (definitions and everything they
 * use, settings, {@code run.sh}, a README) in the background. The last choices are offered again for the next job.
 */
public final class SparkJobViewModel {
    /** The choices of the last job written in this run of the app. */
    private static volatile Choices last = new Choices("s3a://your-bucket/segmint", "yarn", "segmint-spark.jar");

    private record Choices(String dataRoot, String master, String jar) {
    }

    private final AppContext context;
    private final WorkspaceSession session;
    private final SparkJob.Kind kind;
    private final String name;

    // Properties //
    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty dataRoot = new SimpleStringProperty(last.dataRoot());
    private final StringProperty master = new SimpleStringProperty(last.master());
    private final StringProperty jar = new SimpleStringProperty(last.jar());
    private final BooleanProperty writing = new SimpleBooleanProperty();
    private final StringProperty result = new SimpleStringProperty("");
    private final ObjectProperty<Path> written = new SimpleObjectProperty<>();
    private final StringBinding problem;

    public SparkJobViewModel(AppContext context, SparkJob.Kind kind, String name, Path defaultParent) {
        this.context = context;
        this.session = context.requireSession();
        this.kind = kind;
        this.name = name;
        folder.set(defaultParent.resolve(folderName(name, LocalDate.now())).toString());
        problem = Bindings.createStringBinding(this::check, folder, dataRoot, master, jar, written);
    }

    public static SparkJobViewModel forSegment(AppContext context, String segment) {
        return new SparkJobViewModel(context, SparkJob.Kind.SEGMENT, segment, defaultParent());
    }

    public static SparkJobViewModel forModel(AppContext context, String model) {
        return new SparkJobViewModel(context, SparkJob.Kind.MODEL, model, defaultParent());
    }

    private static Path defaultParent() {
        return Path.of(System.getProperty("user.home"), "Segmint jobs");
    }

    static String folderName(String name, LocalDate day) {
        String safe = name.replaceAll("[^A-Za-z0-9 _-]+", "").strip();
        return (safe.isEmpty() ? "job" : safe) + " " + day;
    }

    public String title() {
        return "Run " + (kind == SparkJob.Kind.SEGMENT ? "segment" : "model") + " '" + name + "' on Spark";
    }

    public SparkJob.Kind kind() {
        return kind;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public StringProperty dataRootProperty() {
        return dataRoot;
    }

    public StringProperty masterProperty() {
        return master;
    }

    public StringProperty jarProperty() {
        return jar;
    }

    public BooleanProperty writingProperty() {
        return writing;
    }

    public StringProperty resultProperty() {
        return result;
    }

    /** The job folder once written. */
    public ObjectProperty<Path> writtenProperty() {
        return written;
    }

    /** What stops the job from being written, in the user's words; empty when it can be. */
    public StringBinding problemProperty() {
        return problem;
    }

    private String check() {
        if (folder.get() == null || folder.get().isBlank()) {
            return "Choose a folder for the job.";
        }
        Path f = Path.of(folder.get().strip());
        if (written.get() == null && Files.isDirectory(f)) {
            try (var entries = Files.list(f)) {
                if (entries.findAny().isPresent()) {
                    return "That folder is not empty; choose a new one.";
                }
            } catch (java.io.IOException e) {
                return "That folder cannot be read.";
            }
        }
        if (Files.isRegularFile(f)) {
            return "That is a file; choose a folder.";
        }
        if (dataRoot.get() == null || dataRoot.get().isBlank()) {
            return "Give the data root: where the cluster keeps the customer data (written by from-workspace).";
        }
        if (master.get() == null || master.get().isBlank()) {
            return "Give the Spark master (yarn, spark://host:7077, local[*]).";
        }
        if (jar.get() == null || jar.get().isBlank()) {
            return "Give the path of segmint-spark.jar on the machine that submits the job.";
        }
        return "";
    }

    // Commands //

    /** Writes the job folder in the background (the workspace's as-of date goes with it). */
    public void write() {
        if (!problem.get().isEmpty() || writing.get()) {
            return;
        }
        Path target = Path.of(folder.get().strip());
        Choices choices = new Choices(dataRoot.get().strip(), master.get().strip(), jar.get().strip());
        writing.set(true);
        result.set("Writing the job…");
        Tasks.create(ctx -> {
            LocalDate asOf = session.read(ws -> ws.asOf());
            SparkJob job = new SparkJob(kind, name, asOf, choices.dataRoot(), choices.master(), choices.jar());
            return session.read(ws -> SparkJobFolder.write(ws, job, target));
        })
                .onSuccess(files -> {
                    last = choices;
                    written.set(target);
                    result.set(summary(files, target));
                })
                .onError(e -> result.set(UserMessages.message(e)))
                .andFinally(() -> writing.set(false))
                .runOnce(context.executor());
    }

    private static String summary(List<String> files, Path folder) {
        long segments = files.stream().filter(f -> f.startsWith("segments/")).count();
        return "Wrote the job to " + folder + " (" + segments + (segments == 1 ? " segment" : " segments")
                + ", " + files.size() + " files). On a machine with spark-submit, run: sh run.sh — then open the"
                + " folder here with Spark results… to see its answers beside these.";
    }

    public void openFolder() {
        if (written.get() != null) {
            context.dialogs().openWithDesktop(written.get());
        }
    }
}
