package org.segmint.persistence.importing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.segmint.model.catalog.Catalog;
import org.segmint.persistence.workspace.Identifiers;

/**
 * The table a file most likely belongs in, from its column names: a file of order lines (an order or invoice
 * number with a product and a quantity) goes into order items, a file of orders (an order number with a date or
 * an amount) into orders, a file with an event type into events, anything else into customers.
 */
public final class TableGuess {
    private TableGuess() {
    }

    public static String forColumns(List<String> sourceColumns) {
        Set<String> names = sourceColumns.stream().map(Identifiers::normalise).collect(Collectors.toSet());
        boolean order = any(names, "order_id", "order_no", "order_number", "invoice", "invoice_no", "invoice_id",
                "invoiceno", "orderid");
        boolean product = any(names, "product_id", "product", "stock_code", "stockcode", "sku", "item_id");
        boolean quantity = any(names, "quantity", "qty", "units");
        if (any(names, "event_type", "event", "event_name") && !order) {
            return Catalog.EVENTS;
        }
        if (order && product && quantity) {
            return Catalog.ORDER_ITEMS;
        }
        if (order && any(names, "order_date", "invoice_date", "invoicedate", "date", "revenue", "total", "amount")) {
            return Catalog.ORDERS;
        }
        return Catalog.CUSTOMERS;
    }

    private static boolean any(Set<String> names, String... candidates) {
        for (String c : candidates) {
            if (names.contains(c)) {
                return true;
            }
        }
        return false;
    }
}
