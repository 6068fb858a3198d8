package org.segmint.model.hierarchy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How householding picks the one customer who stands for a parent: highest lifetime revenue, most recent order,
 * or earliest first order. Ties go to the smallest {@code customer_id} ({@link #compareIds}: as numbers when both
 * are whole numbers, else as text); customers without orders come after every customer with orders for
 * {@code recent} and {@code oldest}. Revenues equal to the cent are a tie (sums of the same amounts added in another
 * order may differ in their last binary digits).
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
                c = Long.compare(cents(b.revenue()), cents(a.revenue()));
                break;
            case RECENT:
                c = nullsLast(a.lastOrder(), b.lastOrder(), -1);
                break;
            default:
                c = nullsLast(a.firstOrder(), b.firstOrder(), 1);
                break;
        }
        return c != 0 ? c < 0 : compareIds(a.customerId(), b.customerId()) < 0;
    }

    private static long cents(double amount) {
        return Math.round(amount * 100);
    }

    /**
     * Orders customer ids as a person reads them: two whole numbers by their value ("9" before "10"), anything
     * else as text; equal values written differently ("7", "007") fall back to text so the order stays total.
     */
    public static int compareIds(String a, String b) {
        if (isWholeNumber(a) && isWholeNumber(b)) {
            String x = stripZeros(a);
            String y = stripZeros(b);
            int c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    private static boolean isWholeNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
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
