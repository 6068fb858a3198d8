package org.segmint.persistence.importing;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a one-step import of order lines. {@code lines + rejected} equals the data rows read.
 *
 * @param lines           lines written to order items
 * @param linesWithoutCustomer lines kept with no customer id (order items without a customer)
 * @param customers       distinct customers of the file, written to customers
 * @param orders          orders derived from the lines (one per order id)
 * @param customerColumns columns written to customers besides the id
 * @param conflicts       per customer column, how many customers had more than one value in the file (the last
 *                        non-empty one was kept)
 * @param columnsAdded    columns added to customers or order items, as {@code table.column}
 * @param columns         every imported column, as {@code table.column}, with the type it was read as
 */
public record FlatImportSummary(String source, ImportMode mode, long lines, long rejected, long linesWithoutCustomer,
                                long customers, long orders, List<String> customerColumns, Map<String, Long> conflicts,
                                List<String> columnsAdded, Map<String, ColumnType> columns, CsvSettings settings,
                                Path rejectsFile, double seconds) {

    public FlatImportSummary {
        customerColumns = List.copyOf(customerColumns);
        conflicts = Collections.unmodifiableMap(new LinkedHashMap<>(conflicts));
        columnsAdded = List.copyOf(columnsAdded);
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** Rows written per table: customers, orders, order_items. */
    public Map<String, Long> tables() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("customers", customers);
        m.put("orders", orders);
        m.put("order_items", lines);
        return m;
    }

    /** What was derived and how, one sentence per table, for the dialog and the command line. */
    public List<String> derived() {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        List<String> result = new ArrayList<>();
        String id = columns.keySet().stream().anyMatch(c -> c.endsWith(".customer_id")) ? "customer id" : "id";
        StringBuilder c = new StringBuilder("customers: the " + n.format(customers) + " distinct " + id + "s of the"
                + " lines");
        if (!customerColumns.isEmpty()) {
            c.append(", each with ").append(String.join(", ", customerColumns))
                    .append(" (the last value on their lines");
            List<String> mixed = new ArrayList<>();
            conflicts.forEach((column, count) -> {
                if (count > 0) {
                    mixed.add(n.format(count) + (count == 1 ? " customer has" : " customers have") + " more than one "
                            + column);
                }
            });
            c.append(mixed.isEmpty() ? ")" : "; " + String.join(", ", mixed) + ")");
        }
        result.add(c.toString());
        result.add("orders: one per order id (" + n.format(orders) + "), with the customer, the earliest line date,"
                + " revenue = the sum of the lines' revenue (quantity × unit price where the file has none) and"
                + " units = the sum of quantity");
        result.add("order items: the " + n.format(lines) + " lines" + (linesWithoutCustomer == 0 ? ""
                : ", " + n.format(linesWithoutCustomer) + " of them without a customer id (kept, linked to no"
                + " customer)"));
        return result;
    }
}
