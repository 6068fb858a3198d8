package org.segmint.app.insights;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.segmint.app.dialogs.SqlDialog;
import org.segmint.model.catalog.Field;
import org.segmint.model.insight.BreakdownChoice;
import org.segmint.persistence.insight.Breakdown;
import org.segmint.persistence.insight.CompareBy;

/**
 * The Breakdown tab: a searchable attribute picker that adds a chart, the measure to compare by, the date range of
 * the purchase measures, and the charts (two per row when there is room), each bar of the segment beside all
 * customers' bar.
 */
public final class BreakdownView extends VBox {
    private static final String SEGMENT = "This segment";
    private static final String ALL = "All customers";

    private final BreakdownViewModel vm;
    private final FlowPane charts = new FlowPane(12, 12);
    private final Label status = new Label();
    private final SearchableComboBox<Field> picker = new SearchableComboBox<>();
    private final ChoiceBox<CompareBy> compareBy = new ChoiceBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private List<Field> fields = List.of();
    private boolean loading;

    public BreakdownView(BreakdownViewModel vm, Supplier<List<Field>> fieldSource) {
        super(10);
        this.vm = vm;
        getStyleClass().add("sg-breakdown");
        setPadding(new Insets(12));
        picker.setId("breakdown-attribute");
        picker.setPromptText("Add a chart: pick an attribute");
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Field f) {
                return f == null ? "" : f.label() + "  ·  " + f.table();
            }

            @Override
            public Field fromString(String s) {
                return fields.stream().filter(f -> toString(f).equals(s)).findFirst().orElse(null);
            }
        });
        picker.setOnShowing(e -> {
            if (fields.isEmpty()) {
                fields = fieldSource.get();
                picker.getItems().setAll(fields);
            }
        });
        picker.valueProperty().addListener((o, old, f) -> {
            if (f != null && !loading) {
                vm.addChart(f.id());
                javafx.application.Platform.runLater(() -> picker.setValue(null));
            }
        });
        fields = fieldSource.get();
        picker.getItems().setAll(fields);
        compareBy.getItems().setAll(CompareBy.values());
        compareBy.setId("breakdown-compare-by");
        compareBy.setConverter(new StringConverter<>() {
            @Override
            public String toString(CompareBy by) {
                return by == null ? "" : measureName(by);
            }

            @Override
            public CompareBy fromString(String s) {
                return null;
            }
        });
        compareBy.valueProperty().addListener((o, old, by) -> {
            if (by != null && !loading) {
                vm.setCompareBy(by);
            }
        });
        from.setPromptText("from");
        to.setPromptText("to");
        from.setPrefWidth(130);
        to.setPrefWidth(130);
        from.setId("breakdown-from");
        to.setId("breakdown-to");
        from.valueProperty().addListener((o, old, d) -> rangeChanged());
        to.valueProperty().addListener((o, old, d) -> rangeChanged());
        Button window = new Button("12 months");
        window.setTooltip(new Tooltip("Purchases of the 12 months ending with the as-of date"));
        window.setOnAction(e -> {
            from.setValue(null);
            to.setValue(null);
        });
        HBox.setHgrow(picker, Priority.ALWAYS);
        HBox top = new HBox(8, picker, new Label("Compare by"), compareBy);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox range = new HBox(8, new Label("Purchases from"), from, new Label("to"), to, window);
        range.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("sg-hint");
        charts.getStyleClass().add("sg-breakdown-charts");
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("sg-insights");
        charts.prefWrapLengthProperty().bind(scroll.widthProperty().subtract(24));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(top, range, status, scroll);
        vm.charts().addListener((ListChangeListener<BreakdownViewModel.Chart>) c -> redraw());
        vm.stateProperty().addListener(o -> showStatus());
        vm.choiceProperty().addListener(o -> showChoice());
        scroll.widthProperty().addListener(o -> redraw());
        showChoice();
        redraw();
    }

    private void rangeChanged() {
        if (!loading) {
            vm.setRange(from.getValue(), to.getValue());
        }
    }

    private void showChoice() {
        loading = true;
        BreakdownChoice c = vm.choiceProperty().get();
        compareBy.setValue(vm.compareBy());
        from.setValue(c.from());
        to.setValue(c.to());
        picker.setDisable(c.charts().size() >= BreakdownChoice.MAX_CHARTS);
        loading = false;
        showStatus();
    }

    private void showStatus() {
        BreakdownChoice c = vm.choiceProperty().get();
        switch (vm.stateProperty().get()) {
            case COMPUTING:
                status.setText("computing…");
                break;
            case ERROR:
                status.setText("Could not compute: " + vm.messageProperty().get());
                break;
            default:
                status.setText(c.charts().isEmpty() ? "No charts yet: pick up to " + BreakdownChoice.MAX_CHARTS
                        + " attributes above (customers, metrics or any imported per-customer table)."
                        : c.charts().size() + " of " + BreakdownChoice.MAX_CHARTS + " charts · purchases "
                        + (c.from() == null && c.to() == null ? "of the last 12 months"
                        : (c.from() == null ? "up to " + c.to() : c.to() == null ? "from " + c.from()
                        : c.from() + " to " + c.to())) + " · saved with the segment");
        }
    }

    private void redraw() {
        double width = charts.getPrefWrapLength();
        double cardWidth = width >= 2 * 360 + 12 ? (width - 12) / 2 : Math.max(300, width);
        charts.getChildren().setAll(vm.charts().stream().map(c -> card(c, cardWidth)).toList());
    }

    private Node card(BreakdownViewModel.Chart chart, double width) {
        Breakdown b = chart.segment();
        String label = fields.stream().filter(f -> f.id().equals(chart.field())).map(Field::label).findFirst()
                .orElse(chart.field());
        Label title = new Label(label);
        title.getStyleClass().add("sg-section-title");
        Label kind = new Label(kindName(b.kind()) + " · " + measureName(b.compareBy()).toLowerCase(Locale.ROOT));
        kind.getStyleClass().add("sg-hint");
        Button sql = new Button("SQL");
        sql.getStyleClass().add("sg-small-button");
        sql.setOnAction(e -> vm.requestSql(chart, text -> SqlDialog.show("SQL of the breakdown by " + label, text)));
        Button remove = new Button("×");
        remove.getStyleClass().add("sg-small-button");
        remove.setTooltip(new Tooltip("Remove this chart"));
        remove.setOnAction(e -> vm.removeChart(chart.field()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(6, new VBox(title, kind), gap, sql, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        boolean money = b.compareBy() == CompareBy.REVENUE_PER_PURCHASER;
        y.setTickLabelFormatter(new NumberAxis.DefaultFormatter(y) {
            @Override
            public String toString(Number n) {
                return money ? Formats.money(n.doubleValue()) : Formats.percent(n.doubleValue());
            }
        });
        BarChart<String, Number> bars = new BarChart<>(x, y);
        bars.setId("breakdown-chart-" + chart.field().replace('.', '-'));
        bars.setAnimated(false);
        bars.setCategoryGap(6);
        bars.setBarGap(1);
        bars.setPrefHeight(230);
        bars.getStyleClass().add("sg-breakdown-chart");
        XYChart.Series<String, Number> segment = new XYChart.Series<>();
        segment.setName(SEGMENT);
        XYChart.Series<String, Number> all = new XYChart.Series<>();
        all.setName(ALL);
        for (int i = 0; i < b.buckets().size(); i++) {
            Breakdown.Bucket bucket = b.buckets().get(i);
            segment.getData().add(new XYChart.Data<>(bucket.label(), bucket.value()));
            all.getData().add(new XYChart.Data<>(bucket.label(), chart.baseline().buckets().get(i).value()));
        }
        bars.getData().setAll(List.of(segment, all));
        for (XYChart.Series<String, Number> s : bars.getData()) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                String text = s.getName() + " · " + d.getXValue() + ": " + (money
                        ? Formats.money(d.getYValue().doubleValue()) : Formats.percent(d.getYValue().doubleValue()));
                if (d.getNode() != null) {
                    Tooltip.install(d.getNode(), new Tooltip(text));
                }
            }
        }
        VBox card = new VBox(4, head, bars);
        card.getStyleClass().addAll("sg-card", "sg-breakdown-card");
        card.setPadding(new Insets(8));
        card.setPrefWidth(width);
        card.setMaxWidth(width);
        return card;
    }

    static String measureName(CompareBy by) {
        switch (by) {
            case PURCHASERS:
                return "% of purchasers";
            case REVENUE:
                return "% of revenue";
            case REVENUE_PER_PURCHASER:
                return "Revenue per purchaser";
            default:
                return "% of customers";
        }
    }

    private static String kindName(Breakdown.Kind kind) {
        switch (kind) {
            case HISTOGRAM:
                return "ranges";
            case MONTHS:
                return "by month";
            default:
                return "top values";
        }
    }

    /** The dates shown, for tests. */
    LocalDate[] range() {
        return new LocalDate[] {from.getValue(), to.getValue()};
    }
}
