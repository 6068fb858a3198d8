package org.segmint.app.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.app.task.LatestTask;
import org.segmint.app.task.Tasks;
import org.segmint.model.insight.BreakdownChoice;
import org.segmint.model.segment.DateRange;
import org.segmint.persistence.insight.Breakdown;
import org.segmint.persistence.insight.CompareBy;

/**
 * The Breakdown tab: up to six charts of attributes the user picks, each bar for the segment beside the same bar
 * for all customers, by the chosen measure, over a date range for the purchase measures. Charts compute in the
 * background when the tab shows and the members or the choice changed; a newer request cancels an older one. The
 * choice is handed to the editor ({@code onChoice}), which saves it with the segment.
 */
public final class BreakdownViewModel {
    /** One chart: the segment's breakdown and the baseline's, bucket for bucket. */
    public record Chart(String field, Breakdown segment, Breakdown baseline) {
    }

    private final InsightsServices services;
    private final BackgroundExecutor executor;
    private final LatestTask computing = new LatestTask();
    private Consumer<BreakdownChoice> onChoice = c -> { };
    private RoaringBitmap members;
    private Supplier<String> membersSql = () -> null;
    private boolean active;
    private boolean stale;

    // Properties //
    private final ObjectProperty<BreakdownChoice> choice = new SimpleObjectProperty<>(this, "choice",
            BreakdownChoice.NONE);
    private final ObservableList<Chart> charts = FXCollections.observableArrayList();
    private final ObjectProperty<InsightsViewModel.State> state = new SimpleObjectProperty<>(this, "state",
            InsightsViewModel.State.EMPTY);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    public BreakdownViewModel(InsightsServices services, BackgroundExecutor executor) {
        this.services = services;
        this.executor = executor;
    }

    /** Where a changed choice goes (the editor keeps it with the segment). */
    public void setOnChoice(Consumer<BreakdownChoice> action) {
        onChoice = action;
    }

    // Commands //

    /** New members (after a count); computes now if the tab shows, else when it does. */
    public void update(RoaringBitmap newMembers, Supplier<String> sql) {
        members = newMembers;
        membersSql = sql;
        refresh();
    }

    /** The tab shows (or hides): charts compute only while it shows. */
    public void setActive(boolean showing) {
        active = showing;
        if (showing && stale) {
            refresh();
        }
    }

    /** Shows the choice saved with a segment (no call back to the editor). */
    public void load(BreakdownChoice saved) {
        choice.set(saved == null ? BreakdownChoice.NONE : saved);
        charts.clear();
        refresh();
    }

    public void addChart(String field) {
        BreakdownChoice c = choice.get();
        if (field == null || c.charts().contains(field) || c.charts().size() >= BreakdownChoice.MAX_CHARTS) {
            return;
        }
        List<String> next = new ArrayList<>(c.charts());
        next.add(field);
        change(c.withCharts(next));
    }

    public void removeChart(String field) {
        List<String> next = new ArrayList<>(choice.get().charts());
        next.remove(field);
        change(choice.get().withCharts(next));
    }

    public void setCompareBy(CompareBy by) {
        change(choice.get().withCompareBy(by.name().toLowerCase(Locale.ROOT)));
    }

    /** The date range of purchasers and revenue; both null = the 12-month window. */
    public void setRange(LocalDate from, LocalDate to) {
        change(choice.get().withRange(from, to));
    }

    public boolean canAddChart() {
        return choice.get().charts().size() < BreakdownChoice.MAX_CHARTS;
    }

    /** View SQL of one chart. */
    public String sql(Chart chart) {
        String sql = membersSql.get();
        return services.breakdownSql(chart.segment(), sql == null ? "SELECT ck FROM customers" : sql);
    }

    /** Builds a chart's View SQL in the background (it reads the workspace) and hands it to {@code show}. */
    public void requestSql(Chart chart, Consumer<String> show) {
        Tasks.create(ctx -> sql(chart)).onSuccess(show).onError(e -> show.accept("-- " + e.getMessage()))
                .runOnce(executor);
    }

    public CompareBy compareBy() {
        return compareBy(choice.get());
    }

    private void change(BreakdownChoice next) {
        if (next.equals(choice.get())) {
            return;
        }
        choice.set(next);
        onChoice.accept(next);
        refresh();
    }

    private void refresh() {
        if (!active || members == null) {
            stale = true;
            return;
        }
        stale = false;
        BreakdownChoice c = choice.get();
        RoaringBitmap m = members;
        if (c.charts().isEmpty()) {
            computing.cancel();
            charts.clear();
            state.set(InsightsViewModel.State.DONE);
            return;
        }
        state.set(InsightsViewModel.State.COMPUTING);
        computing.run(Tasks.create(ctx -> {
            CompareBy by = compareBy(c);
            DateRange range = c.from() == null && c.to() == null ? null : new DateRange(c.from(), c.to());
            DateRange r = range == null ? org.segmint.persistence.insight.Insights.window(services.asOf()) : range;
            RoaringBitmap all = services.allCustomers();
            List<Chart> result = new ArrayList<>();
            for (String field : c.charts()) {
                ctx.throwIfCancelled();
                Breakdown segment = services.breakdown(m, field, by, r, ctx.cancellation());
                result.add(new Chart(field, segment, services.breakdownAlike(segment, all, ctx.cancellation())));
            }
            return result;
        }).onSuccess(result -> {
            charts.setAll(result);
            state.set(InsightsViewModel.State.DONE);
        }).onError(e -> {
            message.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            state.set(InsightsViewModel.State.ERROR);
        }), executor);
    }

    private static CompareBy compareBy(BreakdownChoice c) {
        try {
            return CompareBy.valueOf(c.compareBy().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return CompareBy.CUSTOMERS;
        }
    }

    // Properties //

    public ReadOnlyObjectProperty<BreakdownChoice> choiceProperty() {
        return choice;
    }

    public ObservableList<Chart> charts() {
        return charts;
    }

    public ReadOnlyObjectProperty<InsightsViewModel.State> stateProperty() {
        return state;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
