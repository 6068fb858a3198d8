package org.segmint.app.groups;

import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.segmint.app.shell.DialogService;
import org.segmint.app.shell.Styles;
import org.segmint.model.group.Schedule;
import org.segmint.persistence.group.HistoryEntry;

/**
 * The Groups tab: the list of groups (kind, size, schedule, last recalculated, due) and the chosen group's
 * detail with its history as a chart (total, joined, left per run) and a table, and the commands.
 */
public final class GroupsView extends BorderPane {
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);
    private static final java.time.format.DateTimeFormatter RAN_AT =
            java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private static final List<String> SCHEDULES = List.of("manual", "daily", "weekly:MON", "weekly:TUE",
            "weekly:WED", "weekly:THU", "weekly:FRI", "weekly:SAT", "weekly:SUN", "monthly:1", "monthly:15",
            "yearly:01-01");

    private final GroupsViewModel vm;
    private final DialogService dialogs;
    private final TableView<GroupRow> table = new TableView<>();
    private final LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), new NumberAxis());
    private final BarChart<String, Number> churn = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final TableView<HistoryEntry> historyTable = new TableView<>();
    private final Label title = new Label();
    private final Label size = new Label();
    private final Label facts = new Label();
    private final Label failure = new Label();

    public GroupsView(GroupsViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        getStyleClass().add(Styles.PAGE);
        setTop(toolbar());
        SplitPane split = new SplitPane(groupList(), detail());
        split.setDividerPositions(0.55);
        setCenter(split);
        Label message = new Label();
        message.getStyleClass().add(Styles.MUTED);
        message.textProperty().bind(vm.messageProperty());
        Label error = new Label();
        error.getStyleClass().add(Styles.ERROR_TEXT);
        error.textProperty().bind(vm.errorProperty());
        VBox bottom = new VBox(2, error, message);
        bottom.setPadding(new Insets(6, 12, 6, 12));
        setBottom(bottom);
        vm.selectedProperty().addListener((o, old, row) -> showDetail(row));
        vm.history().addListener((ListChangeListener<HistoryEntry>) c -> showHistory());
        showDetail(null);
    }

    private HBox toolbar() {
        Button newStatic = button("New groups…", "new-static", this::newStatic);
        Button newSmart = button("New smart group…", "new-smart", this::newSmart);
        Button recalc = button("Recalculate", "recalculate", vm::recalculateSelected);
        recalc.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                || !vm.selectedProperty().get().smart() || vm.busyProperty().get(), vm.selectedProperty(),
                vm.busyProperty()));
        Button due = button("Recalculate due", "recalculate-due", vm::recalculateDue);
        due.disableProperty().bind(vm.busyProperty());
        Button batch = button("Batch…", "batch", () -> BatchDialog.show(vm, this));
        Button splitButton = button("Split…", "split", () -> SplitDialog.show(vm, this));
        Button combine = button("Combine…", "combine", () -> CombineDialog.show(vm, this));
        for (Button b : List.of(batch, splitButton, combine)) {
            b.disableProperty().bind(vm.selectedProperty().isNull());
        }
        Button undo = button("Undo", "undo", vm::undo);
        undo.disableProperty().bind(vm.undoTextProperty().isEmpty());
        undo.setTooltip(new javafx.scene.control.Tooltip());
        undo.getTooltip().textProperty().bind(vm.undoTextProperty());
        Button delete = button("Delete", "delete-group", this::delete);
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, newStatic, newSmart, gap(), recalc, due, gap(), batch, splitButton, combine, gap(),
                undo, spacer, delete);
        bar.getChildren().forEach(n -> {
            if (n instanceof Button b) {
                b.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.TOOLBAR);
        bar.setPadding(new Insets(10, 12, 10, 12));
        return bar;
    }

    private VBox groupList() {
        table.setId("group-table");
        table.getStyleClass().add(Styles.COMPACT_TABLE);
        table.setItems(vm.rows());
        table.getColumns().add(column("Name", 124, GroupRow::name));
        table.getColumns().add(column("Kind", 58, GroupRow::kind));
        TableColumn<GroupRow, String> customers = column("Customers", 90, r -> COUNT.format(r.customers()));
        customers.getStyleClass().add(Styles.NUMBER);
        table.getColumns().add(customers);
        table.getColumns().add(column("Schedule", 100, GroupRow::schedule));
        table.getColumns().add(column("Recalculated", 128, GroupRow::lastRun));
        table.getColumns().add(column("Due", 44, r -> !r.error().isEmpty() ? "failed" : r.due() ? "due" : ""));
        table.getColumns().forEach(c -> c.setMinWidth(c.getPrefWidth() * 0.8));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(GroupRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("due"), !empty && row.due());
            }
        });
        Label empty = new Label("No groups yet. Make static groups with \"New groups…\" or a smart group from a"
                + " saved segment with \"New smart group…\".");
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.MUTED);
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (row != vm.selectedProperty().get()) {
                vm.selectedProperty().set(row);
            }
        });
        vm.selectedProperty().addListener((o, old, row) -> {
            if (row != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(row);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(table);
        box.setPadding(new Insets(0, 0, 0, 12));
        return box;
    }

    private VBox detail() {
        title.getStyleClass().add(Styles.SUBTITLE);
        title.setId("group-title");
        size.getStyleClass().add(Styles.BIG_NUMBER);
        size.setId("group-size");
        facts.getStyleClass().add(Styles.MUTED);
        facts.setWrapText(true);
        facts.setMinHeight(Region.USE_PREF_SIZE);
        failure.getStyleClass().add(Styles.ERROR_TEXT);
        failure.setWrapText(true);
        failure.managedProperty().bind(failure.textProperty().isNotEmpty());
        chart.setId("history-chart");
        chart.setTitle("Members after each recalculation");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getStyleClass().add(Styles.CHART);
        chart.setPrefHeight(170);
        chart.setMinHeight(140);
        churn.setId("churn-chart");
        churn.setTitle("Joined and left");
        churn.setAnimated(false);
        churn.getStyleClass().add(Styles.CHART);
        churn.setPrefHeight(170);
        churn.setMinHeight(140);
        churn.setBarGap(0);
        churn.setCategoryGap(6);
        for (javafx.scene.chart.XYChart<String, Number> c : List.of(chart, churn)) {
            ((CategoryAxis) c.getXAxis()).setTickLabelRotation(0);
        }
        historyTable.setId("history-table");
        historyTable.getStyleClass().add(Styles.COMPACT_TABLE);
        historyTable.setItems(vm.history());
        historyTable.getColumns().add(historyColumn("As of", h -> h.asOf().toString()));
        historyTable.getColumns().add(historyColumn("Total", h -> COUNT.format(h.total())));
        historyTable.getColumns().add(historyColumn("Joined", h -> h.joined() == 0 ? "0" : "+" + COUNT.format(h.joined())));
        historyTable.getColumns().add(historyColumn("Left", h -> h.left() == 0 ? "0" : "−" + COUNT.format(h.left())));
        historyTable.getColumns().add(historyColumn("Ran at", h -> RAN_AT.format(h.at().atZone(
                java.time.ZoneId.systemDefault()))));
        double[] widths = {90, 66, 66, 62, 124};
        for (int i = 0; i < widths.length; i++) {
            historyTable.getColumns().get(i).setPrefWidth(widths[i]);
            historyTable.getColumns().get(i).setMinWidth(widths[i] * 0.8);
        }
        historyTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        historyTable.setPlaceholder(new Label("A static group has no recalculations."));
        historyTable.setPrefHeight(180);
        VBox.setVgrow(historyTable, Priority.ALWAYS);
        Button addMembers = button("Add members…", "add-members", () -> AddMembers.show(vm, dialogs, true));
        Button removeMembers = button("Remove members…", "remove-members", () -> AddMembers.show(vm, dialogs,
                false));
        HBox edit = new HBox(8, addMembers, removeMembers);
        edit.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() != null
                && !vm.selectedProperty().get().smart(), vm.selectedProperty()));
        edit.managedProperty().bind(edit.visibleProperty());
        Button schedule = button("Schedule…", "schedule", () -> {
            GroupRow row = vm.selectedProperty().get();
            dialogs.choose("Schedule of '" + row.name() + "'", "Recalculate", SCHEDULES, row.schedule())
                    .ifPresent(text -> vm.setSchedule(Schedule.parse(text)));
        });
        schedule.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() != null
                && vm.selectedProperty().get().smart(), vm.selectedProperty()));
        schedule.managedProperty().bind(schedule.visibleProperty());
        edit.getChildren().add(schedule);
        edit.visibleProperty().unbind();
        edit.visibleProperty().bind(vm.selectedProperty().isNotNull());
        addMembers.visibleProperty().bind(schedule.visibleProperty().not());
        addMembers.managedProperty().bind(addMembers.visibleProperty());
        removeMembers.visibleProperty().bind(schedule.visibleProperty().not());
        removeMembers.managedProperty().bind(removeMembers.visibleProperty());
        VBox box = new VBox(6, title, size, facts, edit, failure, chart, churn, historyTable);
        box.setPadding(new Insets(0, 12, 0, 12));
        return box;
    }

    private void showDetail(GroupRow row) {
        if (row == null) {
            title.setText("Choose a group");
            size.setText("");
            facts.setText("A smart group keeps the members of a segment as of its last recalculation; a static"
                    + " group keeps the customers put into it.");
            failure.setText("");
            chart.getData().clear();
            churn.getData().clear();
            return;
        }
        title.setText(row.name());
        size.setText(COUNT.format(row.customers()) + " customers");
        if (row.smart()) {
            facts.setText("Smart group from " + row.source() + " · schedule " + row.schedule()
                    + (row.lastRun().isEmpty() ? "" : " · last recalculated " + row.lastRun() + " as of " + row.asOf())
                    + (row.due() ? " · due" : ""));
        } else {
            facts.setText("Static group" + (row.folder().isEmpty() ? "" : " · folder " + row.folder()));
        }
        failure.setText(row.error().isEmpty() ? "" : "The last recalculation failed and the group kept its members: "
                + row.error());
        showHistory();
    }

    private void showHistory() {
        chart.getData().clear();
        churn.getData().clear();
        List<HistoryEntry> oldestFirst = vm.history().stream().sorted((a, b) -> a.at().compareTo(b.at())).toList();
        if (oldestFirst.isEmpty()) {
            return;
        }
        XYChart.Series<String, Number> total = new XYChart.Series<>();
        total.setName("Total");
        XYChart.Series<String, Number> joined = new XYChart.Series<>();
        joined.setName("Joined");
        XYChart.Series<String, Number> left = new XYChart.Series<>();
        left.setName("Left");
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            HistoryEntry h = oldestFirst.get(i);
            // month and day keep the axis readable; the table below has the years
            String x = h.asOf().toString().substring(5);
            for (int n = 2; !used.add(x); n++) {
                x = h.asOf().toString().substring(5) + " (" + n + ")";
            }
            total.getData().add(new XYChart.Data<>(x, h.total()));
            // the first calculation has everyone joining: drawn, it would dwarf every later run
            if (i > 0 || oldestFirst.size() == 1) {
                joined.getData().add(new XYChart.Data<>(x, h.joined()));
                left.getData().add(new XYChart.Data<>(x, -h.left()));
            }
        }
        chart.getData().setAll(List.of(total));
        churn.getData().setAll(List.of(joined, left));
    }

    private void newStatic() {
        dialogs.prompt("New groups", "Names of the new static groups (one or several, separated by commas)", "")
                .ifPresent(text -> vm.createStatic(Arrays.stream(text.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList()));
    }

    private void newSmart() {
        List<String> segments = vm.service().segmentNames();
        if (segments.isEmpty()) {
            dialogs.showInfo("No saved segments", "A smart group follows a saved segment: save a segment first.");
            return;
        }
        dialogs.choose("New smart group", "The saved segment the group follows", segments, segments.get(0))
                .ifPresent(segment -> dialogs.prompt("New smart group", "Name of the group", segment)
                        .ifPresent(name -> dialogs.choose("New smart group", "Recalculate", SCHEDULES,
                                "weekly:MON").ifPresent(schedule -> {
                                    try {
                                        vm.createSmart(name, segment, Schedule.parse(schedule));
                                    } catch (IllegalArgumentException e) {
                                        dialogs.showError("Unknown schedule", e.getMessage());
                                    }
                                })));
    }

    private void delete() {
        GroupRow row = vm.selectedProperty().get();
        if (row != null && dialogs.confirm("Delete group", "Delete the group '" + row.name() + "' and its "
                + COUNT.format(row.customers()) + " members? Segments or clusters that use it will no longer find"
                + " it.", "Delete")) {
            vm.deleteSelected(true);
        }
    }

    private static Region gap() {
        Region r = new Region();
        r.setMinWidth(6);
        return r;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static TableColumn<GroupRow, String> column(String name, double width, Function<GroupRow, String> value) {
        TableColumn<GroupRow, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private static TableColumn<HistoryEntry, String> historyColumn(String name, Function<HistoryEntry, String> value) {
        TableColumn<HistoryEntry, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }
}
