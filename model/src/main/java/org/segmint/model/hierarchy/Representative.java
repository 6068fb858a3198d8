package org.segmint.model.hierarchy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How householding picks the one customer who stands for a parent: highest lifetime revenue, most recent order,
 * or earliest first order. Ties go to the smallest {@code customer_id} (compared as text); customers without
 * orders come after every customer with orders for {@code recent} and {@code oldest}.
 */
public enum Representative {
    /** Highest lifetime revenue. */
    REVENUE("revenue"),
    /** Most recent order. */
    RECENT("recent"),
    /** Earliest first order: the longest-standing customer. */
    OLDEST("oldest");

    private final String jsonName;

    Representative(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<Representative> fromJson(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.jsonName.equals(name)).findFirst();
    }

    /**
     * Whether candidate {@code a} wins over {@code b}.
     */
    public boolean beats(Candidate a, Candidate b) {
        int c;
        switch (this) {
            case REVENUE:
                c = a.revenue() > b.revenue() ? -1 : a.revenue() < b.revenue() ? 1 : 0;
                break;
            case RECENT:
                c = nullsLast(a.lastOrder(), b.lastOrder(), -1);
                break;
            default:
                c = nullsLast(a.firstOrder(), b.firstOrder(), 1);
                break;
        }
        return c != 0 ? c < 0 : a.customerId().compareTo(b.customerId()) < 0;
    }

    /** Negative when {@code x} comes first: values in {@code direction} (1 ascending, -1 descending), nulls last. */
    private static int nullsLast(Long x, Long y, int direction) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : 1) : -1;
        }
        return direction * Long.compare(x, y);
    }

    /**
     * What the rules compare for one customer.
     *
     * @param revenue    lifetime revenue (0 for a customer without orders)
     * @param firstOrder epoch day of the first order, or null
     * @param lastOrder  epoch day of the last order, or null
     */
    public record Candidate(int ck, String customerId, double revenue, Long firstOrder, Long lastOrder) {
    }
}
