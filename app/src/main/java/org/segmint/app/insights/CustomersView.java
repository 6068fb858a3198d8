package org.segmint.app.insights;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.segmint.app.dialogs.SqlDialog;
import org.segmint.model.catalog.Field;
import org.segmint.persistence.members.SortOrder;

/**
 * The Customers tab: the members in a table. Its rows are only numbers (0 .. members - 1); each visible cell asks
 * the view model for its text, which reads the page in the background. A click on a header sorts every member in
 * the background (not just the rows on screen); a right click removes a column; "Export CSV…" writes exactly these
 * columns in this order.
 */
public final class CustomersView extends VBox {
    private static final String LOADING = "…";
    private final CustomersViewModel vm;
    private final TableView<Integer> table = new TableView<>();
    private final Label status = new Label();
    private final SearchableComboBox<Field> picker = new SearchableComboBox<>();
    private boolean sorting;

    /**
     * @param onExport opens the export dialog for the segment with these columns
     */
    public CustomersView(CustomersViewModel vm, Supplier<List<Field>> fieldSource,
                         java.util.function.Consumer<List<Field>> onExport) {
        super(10);
        this.vm = vm;
        setPadding(new Insets(12));
        getStyleClass().add("sg-customers");
        List<Field> fields = fieldSource.get();
        vm.loadDefaultColumns(fields);
        picker.getItems().setAll(fields);
        picker.setId("customers-add-column");
        picker.setPromptText("Add a column");
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Field f) {
                return f == null ? "" : f.label() + "  ·  " + f.table();
            }

            @Override
            public Field fromString(String s) {
                return null;
            }
        });
        picker.valueProperty().addListener((o, old, f) -> {
            if (f != null) {
                vm.addColumn(f);
                javafx.application.Platform.runLater(() -> picker.setValue(null));
            }
        });
        Button export = new Button("Export CSV…");
        export.setId("customers-export");
        export.setOnAction(e -> onExport.accept(List.copyOf(vm.columns())));
        Button sql = new Button("View SQL");
        sql.setId("customers-sql");
        sql.setOnAction(e -> vm.requestSql(firstVisibleRow(), text -> SqlDialog.show("SQL of this page of customers",
                text)));
        HBox.setHgrow(picker, Priority.ALWAYS);
        picker.setMaxWidth(Double.MAX_VALUE);
        HBox top = new HBox(8, picker, sql, export);
        top.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("sg-hint");
        table.setId("customers-table");
        table.setPlaceholder(new Label("The members appear here after the count."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setSortPolicy(t -> {
            if (!sorting) {
                applySort();
            }
            return true;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(top, status, table);
        vm.columns().addListener((ListChangeListener<Field>) c -> buildColumns());
        vm.rowsProperty().addListener(o -> resize());
        vm.revisionProperty().addListener(o -> table.refresh());
        vm.stateProperty().addListener(o -> showStatus());
        vm.sortFieldProperty().addListener(o -> showStatus());
        buildColumns();
        resize();
    }

    private int firstVisibleRow() {
        javafx.scene.control.skin.VirtualFlow<?> flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(
                ".virtual-flow");
        return flow == null || flow.getFirstVisibleCell() == null ? 0 : flow.getFirstVisibleCell().getIndex();
    }

    private void buildColumns() {
        sorting = true;
        table.getSortOrder().clear();
        table.getColumns().clear();
        for (int i = 0; i < vm.columns().size(); i++) {
            Field f = vm.columns().get(i);
            int index = i;
            TableColumn<Integer, String> column = new TableColumn<>(f.label());
            column.setUserData(f);
            column.setId("customers-column-" + f.id().replace('.', '-'));
            column.setPrefWidth(Math.max(90, Math.min(200, f.label().length() * 9 + 30)));
            column.setCellValueFactory(row -> {
                String text = vm.cell(row.getValue(), index);
                return new ReadOnlyStringWrapper(text == null ? LOADING : text);
            });
            boolean numeric = f.type().isNumeric();
            if (numeric) {
                column.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            MenuItem remove = new MenuItem("Remove column");
            remove.setOnAction(e -> vm.removeColumn(f));
            column.setContextMenu(new ContextMenu(remove));
            table.getColumns().add(column);
            if (f.equals(vm.sortFieldProperty().get())) {
                column.setSortType(vm.sortOrderProperty().get() == SortOrder.DESCENDING
                        ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                table.getSortOrder().add(column);
            }
        }
        sorting = false;
        table.refresh();
    }

    private void applySort() {
        if (table.getSortOrder().isEmpty()) {
            vm.sort(null, SortOrder.ASCENDING);
            return;
        }
        TableColumn<Integer, ?> column = table.getSortOrder().get(0);
        vm.sort((Field) column.getUserData(), column.getSortType() == TableColumn.SortType.DESCENDING
                ? SortOrder.DESCENDING : SortOrder.ASCENDING);
    }

    private void resize() {
        int n = vm.rowsProperty().get();
        table.setItems(FXCollections.observableList(new AbstractList<>() {
            @Override
            public Integer get(int index) {
                return index;
            }

            @Override
            public int size() {
                return n;
            }
        }));
        showStatus();
    }

    private void showStatus() {
        Field sort = vm.sortFieldProperty().get();
        switch (vm.stateProperty().get()) {
            case COMPUTING:
                status.setText(sort == null ? "reading…" : "sorting by " + sort.label() + "…");
                break;
            case ERROR:
                status.setText("Could not read the customers: " + vm.messageProperty().get());
                break;
            default:
                status.setText(Formats.count(vm.rowsProperty().get()) + " customers · " + (sort == null
                        ? "in the order they were imported" : "sorted by " + sort.label()
                        + (vm.sortOrderProperty().get() == SortOrder.DESCENDING ? ", largest first" : ""))
                        + " · click a header to sort, right-click it to remove the column");
        }
    }

    /** The table, for tests. */
    TableView<Integer> table() {
        return table;
    }
}
