package org.segmint.app.data;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.UserMessages;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.Tasks;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.hierarchy.Hierarchy;
import org.segmint.persistence.hierarchy.HierarchySetting;

/**
 * The Data page's hierarchy card (SPEC §7): which customer columns name the households (first level) and the
 * accounts (second level). Deeper levels are set with {@code segmint hierarchy WS set ...} and kept here.
 */
public final class HierarchyViewModel {
    /** The choice "no such level". */
    public static final String NONE = "(none)";

    private final AppContext context;
    private List<String> deeper = List.of();

    // Properties //
    private final ObservableList<String> columns = FXCollections.observableArrayList(NONE);
    private final ObjectProperty<String> first = new SimpleObjectProperty<>(NONE);
    private final ObjectProperty<String> second = new SimpleObjectProperty<>(NONE);
    private final StringProperty text = new SimpleStringProperty("");

    public HierarchyViewModel(AppContext context) {
        this.context = context;
    }

    // Commands //

    public void load() {
        WorkspaceSession session = context.requireSession();
        Tasks.create(ctx -> session.read(ws -> new Loaded(ws.catalog().fields(Catalog.CUSTOMERS).stream()
                        .map(Field::column).filter(c -> !c.equals("customer_id")).toList(), HierarchySetting.read(ws),
                        HierarchySetting.isSet(ws))))
                .onSuccess(this::show)
                .onError(e -> text.set(UserMessages.message(e)))
                .runOnce(context.executor());
    }

    /** Saves the chosen columns (households, then accounts, then any deeper levels kept). */
    public void apply() {
        List<String> chosen = new ArrayList<>();
        if (!NONE.equals(first.get())) {
            chosen.add(first.get());
        }
        if (!NONE.equals(second.get()) && !chosen.isEmpty() && !second.get().equals(first.get())) {
            chosen.add(second.get());
            deeper.stream().filter(c -> !chosen.contains(c)).forEach(chosen::add);
        }
        WorkspaceSession session = context.requireSession();
        Tasks.create(ctx -> session.read(ws -> HierarchySetting.write(ws, chosen)))
                .onSuccess(h -> load())
                .onError(e -> text.set(UserMessages.message(e)))
                .runOnce(context.executor());
    }

    private void show(Loaded loaded) {
        List<String> all = new ArrayList<>();
        all.add(NONE);
        all.addAll(loaded.columns());
        columns.setAll(all);
        List<String> levels = loaded.hierarchy().columns();
        first.set(levels.size() > 0 ? levels.get(0) : NONE);
        second.set(levels.size() > 1 ? levels.get(1) : NONE);
        deeper = levels.size() > 2 ? levels.subList(2, levels.size()) : List.of();
        text.set(levels.isEmpty() ? "No hierarchy: counts are of customers only."
                : "Counts can be shown per " + String.join(" or ", loaded.hierarchy().levels().stream().skip(1)
                .map(l -> l.label()).toList()) + (loaded.set() ? "." : " (found in the customers' columns).")
                + " Customers with an empty id count as their own.");
    }

    private record Loaded(List<String> columns, Hierarchy hierarchy, boolean set) {
    }

    // Properties //

    public ObservableList<String> columns() {
        return columns;
    }

    public ObjectProperty<String> firstProperty() {
        return first;
    }

    public ObjectProperty<String> secondProperty() {
        return second;
    }

    public StringProperty textProperty() {
        return text;
    }
}
