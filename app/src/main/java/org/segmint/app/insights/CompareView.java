package org.segmint.app.insights;

import java.util.List;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.segmint.app.dialogs.SqlDialog;
import org.segmint.model.compare.OverlapMatrix;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.persistence.compare.SegmentMetrics;

/**
 * The Compare tab: saved segments picked beside the one being edited, a level switch, then sizes with the overlap
 * matrix, the Venn diagram (2 or 3 segments), the intersection bars and the key metrics.
 */
public final class CompareView extends VBox {
    private final CompareViewModel vm;
    private final CheckComboBox<String> picker = new CheckComboBox<>();
    private final ChoiceBox<HierarchyLevel> level = new ChoiceBox<>();
    private final Label status = new Label();
    private final VBox content = new VBox(16);
    private final Runnable onSaved;
    private boolean syncing;

    public CompareView(CompareViewModel vm, Runnable onSaved) {
        super(10);
        this.vm = vm;
        this.onSaved = onSaved;
        setPadding(new Insets(12));
        getStyleClass().add("sg-compare");
        picker.setId("compare-picker");
        picker.setTitle("Compare with…");
        picker.setShowCheckedCount(true);
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.getItems().setAll(vm.available());
        picker.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (!syncing) {
                vm.setOthers(List.copyOf(picker.getCheckModel().getCheckedItems()));
            }
        });
        vm.others().addListener((ListChangeListener<String>) c -> syncChecks());
        vm.available().addListener((ListChangeListener<String>) c -> {
            syncing = true;
            picker.getItems().setAll(vm.available());
            syncing = false;
            syncChecks();
        });
        level.setId("compare-level");
        level.setItems(vm.levels());
        level.setConverter(new StringConverter<>() {
            @Override
            public String toString(HierarchyLevel l) {
                return l == null ? "" : l.label();
            }

            @Override
            public HierarchyLevel fromString(String s) {
                return null;
            }
        });
        level.valueProperty().bindBidirectional(vm.levelProperty());
        Button sql = new Button("View SQL");
        sql.setId("compare-sql");
        sql.setOnAction(e -> vm.requestSql(text -> SqlDialog.show("SQL of the comparison", text)));
        HBox.setHgrow(picker, Priority.ALWAYS);
        HBox top = new HBox(8, picker, new Label("Count"), level, sql);
        top.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("sg-hint");
        status.setWrapText(true);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("sg-insights");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        content.setPadding(new Insets(4));
        getChildren().addAll(top, status, scroll);
        vm.resultProperty().addListener(o -> redraw());
        vm.stateProperty().addListener(o -> redraw());
        redraw();
    }

    private void syncChecks() {
        syncing = true;
        picker.getCheckModel().clearChecks();
        for (String name : vm.others()) {
            picker.getCheckModel().check(name);
        }
        syncing = false;
    }

    private void redraw() {
        CompareViewModel.Result r = vm.resultProperty().get();
        switch (vm.stateProperty().get()) {
            case COMPUTING:
                status.setText("comparing…");
                break;
            case ERROR:
                status.setText("Could not compare: " + vm.messageProperty().get());
                break;
            case EMPTY:
                status.setText("Pick 1 to " + CompareViewModel.MAX_OTHERS + " saved segments to compare with \""
                        + vm.currentName() + "\".");
                break;
            default:
                status.setText(r == null ? "" : "\"" + vm.currentName() + "\" and " + (r.overlap().count() - 1)
                        + " saved segments, in " + r.level().name() + " · click a bar to save that group as a"
                        + " segment or a static group");
        }
        if (r == null || vm.stateProperty().get() == InsightsViewModel.State.EMPTY) {
            content.getChildren().clear();
            return;
        }
        OverlapMatrix m = r.overlap();
        FlowPane diagrams = new FlowPane(24, 16);
        if (m.count() <= 3) {
            diagrams.getChildren().add(new VennDiagram(m, r.level().name()));
        }
        diagrams.getChildren().add(new IntersectionBars(m, this::offerSave));
        content.getChildren().setAll(title("Sizes and overlaps (" + r.level().name() + ")"), matrix(m),
                title("Overlap diagram"), diagrams, title("Key metrics · customers, last 12 months"),
                metrics(r.metrics()));
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("sg-section-title");
        return l;
    }

    /** Size, unique, and the overlap with each other segment: count and % of the row's segment. */
    private static Node matrix(OverlapMatrix m) {
        GridPane grid = new GridPane();
        grid.setId("compare-matrix");
        grid.getStyleClass().add("sg-compare-matrix");
        grid.setHgap(14);
        grid.setVgap(4);
        grid.add(head(""), 0, 0);
        grid.add(head("size"), 1, 0);
        grid.add(head("unique"), 2, 0);
        for (int j = 0; j < m.count(); j++) {
            grid.add(head("with " + (j + 1)), 3 + j, 0);
        }
        for (int i = 0; i < m.count(); i++) {
            Label name = new Label((i + 1) + ". " + m.names().get(i));
            name.setMaxWidth(200);
            grid.add(name, 0, i + 1);
            grid.add(number(Formats.count(m.size(i)), "size-" + i), 1, i + 1);
            grid.add(number(Formats.count(m.unique(i)), "unique-" + i), 2, i + 1);
            for (int j = 0; j < m.count(); j++) {
                String text = i == j ? "–" : Formats.count(m.overlap(i, j)) + " (" + Formats.percent(
                        m.overlapShare(i, j)) + ")";
                Label cell = number(text, "overlap-" + i + "-" + j);
                cell.setUserData(m.overlap(i, j));
                grid.add(cell, 3 + j, i + 1);
            }
        }
        return grid;
    }

    private static Node metrics(List<SegmentMetrics> metrics) {
        GridPane grid = new GridPane();
        grid.setId("compare-metrics");
        grid.getStyleClass().add("sg-compare-matrix");
        grid.setHgap(14);
        grid.setVgap(4);
        String[] heads = {"", "customers", "active", "revenue", "rev. / customer", "units / order", "AOV"};
        for (int c = 0; c < heads.length; c++) {
            grid.add(head(heads[c]), c, 0);
        }
        for (int i = 0; i < metrics.size(); i++) {
            SegmentMetrics s = metrics.get(i);
            Label name = new Label((i + 1) + ". " + s.name());
            name.setMaxWidth(200);
            grid.add(name, 0, i + 1);
            grid.add(number(Formats.count(s.customers()), null), 1, i + 1);
            grid.add(number(Formats.count(s.activeCustomers()), null), 2, i + 1);
            grid.add(number(Formats.money(s.revenue()), null), 3, i + 1);
            grid.add(number(Formats.money(s.revenuePerCustomer()), null), 4, i + 1);
            grid.add(number(Formats.ratio(s.unitsPerOrder()), null), 5, i + 1);
            grid.add(number(Formats.money(s.averageOrderValue()), null), 6, i + 1);
        }
        return grid;
    }

    private static Label head(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("sg-kpi-name");
        return l;
    }

    private static Label number(String text, String id) {
        Label l = new Label(text);
        l.getStyleClass().add("sg-number");
        l.setMinWidth(Region.USE_PREF_SIZE);
        if (id != null) {
            l.setId("compare-" + id);
        }
        return l;
    }

    private void offerSave(OverlapMatrix.Combination c, Node anchor) {
        MenuItem segment = new MenuItem("Save as segment…");
        segment.setOnAction(e -> saveAsSegment(c.mask()));
        MenuItem group = new MenuItem("Save the customers as a static group…");
        group.setOnAction(e -> saveAsGroup(c.mask()));
        ContextMenu menu = new ContextMenu(segment, group);
        menu.show(anchor, javafx.geometry.Side.BOTTOM, 0, 0);
    }

    private void saveAsGroup(int mask) {
        TextInputDialog dialog = new TextInputDialog(vm.intersectionName(mask));
        dialog.setTitle("Save as static group");
        dialog.setHeaderText("Save the customers in exactly this part as a new static group (they stay in it when"
                + " the segments change)");
        Optional<String> name = dialog.showAndWait();
        name.map(String::strip).filter(n -> !n.isEmpty()).ifPresent(n -> {
            try {
                long customers = vm.saveIntersectionAsGroup(mask, n);
                status.setText("Saved the static group \"" + n + "\" with " + Formats.count(customers)
                        + " customers.");
                onSaved.run();
            } catch (RuntimeException ex) {
                status.setText("Could not save: " + ex.getMessage());
            }
        });
    }

    private void saveAsSegment(int mask) {
        TextInputDialog dialog = new TextInputDialog(vm.intersectionName(mask));
        dialog.setTitle("Save as segment");
        dialog.setHeaderText("Save the customers in exactly this part as a new segment");
        Optional<String> name = dialog.showAndWait();
        name.map(String::strip).filter(n -> !n.isEmpty()).ifPresent(n -> {
            try {
                vm.saveIntersection(mask, n);
                onSaved.run();
            } catch (RuntimeException ex) {
                status.setText("Could not save: " + ex.getMessage());
            }
        });
    }
}
