package org.segmint.app.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.segmint.app.shell.UserMessages;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.app.task.Tasks;
import org.segmint.model.segment.ConditionText;
import org.segmint.model.segment.Segment;
import org.segmint.persistence.store.SegmentVersion;

/**
 * The history of one saved segment: its versions (newest first), two of them compared side by side (by default
 * the previous one against the current one), and restoring one as a new save. Reads and writes in the background.
 */
public final class HistoryViewModel {
    private final HistorySource source;
    private final BackgroundExecutor executor;
    private String name;
    private Runnable onRestored = () -> { };
    private java.util.function.BooleanSupplier mayRestore = () -> true;

    // Properties //
    private final ObservableList<SegmentVersion> versions = FXCollections.observableArrayList();
    private final ObjectProperty<SegmentVersion> left = new SimpleObjectProperty<>(this, "left");
    private final ObjectProperty<SegmentVersion> right = new SimpleObjectProperty<>(this, "right");
    private final ObservableList<LineDiff.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    public HistoryViewModel(HistorySource source, BackgroundExecutor executor) {
        this.source = source;
        this.executor = executor;
        left.addListener((o, a, b) -> compare());
        right.addListener((o, a, b) -> compare());
    }

    // Commands //

    /** Shows the history of the saved segment {@code segmentName}. */
    public void load(String segmentName) {
        this.name = segmentName;
        busy.set(true);
        Tasks.create(ctx -> source.versions(segmentName))
                .onSuccess(this::show)
                .onError(e -> error.set(UserMessages.message(e)))
                .andFinally(() -> busy.set(false))
                .runOnce(executor);
    }

    /** Runs after a restore was saved (the editor shows the restored segment). */
    public void setOnRestored(Runnable action) {
        onRestored = action;
    }

    /** Asked on the UI thread before a restore (the editor asks about unsaved changes); false stops it. */
    public void setMayRestore(java.util.function.BooleanSupplier check) {
        mayRestore = check;
    }

    /** Saves {@code version} again as the newest version, then shows the history with it. */
    public void restore(SegmentVersion version) {
        if (version == null || version.current() || !mayRestore.getAsBoolean()) {
            return;
        }
        busy.set(true);
        String segment = name;
        Tasks.create(ctx -> {
            source.restore(segment, version.version());
            return source.versions(segment);
        }).onSuccess(found -> {
            show(found);
            onRestored.run();
        }).onError(e -> error.set(UserMessages.message(e)))
                .andFinally(() -> busy.set(false))
                .runOnce(executor);
    }

    private void show(List<SegmentVersion> found) {
        error.set("");
        versions.setAll(found);
        right.set(found.isEmpty() ? null : found.get(0));
        left.set(found.size() > 1 ? found.get(1) : null);
    }

    private void compare() {
        SegmentVersion a = left.get();
        SegmentVersion b = right.get();
        List<String> before = a == null ? List.of() : ConditionText.lines(a.segment().definition(), source::label);
        List<String> after = b == null ? List.of() : ConditionText.lines(b.segment().definition(), source::label);
        rows.setAll(LineDiff.of(before, after));
        changes.setAll(a == null || b == null ? List.of() : changes(a.segment(), b.segment()));
    }

    /** What differs besides the definition, in words ("Status: draft → active"). */
    static List<String> changes(Segment a, Segment b) {
        List<String> result = new ArrayList<>();
        if (!a.name().equals(b.name())) {
            result.add("Name: " + a.name() + " → " + b.name());
        }
        if (a.status() != b.status()) {
            result.add("Status: " + a.status().jsonName() + " → " + b.status().jsonName());
        }
        if (!a.folder().equals(b.folder())) {
            result.add("Folder: " + shown(a.folder()) + " → " + shown(b.folder()));
        }
        if (!a.description().equals(b.description())) {
            result.add("Description: " + shown(a.description()) + " → " + shown(b.description()));
        }
        if (Objects.equals(a.definition(), b.definition())) {
            result.add("The conditions are the same.");
        }
        return result;
    }

    private static String shown(String text) {
        return text.isEmpty() ? "(none)" : "“" + text + "”";
    }

    // Properties //

    public String name() {
        return name;
    }

    public ObservableList<SegmentVersion> versions() {
        return versions;
    }

    /** The older version of the two compared (left side). */
    public ObjectProperty<SegmentVersion> leftProperty() {
        return left;
    }

    /** The newer version of the two compared (right side); the current one at first. */
    public ObjectProperty<SegmentVersion> rightProperty() {
        return right;
    }

    /** The two definitions side by side, line against line. */
    public ObservableList<LineDiff.Row> rows() {
        return rows;
    }

    /** Differences of name, status, folder and description between the two. */
    public ObservableList<String> changes() {
        return changes;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
