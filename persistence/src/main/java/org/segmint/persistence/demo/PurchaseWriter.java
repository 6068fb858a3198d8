package org.segmint.persistence.demo;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.segmint.model.catalog.Catalog;

/**
 * Writes a shopper's orders and order lines. Orders fall between sign-up and the day the shopper stops
 * buying (about half are still buying at the end of the history), with retail seasonality; each has one
 * to five lines, half of them from the shopper's favourite category. Order revenue is the sum of its
 * lines and units the sum of their quantities, so orders and items always agree.
 */
final class PurchaseWriter implements AutoCloseable {
    static final List<String> ORDER_COLUMNS = List.of("order_id", "ck", "customer_id", "order_date", "revenue",
            "units", "channel");
    static final List<String> ITEM_COLUMNS = List.of("order_id", "ck", "customer_id", "order_date", "product_id",
            "quantity", "unit_price", "revenue", "category", "brand");
    private static final int MAX_LINES = 5;
    /** Quantities 1..4 per line and how common each is. */
    private static final Weights QUANTITY_WEIGHTS = new Weights(72, 19, 6, 3);

    private final BatchInsert orders;
    private final BatchInsert items;
    private final ProductCatalog products;
    private final SeasonalCalendar calendar;
    private final int endDay;
    private final ProductCatalog.Product[] lines = new ProductCatalog.Product[MAX_LINES];
    private final int[] quantities = new int[MAX_LINES];
    private long nextOrder = 1;

    PurchaseWriter(InsertThread inserts, ProductCatalog products, SeasonalCalendar calendar, int endDay)
            throws SQLException {
        this.orders = inserts.insert(Catalog.ORDERS, ORDER_COLUMNS);
        this.items = inserts.insert(Catalog.ORDER_ITEMS, ITEM_COLUMNS);
        this.products = products;
        this.calendar = calendar;
        this.endDay = endDay;
    }

    /** Writes the shopper's orders; returns how many. */
    int write(SplittableRandom rng, Shopper shopper) throws SQLException {
        Shopper.Kind kind = shopper.kind();
        if (kind == Shopper.Kind.PROSPECT) {
            return 0;
        }
        int count = kind.minOrders + rng.nextInt(kind.maxOrders - kind.minOrders + 1);
        int from = shopper.signupDay();
        int to = rng.nextInt(100) < 55 ? endDay : from + (int) ((endDay - from) * rng.nextDouble());
        int[] days = new int[count];
        for (int i = 0; i < count; i++) {
            days[i] = calendar.randomDay(rng, from, to);
        }
        Arrays.sort(days);
        for (int day : days) {
            writeOrder(rng, shopper, day);
        }
        return count;
    }

    private void writeOrder(SplittableRandom rng, Shopper shopper, int day) throws SQLException {
        String orderId = "O" + HouseholdWriter.pad(nextOrder++);
        int lineCount = 1 + rng.nextInt(MAX_LINES);
        long revenueCents = 0;
        int units = 0;
        for (int i = 0; i < lineCount; i++) {
            int category = rng.nextBoolean() ? shopper.favouriteCategory() : products.randomCategory(rng);
            lines[i] = products.product(rng, category);
            quantities[i] = 1 + QUANTITY_WEIGHTS.draw(rng);
            revenueCents += (long) lines[i].priceCents() * quantities[i];
            units += quantities[i];
        }
        int channel = rng.nextInt(100) < 65 ? shopper.preferredChannel()
                : Vocabulary.CHANNEL_WEIGHTS.draw(rng);
        orders.text(1, orderId);
        orders.integer(2, shopper.ck());
        orders.text(3, shopper.customerId());
        orders.integer(4, day);
        orders.decimal(5, revenueCents / 100.0);
        orders.integer(6, units);
        orders.text(7, Vocabulary.CHANNELS[channel]);
        orders.add();
        for (int i = 0; i < lineCount; i++) {
            ProductCatalog.Product p = lines[i];
            items.text(1, orderId);
            items.integer(2, shopper.ck());
            items.text(3, shopper.customerId());
            items.integer(4, day);
            items.text(5, p.id());
            items.integer(6, quantities[i]);
            items.decimal(7, p.priceCents() / 100.0);
            items.decimal(8, (long) p.priceCents() * quantities[i] / 100.0);
            items.text(9, p.category());
            items.text(10, p.brand());
            items.add();
        }
    }

    long orderRows() {
        return orders.rows();
    }

    long itemRows() {
        return items.rows();
    }

    @Override
    public void close() throws SQLException {
        try {
            orders.close();
        } finally {
            items.close();
        }
    }
}
