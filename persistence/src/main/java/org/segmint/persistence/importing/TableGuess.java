package org.segmint.persistence.importing;

import java.util.List;
import java.util.function.Predicate;
import org.segmint.model.catalog.Catalog;

/**
 * The table a file most likely belongs in, from its column names read through {@link Synonyms}: a file of order
 * lines (an order or invoice number with a product and a quantity or price) goes into order items, a file of orders
 * (an order number with a date or an amount) into orders, a file with an event type into events, anything else
 * into customers. A file of order lines that also names the customer may fill all three at once
 * ({@link FlatShape}).
 */
public final class TableGuess {
    private TableGuess() {
    }

    public static String forColumns(List<String> sourceColumns) {
        boolean order = any(sourceColumns, Synonyms::isOrderId);
        boolean product = any(sourceColumns, Synonyms::isProductId);
        boolean quantityOrPrice = any(sourceColumns, n -> Synonyms.isQuantity(n) || Synonyms.isUnitPrice(n));
        if (any(sourceColumns, Synonyms::isEventType) && !order) {
            return Catalog.EVENTS;
        }
        if (order && product && quantityOrPrice) {
            return Catalog.ORDER_ITEMS;
        }
        if (order && any(sourceColumns, n -> Synonyms.standardColumn(Catalog.ORDERS, n)
                .filter(c -> c.equals("order_date") || c.equals("revenue")).isPresent())) {
            return Catalog.ORDERS;
        }
        return Catalog.CUSTOMERS;
    }

    private static boolean any(List<String> names, Predicate<String> test) {
        return names.stream().anyMatch(test);
    }
}
