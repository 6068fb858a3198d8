package org.segmint.app.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.Tasks;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.persistence.columns.ColumnMetrics;
import org.segmint.persistence.workspace.AsOfSetting;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The Data page: the workspace's tables with row counts, the attributes (catalog) of the selected table,
 * and the as-of setting, editable. Reads and writes run in the background.
 */
public final class DataViewModel {
    private final AppContext context;

    // Properties //
    private final ObservableList<TableSummary> tables = FXCollections.observableArrayList();
    private final ObjectProperty<TableSummary> selectedTable = new SimpleObjectProperty<>();
    private final ObservableList<Field> attributes = FXCollections.observableArrayList();
    private final ObjectProperty<AsOfSetting.Mode> asOfMode = new SimpleObjectProperty<>(AsOfSetting.Mode.LATEST);
    private final ObjectProperty<LocalDate> asOfDate = new SimpleObjectProperty<>();
    private final StringProperty asOfText = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty asOfDirty = new SimpleBooleanProperty();
    private List<Field> catalog = List.of();
    private AsOfSetting savedAsOf = AsOfSetting.LATEST_IN_DATA;

    public DataViewModel(AppContext context) {
        this.context = context;
        selectedTable.addListener((o, a, t) -> showAttributes(t));
        asOfMode.addListener((o, a, b) -> updateDirty());
        asOfDate.addListener((o, a, b) -> updateDirty());
    }

    public ObservableList<TableSummary> tables() {
        return tables;
    }

    public ObjectProperty<TableSummary> selectedTableProperty() {
        return selectedTable;
    }

    public ObservableList<Field> attributes() {
        return attributes;
    }

    public ObjectProperty<AsOfSetting.Mode> asOfModeProperty() {
        return asOfMode;
    }

    public ObjectProperty<LocalDate> asOfDateProperty() {
        return asOfDate;
    }

    /** "Relative windows end on 2026-10-31 (the latest date in the data)". */
    public StringProperty asOfTextProperty() {
        return asOfText;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** True when the as-of controls differ from the saved setting (the Apply button is enabled). */
    public BooleanProperty asOfDirtyProperty() {
        return asOfDirty;
    }

    // Commands //

    /** Reloads tables, row counts, catalog and as-of from the workspace. */
    public void load() {
        WorkspaceSession session = context.requireSession();
        loading.set(true);
        Tasks.create(ctx -> session.read(DataViewModel::snapshot))
                .onSuccess(this::show)
                .onError(e -> context.dialogs().showError("Cannot read the workspace", e))
                .andFinally(() -> loading.set(false))
                .runOnce(context.executor());
    }

    /** Saves the as-of setting and recomputes the metrics that depend on it ("days since last order", ...). */
    public void applyAsOf() {
        AsOfSetting setting;
        try {
            setting = currentAsOf();
        } catch (WorkspaceException e) {
            context.dialogs().showError("Invalid as-of date", e.getMessage());
            return;
        }
        WorkspaceSession session = context.requireSession();
        loading.set(true);
        Tasks.create(ctx -> session.read(ws -> {
            ColumnMetrics.changeAsOf(ws, setting);
            return snapshot(ws);
        }))
                .onSuccess(snapshot -> {
                    show(snapshot);
                    context.notifyDataChanged();
                })
                .onError(e -> context.dialogs().showError("Cannot change the as-of date", e))
                .andFinally(() -> loading.set(false))
                .runOnce(context.executor());
    }

    /** Puts the controls back to the saved setting. */
    public void revertAsOf() {
        showAsOf(savedAsOf);
    }

    private AsOfSetting currentAsOf() {
        AsOfSetting.Mode mode = asOfMode.get();
        if (mode == AsOfSetting.Mode.FIXED) {
            if (asOfDate.get() == null) {
                throw new WorkspaceException("Pick the date relative windows should end on");
            }
            return new AsOfSetting(mode, asOfDate.get());
        }
        return new AsOfSetting(mode, null);
    }

    private static Snapshot snapshot(Workspace ws) {
        Catalog catalog = ws.catalog();
        List<TableSummary> tables = new ArrayList<>();
        for (String table : catalog.tables()) {
            tables.add(new TableSummary(table, TableLabels.label(table), ws.rowCount(table),
                    catalog.fields(table).size()));
        }
        return new Snapshot(tables, catalog.fields(), ws.asOfSetting(), ws.asOf());
    }

    private void show(Snapshot s) {
        String selected = selectedTable.get() == null ? null : selectedTable.get().name();
        catalog = s.fields();
        tables.setAll(s.tables());
        TableSummary again = s.tables().stream().filter(t -> t.name().equals(selected)).findFirst()
                .orElse(s.tables().isEmpty() ? null : s.tables().get(0));
        selectedTable.set(again);
        showAttributes(again);
        savedAsOf = s.asOfSetting();
        showAsOf(s.asOfSetting());
        asOfText.set("Relative windows such as \"in the last 90 days\" end on " + s.asOf() + " ("
                + describe(s.asOfSetting()) + ").");
    }

    private void showAsOf(AsOfSetting setting) {
        asOfMode.set(setting.mode());
        asOfDate.set(setting.fixedDate());
        updateDirty();
    }

    private void showAttributes(TableSummary table) {
        if (table == null) {
            attributes.clear();
        } else {
            attributes.setAll(catalog.stream().filter(f -> f.table().equals(table.name())).toList());
        }
    }

    private void updateDirty() {
        boolean dirty;
        try {
            dirty = !currentAsOf().equals(savedAsOf);
        } catch (WorkspaceException e) {
            dirty = false;
        }
        asOfDirty.set(dirty);
    }

    static String describe(AsOfSetting s) {
        switch (s.mode()) {
            case TODAY:
                return "today";
            case FIXED:
                return "a fixed date";
            default:
                return "the latest date in the data";
        }
    }

    private record Snapshot(List<TableSummary> tables, List<Field> fields, AsOfSetting asOfSetting, LocalDate asOf) {
    }
}
