package org.segmint.app.insights;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.segmint.app.dialogs.SqlDialog;
import org.segmint.persistence.insight.InsightSummary;
import org.segmint.persistence.insight.MonthRevenue;
import org.segmint.persistence.insight.Reachability;

/**
 * The insights beside the editor: customers, active customers and revenue of the last 12 months,
 * reachability bars, the monthly revenue of 24 months, and the revenue tree, each against all customers,
 * with the SQL behind each statistic one click away.
 */
public final class InsightsPanel extends ScrollPane {
    /** From this width the summary shows in two columns. */
    private static final double TWO_COLUMNS = 760;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.US);

    private final InsightsViewModel vm;
    private final VBox content = new VBox(14);
    private final Label status = new Label();
    private final RevenueTreeView tree = new RevenueTreeView();
    private final BarChart<String, Number> chart;

    public InsightsPanel(InsightsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("sg-insights");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setMinWidth(0);
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setTickLabelFormatter(new NumberAxis.DefaultFormatter(y) {
            @Override
            public String toString(Number n) {
                return Formats.money(n.doubleValue());
            }
        });
        chart = new BarChart<>(x, y);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCategoryGap(1);
        chart.setBarGap(0);
        chart.setPrefHeight(190);
        chart.getStyleClass().add("sg-monthly-chart");
        content.setPadding(new Insets(12));
        content.getStyleClass().add("sg-insights-content");
        setContent(content);
        InvalidationListener redraw = o -> redraw();
        vm.stateProperty().addListener(redraw);
        vm.summaryProperty().addListener(redraw);
        // Wide: two columns (figures and tree | trend); narrow: one. Redrawn only when the choice flips.
        widthProperty().addListener((o, old, w) -> {
            if ((old.doubleValue() >= TWO_COLUMNS) != (w.doubleValue() >= TWO_COLUMNS)) {
                redraw();
            }
        });
        redraw();
    }

    private void redraw() {
        InsightSummary s = vm.summaryProperty().get();
        InsightSummary base = vm.baselineProperty().get();
        status.getStyleClass().setAll("label", "sg-hint");
        switch (vm.stateProperty().get()) {
            case COMPUTING:
                status.setText("updating…");
                break;
            case ERROR:
                status.setText("Could not compute: " + vm.messageProperty().get());
                status.getStyleClass().add("sg-problem");
                break;
            default:
                status.setText(s == null ? "Insights appear after the first count." : "as of " + s.asOf()
                        + " · last 12 months from " + s.window().from());
        }
        if (s == null) {
            content.getChildren().setAll(status);
            return;
        }
        tree.show(s.revenueTree(), base == null ? null : base.revenueTree());
        VBox figures = new VBox(14, kpis(s, base), reachability(s, base));
        VBox trend = new VBox(6, section("Revenue by month (24 months)", "monthlyRevenue", s), monthly(s));
        VBox treeBox = new VBox(6, section("Revenue tree · 12 months vs all", "revenueTree", s), tree);
        if (getWidth() >= TWO_COLUMNS) {
            figures.getChildren().add(treeBox);
            chart.setPrefHeight(320);
            HBox.setHgrow(figures, Priority.ALWAYS);
            HBox.setHgrow(trend, Priority.ALWAYS);
            figures.setPrefWidth(1);
            trend.setPrefWidth(1);
            HBox columns = new HBox(24, figures, trend);
            content.getChildren().setAll(status, columns);
        } else {
            chart.setPrefHeight(190);
            content.getChildren().setAll(status, figures, trend, treeBox);
        }
    }

    private Node kpis(InsightSummary s, InsightSummary base) {
        HBox row = new HBox(8,
                tile("Customers", Formats.count(s.customers()),
                        base == null ? "" : Formats.percent(share(s.customers(), base.customers())) + " of all",
                        s, "customers"),
                tile("Active 12m", Formats.count(s.activeCustomers()),
                        Formats.percent(share(s.activeCustomers(), s.customers())) + " of them", s, "activeCustomers"),
                tile("Revenue 12m", Formats.money(s.revenue12m()),
                        base == null ? "" : Formats.percent(base.revenue12m() == 0 ? 0
                                : s.revenue12m() / base.revenue12m()) + " of all", s, "revenue12m"));
        row.getStyleClass().add("sg-kpis");
        return row;
    }

    private VBox tile(String name, String value, String note, InsightSummary s, String sqlKey) {
        Label n = new Label(name);
        n.getStyleClass().add("sg-kpi-name");
        Label v = new Label(value);
        v.getStyleClass().add("sg-kpi-value");
        v.setId("kpi-" + sqlKey);
        Label d = new Label(note);
        d.getStyleClass().add("sg-kpi-note");
        VBox tile = new VBox(2, n, v, d);
        tile.getStyleClass().add("sg-kpi");
        HBox.setHgrow(tile, Priority.ALWAYS);
        tile.setMaxWidth(Double.MAX_VALUE);
        tile.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                showSql(name, s, sqlKey);
            }
        });
        return tile;
    }

    private Node reachability(InsightSummary s, InsightSummary base) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        Reachability r = s.reachability();
        Reachability b = base == null ? null : base.reachability();
        bar(grid, 0, "Email", r.email(), b == null ? null : b.email());
        bar(grid, 1, "Email opt-in", r.emailOptIn(), b == null ? null : b.emailOptIn());
        bar(grid, 2, "Phone", r.phone(), b == null ? null : b.phone());
        bar(grid, 3, "Postal address", r.postalAddress(), b == null ? null : b.postalAddress());
        return new VBox(6, section("Reachability", "reachability", s), grid);
    }

    private static void bar(GridPane grid, int row, String name, Reachability.Channel c, Reachability.Channel base) {
        grid.add(new Label(name), 0, row);
        if (!c.available()) {
            Label missing = new Label("no such column in this workspace");
            missing.getStyleClass().add("sg-hint");
            grid.add(missing, 1, row, 2, 1);
            return;
        }
        ProgressBar bar = new ProgressBar(c.share());
        bar.setPrefWidth(120);
        bar.getStyleClass().add("sg-reach-bar");
        StackPane track = new StackPane(bar);
        track.setAlignment(Pos.CENTER_LEFT);
        grid.add(track, 1, row);
        String vsAll = base == null || base.share() == null ? "" : "  (all " + Formats.percent(base.share()) + ")";
        Label value = new Label(Formats.percent(c.share()) + vsAll);
        value.getStyleClass().add("sg-reach-value");
        grid.add(value, 2, row);
    }

    private Node monthly(InsightSummary s) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (MonthRevenue m : s.monthlyRevenue()) {
            // Categories must be unique, so every label carries its year.
            series.getData().add(new XYChart.Data<>(MONTH.format(m.month()), m.revenue()));
        }
        chart.getData().setAll(java.util.List.of(series));
        return chart;
    }

    private HBox section(String title, String sqlKey, InsightSummary s) {
        Label label = new Label(title);
        label.getStyleClass().add("sg-section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button sql = new Button("SQL");
        sql.getStyleClass().add("sg-small-button");
        sql.setMinWidth(Region.USE_PREF_SIZE);
        sql.setOnAction(e -> showSql(title, s, sqlKey));
        HBox box = new HBox(6, label, spacer, sql);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static void showSql(String title, InsightSummary s, String key) {
        SqlDialog.show("SQL of " + title, s.sql().getOrDefault(key, "-- no SQL recorded for " + key));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
