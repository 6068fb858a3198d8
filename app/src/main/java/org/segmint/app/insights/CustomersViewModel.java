package org.segmint.app.insights;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.app.task.LatestTask;
import org.segmint.app.task.Tasks;
import org.segmint.model.catalog.Field;
import org.segmint.persistence.members.MemberTableSql;
import org.segmint.persistence.members.SortOrder;

/**
 * The Customers tab: the members in a table with the columns the user picks, sortable on any of them. Only the
 * order of the members' keys is held (4 bytes a member); cells are read a page at a time in the background when
 * the table shows them, and a few hundred pages are kept. A new count, sort or set of columns starts over.
 */
public final class CustomersViewModel {
    /** Rows read at once. */
    public static final int PAGE = 100;
    private static final int KEPT_PAGES = 200;
    private static final List<String> DEFAULT_COLUMNS = List.of("customers.customer_id", "customers.first_name",
            "customers.last_name", "customers.email", "customers.city", "metrics.orders", "metrics.revenue",
            "metrics.last_order_date", "metrics.lifecycle");

    private final InsightsServices services;
    private final BackgroundExecutor executor;
    private final LatestTask ordering = new LatestTask();
    private final Map<Integer, List<List<String>>> pages = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<Integer> loading = new HashSet<>();
    private RoaringBitmap members;
    private Supplier<String> membersSql = () -> null;
    private int[] order = new int[0];
    private long generation;
    private boolean active;
    private boolean stale = true;

    // Properties //
    private final ObservableList<Field> columns = FXCollections.observableArrayList();
    private final ObjectProperty<Field> sortField = new SimpleObjectProperty<>(this, "sortField");
    private final ObjectProperty<SortOrder> sortOrder = new SimpleObjectProperty<>(this, "sortOrder",
            SortOrder.ASCENDING);
    private final IntegerProperty rows = new SimpleIntegerProperty(this, "rows");
    private final LongProperty revision = new SimpleLongProperty(this, "revision");
    private final ObjectProperty<InsightsViewModel.State> state = new SimpleObjectProperty<>(this, "state",
            InsightsViewModel.State.EMPTY);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    public CustomersViewModel(InsightsServices services, BackgroundExecutor executor) {
        this.services = services;
        this.executor = executor;
        columns.addListener((ListChangeListener<Field>) c -> clearPages());
    }

    // Commands //

    /** Picks the default columns among the workspace's attributes (once). */
    public void loadDefaultColumns(List<Field> fields) {
        if (!columns.isEmpty()) {
            return;
        }
        List<Field> chosen = new ArrayList<>();
        for (String id : DEFAULT_COLUMNS) {
            fields.stream().filter(f -> f.id().equals(id)).findFirst().ifPresent(chosen::add);
        }
        columns.setAll(chosen);
    }

    public void update(RoaringBitmap newMembers, Supplier<String> sql) {
        members = newMembers;
        membersSql = sql;
        reorder();
    }

    public void setActive(boolean showing) {
        active = showing;
        if (showing && stale) {
            reorder();
        }
    }

    /** Sorts on {@code field} (null: customer-key order). */
    public void sort(Field field, SortOrder direction) {
        sortField.set(field);
        sortOrder.set(direction == null ? SortOrder.ASCENDING : direction);
        reorder();
    }

    public void addColumn(Field f) {
        if (f != null && !columns.contains(f)) {
            columns.add(f);
        }
    }

    public void removeColumn(Field f) {
        columns.remove(f);
        if (f != null && f.equals(sortField.get())) {
            sort(null, SortOrder.ASCENDING);
        }
    }

    /**
     * The text of a cell, or null while its page is being read (the page is requested; {@link #revisionProperty()}
     * changes when it arrives).
     */
    public String cell(int row, int column) {
        if (row < 0 || row >= order.length || column < 0 || column >= columns.size()) {
            return "";
        }
        int page = row / PAGE;
        List<List<String>> cells = pages.get(page);
        if (cells == null) {
            request(page);
            return null;
        }
        List<String> r = cells.get(row - page * PAGE);
        return column < r.size() ? r.get(column) : "";
    }

    /** The customer key at a row (for tests and exports of a selection). */
    public int keyAt(int row) {
        return order[row];
    }

    /** View SQL of the page starting at {@code firstRow}. */
    public String sql(int firstRow) {
        String sql = membersSql.get();
        return MemberTableSql.page(sql == null ? "SELECT ck FROM customers" : sql, List.copyOf(columns),
                sortField.get(), sortOrder.get(), Math.max(0, firstRow / PAGE * PAGE), PAGE);
    }

    /** Builds the View SQL of a page in the background (it reads the workspace) and hands it to {@code show}. */
    public void requestSql(int firstRow, java.util.function.Consumer<String> show) {
        Tasks.create(ctx -> sql(firstRow)).onSuccess(show).onError(e -> show.accept("-- " + e.getMessage()))
                .runOnce(executor);
    }

    private void reorder() {
        if (!active || members == null) {
            stale = true;
            return;
        }
        stale = false;
        RoaringBitmap m = members;
        Field f = sortField.get();
        SortOrder o = sortOrder.get();
        state.set(InsightsViewModel.State.COMPUTING);
        ordering.run(Tasks.create(ctx -> services.order(m, f, o, ctx.cancellation())).onSuccess(keys -> {
            order = keys;
            clearPages();
            rows.set(keys.length);
            state.set(InsightsViewModel.State.DONE);
        }).onError(e -> {
            message.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            state.set(InsightsViewModel.State.ERROR);
        }), executor);
    }

    private void clearPages() {
        generation++;
        pages.clear();
        loading.clear();
        revision.set(revision.get() + 1);
    }

    private void request(int page) {
        if (!loading.add(page)) {
            return;
        }
        long gen = generation;
        int from = page * PAGE;
        int[] keys = java.util.Arrays.copyOfRange(order, from, Math.min(order.length, from + PAGE));
        List<Field> cols = List.copyOf(columns);
        Tasks.create(ctx -> services.rows(keys, cols)).onSuccess(cells -> {
            if (gen != generation) {
                return;
            }
            loading.remove(page);
            pages.put(page, cells);
            while (pages.size() > KEPT_PAGES) {
                pages.remove(pages.keySet().iterator().next());
            }
            revision.set(revision.get() + 1);
        }).onError(e -> {
            loading.remove(page);
            message.set(e.getMessage());
        }).runOnce(executor);
    }

    // Properties //

    public ObservableList<Field> columns() {
        return columns;
    }

    public ReadOnlyObjectProperty<Field> sortFieldProperty() {
        return sortField;
    }

    public ReadOnlyObjectProperty<SortOrder> sortOrderProperty() {
        return sortOrder;
    }

    public ReadOnlyIntegerProperty rowsProperty() {
        return rows;
    }

    /** Changes whenever cells arrive or the table starts over: the view redraws its visible rows. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision;
    }

    public ReadOnlyObjectProperty<InsightsViewModel.State> stateProperty() {
        return state;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
