package org.segmint.model.segment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The icon a pinned ("recommended") segment shows on top of the segments list: one of a small, fixed set, so
 * that the list stays calm and every icon is meaningful to a marketer. Stored by its {@link #key()}.
 */
public enum SegmentIcon {
    STAR("star", "Star"),
    HEART("heart", "Heart"),
    AWARD("award", "Award"),
    GIFT("gift", "Gift"),
    ZAP("zap", "Lightning"),
    TRENDING_UP("trending-up", "Growth"),
    CART("cart", "Shopping cart"),
    TARGET("target", "Target"),
    FLAG("flag", "Flag"),
    BELL("bell", "Bell"),
    MAIL("mail", "Mail"),
    CLOCK("clock", "Clock");

    /** The icon of a segment that never had one chosen. */
    public static final SegmentIcon DEFAULT = STAR;

    private final String key;
    private final String label;

    SegmentIcon(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The stored and typed name: {@code star}, {@code trending-up}, ... */
    public String key() {
        return key;
    }

    /** The name shown in menus. */
    public String label() {
        return label;
    }

    /** The icon of {@code key} (case-insensitive), if it is one of the set. */
    public static Optional<SegmentIcon> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(i -> i.key.equals(k)).findFirst();
    }

    /** "star, heart, ..." for error messages and help. */
    public static String keys() {
        return Arrays.stream(values()).map(SegmentIcon::key).collect(Collectors.joining(", "));
    }
}
