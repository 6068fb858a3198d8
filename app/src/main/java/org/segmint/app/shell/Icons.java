package org.segmint.app.shell;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.segmint.model.segment.SegmentIcon;

/**
 * The icons of the app, from the Feather line icons (Ikonli's icon pack): one place that says which glyph
 * stands for what. Each icon is a {@link FontIcon} with style class {@code sg-icon}, coloured by the theme
 * ({@code -fx-icon-color: -sg-icon}).
 */
public final class Icons {
    /** People: audiences. */
    public static final Ikon SEGMENTS = Feather.USERS;
    /** Stacked layers: priority models. */
    public static final Ikon MODELS = Feather.LAYERS;
    /** A person with a tick: groups of customers. */
    public static final Ikon GROUPS = Feather.USER_CHECK;
    /** A database: data. */
    public static final Ikon DATA = Feather.DATABASE;
    /** Pinned, recommended (when the segment has no icon of its own). */
    public static final Ikon PIN = Feather.STAR;
    public static final Ikon PLUS = Feather.PLUS;
    public static final Ikon SEARCH = Feather.SEARCH;
    public static final Ikon IMPORT = Feather.DOWNLOAD;
    public static final Ikon EXPORT = Feather.UPLOAD;
    public static final Ikon FOLDER = Feather.FOLDER;
    public static final Ikon FILE = Feather.FILE;

    private static final Map<SegmentIcon, Ikon> SEGMENT_ICONS = segmentIcons();

    private Icons() {
    }

    /** An icon node of about {@code size} pixels. */
    public static Node icon(Ikon ikon, double size) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize((int) Math.round(size));
        icon.getStyleClass().add(Styles.ICON);
        return icon;
    }

    /** The glyph of a pinned segment's icon. */
    public static Ikon of(SegmentIcon icon) {
        return SEGMENT_ICONS.get(icon);
    }

    private static Map<SegmentIcon, Ikon> segmentIcons() {
        Map<SegmentIcon, Ikon> m = new EnumMap<>(SegmentIcon.class);
        for (SegmentIcon i : SegmentIcon.values()) {
            m.put(i, glyph(i));
        }
        return m;
    }

    // a switch expression without default: a new SegmentIcon without a glyph does not compile
    private static Ikon glyph(SegmentIcon icon) {
        return switch (icon) {
            case STAR -> Feather.STAR;
            case HEART -> Feather.HEART;
            case AWARD -> Feather.AWARD;
            case GIFT -> Feather.GIFT;
            case ZAP -> Feather.ZAP;
            case TRENDING_UP -> Feather.TRENDING_UP;
            case CART -> Feather.SHOPPING_CART;
            case TARGET -> Feather.TARGET;
            case FLAG -> Feather.FLAG;
            case BELL -> Feather.BELL;
            case MAIL -> Feather.MAIL;
            case CLOCK -> Feather.CLOCK;
        };
    }
}
