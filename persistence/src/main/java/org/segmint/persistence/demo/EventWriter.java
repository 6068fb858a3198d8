package org.segmint.persistence.demo;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.segmint.model.catalog.Catalog;

/**
 * Writes a shopper's web, app and email interactions over the last two years (or since sign-up), denser
 * towards the end of the history: about a quarter of the events fall in the last 30 days.
 * Browsing events carry the page {@code url}; email events carry the {@code campaign}.
 */
final class EventWriter implements AutoCloseable {
    static final List<String> COLUMNS = List.of("ck", "customer_id", "event_type", "event_time", "url", "campaign");
    static final String[] TYPES = {"page_view", "view_product", "add_to_cart", "checkout", "click_laptop",
        "click_camera", "email_open", "email_click", "unsubscribe"};
    private static final Weights TYPE_WEIGHTS = new Weights(35, 25, 10, 4, 4, 4, 12, 5, 1);
    private static final int FIRST_EMAIL_TYPE = 6;
    private static final String[] PAGES = {"/", "/deals", "/new", "/stores", "/account", "/help", "/search"};
    private static final int LAPTOPS = 0;
    private static final int CAMERAS = 1;
    private static final int WINDOW_DAYS = 730;

    private final BatchInsert insert;
    private final ProductCatalog products;
    private final int endDay;
    private final String[] categoryPaths;

    EventWriter(InsertThread inserts, ProductCatalog products, int endDay) throws SQLException {
        this.insert = inserts.insert(Catalog.EVENTS, COLUMNS);
        this.products = products;
        this.endDay = endDay;
        this.categoryPaths = new String[ProductCatalog.CATEGORIES.size()];
        for (int i = 0; i < categoryPaths.length; i++) {
            categoryPaths[i] = "/" + ProductCatalog.CATEGORIES.get(i).name().toLowerCase(Locale.ROOT)
                    .replace(" & ", "-").replace(' ', '-') + "/";
        }
    }

    /** Writes {@code count} events of the shopper. */
    void write(SplittableRandom rng, Shopper shopper, int count) throws SQLException {
        long last = (endDay + 1L) * 86_400 - 1;
        long first = Math.max(shopper.signupDay(), endDay - WINDOW_DAYS) * 86_400L;
        long span = last - first;
        // In time order per customer, so rows arrive sorted for the (ck, event_time) index.
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            double u = rng.nextDouble();
            times[i] = last - (long) (span * u * u);
        }
        Arrays.sort(times);
        for (long time : times) {
            int type = TYPE_WEIGHTS.draw(rng);
            if (type >= FIRST_EMAIL_TYPE && !shopper.hasEmail()) {
                type = 0;
            }
            insert.integer(1, shopper.ck());
            insert.text(2, shopper.customerId());
            insert.text(3, TYPES[type]);
            insert.integer(4, time);
            insert.text(5, type < FIRST_EMAIL_TYPE ? url(rng, shopper, type) : null);
            insert.text(6, type >= FIRST_EMAIL_TYPE ? campaign(time) : null);
            insert.add();
        }
    }

    private String url(SplittableRandom rng, Shopper shopper, int type) {
        switch (TYPES[type]) {
            case "page_view":
                return Vocabulary.pick(rng, PAGES);
            case "checkout":
                return "/checkout";
            case "click_laptop":
                return productUrl(rng, LAPTOPS);
            case "click_camera":
                return productUrl(rng, CAMERAS);
            default:
                return productUrl(rng, rng.nextBoolean() ? shopper.favouriteCategory() : products.randomCategory(rng));
        }
    }

    private String productUrl(SplittableRandom rng, int category) {
        return categoryPaths[category] + products.product(rng, category).id();
    }

    /** Emails belong to the campaign of their month, e.g. {@code 2026-11-black-friday}. */
    private static String campaign(long time) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(time, 86_400));
        int month = day.getMonthValue();
        return day.getYear() + (month < 10 ? "-0" : "-") + month + "-" + Vocabulary.CAMPAIGN_THEMES[month - 1];
    }

    long rows() {
        return insert.rows();
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
