package org.segmint.persistence.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.segmint.model.catalog.Catalog;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Recognises the file a marketer most often has: one row per order line, with the order number, the product, the
 * quantity or price and the customer's id, and often the customer's own attributes repeated on each line (their
 * country, email). Such a file can fill customers, orders and order items in one step ({@link FlatImport}).
 *
 * <p>Where each column goes: the standard columns of order items by name or {@link Synonyms synonym}
 * ({@code InvoiceNo} to {@code order_id}, {@code StockCode} to {@code product_id}, {@code InvoiceDate} to
 * {@code order_date}); the customer id to both tables; an email to customers; any other column to customers when, in
 * the sample read, (almost) every customer seen on several lines has one value in it (a per-customer attribute such
 * as {@code Country}), else to order items. Columns the workspace already has in one of the two tables go to that
 * table.
 *
 * @param columns      the source columns
 * @param orderLines   whether the file looks like order lines with customer ids
 * @param destinations where each source column goes (see {@link FlatRequest#destinations()})
 */
public record FlatShape(List<String> columns, boolean orderLines, Map<String, String> destinations) {
    /** The standard columns of a line: they always go to order items. */
    private static final List<String> LINE_COLUMNS = List.of("order_id", "order_date", "product_id", "quantity",
            "unit_price", "revenue");
    /** Lines read to tell per-customer columns from per-line ones. */
    public static final int SAMPLE_ROWS = 10_000;

    public FlatShape {
        columns = List.copyOf(columns);
        destinations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(destinations));
    }

    /** The shape of a CSV file, from its header and first {@link #SAMPLE_ROWS} lines, for this catalog. */
    public static FlatShape ofCsv(Path file, CsvSettings settings, Catalog catalog) {
        return read(CsvSource.opener(file, settings), catalog);
    }

    /** The shape of a table of another SQLite database. */
    public static FlatShape ofSqlite(Path database, String table, Catalog catalog) {
        return read(SqliteSource.opener(database, table), catalog);
    }

    private static FlatShape read(RowSource.Opener opener, Catalog catalog) {
        try (RowSource source = opener.open()) {
            List<String[]> rows = new ArrayList<>();
            RowSource.SourceRow row;
            while (rows.size() < SAMPLE_ROWS && (row = source.next()) != null) {
                rows.add(row.values());
            }
            return of(source.columns(), rows, catalog);
        } catch (IOException e) {
            throw new WorkspaceException(opener.name() + ": cannot read the source (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The shape of a source with these columns, judged on these rows. A column the workspace's customers already
     * have goes there, one its order items have goes there; only new columns are judged by the sample.
     */
    public static FlatShape of(List<String> columns, List<String[]> sample, Catalog catalog) {
        List<String> targets = ImportPlan.suggestTargets(Catalog.ORDER_ITEMS, columns);
        int customer = targets.indexOf("customer_id");
        boolean orderLines = customer >= 0 && targets.contains("order_id")
                && (targets.contains("product_id") || targets.contains("quantity") || targets.contains("unit_price"));
        Map<String, String> destinations = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String source = columns.get(i);
            String target = targets.get(i);
            if (i == customer) {
                destinations.put(source, "customer_id");
            } else if (LINE_COLUMNS.contains(target)) {
                destinations.put(source, Catalog.ORDER_ITEMS + "." + target);
            } else if (catalog.field(Catalog.ORDER_ITEMS, target).isPresent()) {
                destinations.put(source, Catalog.ORDER_ITEMS + "." + target);
            } else if (Synonyms.isEmail(source) || catalog.field(Catalog.CUSTOMERS, target).isPresent()
                    || customer >= 0 && perCustomer(sample, customer, i, columns.size())) {
                destinations.put(source, Catalog.CUSTOMERS + "." + (Synonyms.isEmail(source) ? "email" : target));
            } else {
                destinations.put(source, Catalog.ORDER_ITEMS + "." + target);
            }
        }
        return new FlatShape(columns, orderLines, destinations);
    }

    /**
     * Whether column {@code index} holds one value per customer in the sample: of the customers seen with a value on
     * two or more lines, at most one in a hundred has more than one value (real exports have a few customers who
     * moved; a per-line column such as a product differs for most), and there is at least one such customer.
     */
    private static boolean perCustomer(List<String[]> sample, int customer, int index, int width) {
        Map<String, String> first = new HashMap<>();
        Set<String> repeated = new HashSet<>();
        Set<String> mixed = new HashSet<>();
        for (String[] row : sample) {
            if (row.length != width) {
                continue;
            }
            String id = CustomerIds.normalise(row[customer]);
            String value = row[index] == null ? "" : row[index].strip();
            if (id == null || value.isEmpty()) {
                continue;
            }
            String before = first.putIfAbsent(id, value);
            if (before != null) {
                repeated.add(id);
                if (!before.equals(value)) {
                    mixed.add(id);
                }
            }
        }
        return !repeated.isEmpty() && mixed.size() * 100 <= repeated.size();
    }

    /**
     * The destinations with the user's changes: {@code SOURCE=table.column}, {@code SOURCE=column} (renamed in the
     * table suggested for it) or {@code SOURCE=} (skipped). An unknown source column is named by the import.
     */
    public Map<String, String> withChanges(Map<String, String> changes) {
        Map<String, String> result = new LinkedHashMap<>(destinations);
        changes.forEach((source, target) -> {
            String t = target == null ? "" : target.trim();
            String suggested = destinations.get(source);
            if (!t.isEmpty() && !t.contains(".") && !"customer_id".equals(t) && suggested != null
                    && suggested.contains(".")) {
                t = suggested.substring(0, suggested.indexOf('.') + 1) + t;
            }
            result.put(source, t);
        });
        return result;
    }
}
