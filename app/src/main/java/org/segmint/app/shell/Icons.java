package org.segmint.app.shell;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/**
 * Small line icons drawn on a 16×16 grid as SVG paths, coloured by the theme (style class {@code sg-icon}
 * fills them with {@code -sg-icon}). Drawn for Segmint; no icon font needed.
 */
public final class Icons {
    /** Three overlapping circles: audiences. */
    public static final String SEGMENTS = "M6 1.5a4.5 4.5 0 1 1 0 9a4.5 4.5 0 1 1 0-9zm0 1.5a3 3 0 1 0 0 6a3 3 0 1 0 0-6z"
            + "M10 5.5a4.5 4.5 0 1 1 0 9a4.5 4.5 0 1 1 0-9zm0 1.5a3 3 0 1 0 0 6a3 3 0 1 0 0-6z";
    /** A waterfall of bars: priority models. */
    public static final String MODELS = "M1 2h14v2.5H1zM3 6.75h10v2.5H3zM5 11.5h6V14H5z";
    /** A database cylinder: data. */
    public static final String DATA = "M8 1C4.7 1 2 2 2 3.5v9C2 14 4.7 15 8 15s6-1 6-2.5v-9C14 2 11.3 1 8 1zm0 1.5c2.8 0"
            + " 4.5.7 4.5 1s-1.7 1-4.5 1-4.5-.7-4.5-1 1.7-1 4.5-1zM3.5 5.6C4.8 6.2 6.3 6.5 8 6.5s3.2-.3 4.5-.9V8"
            + "c0 .3-1.7 1-4.5 1s-4.5-.7-4.5-1zm0 4.5c1.3.6 2.8.9 4.5.9s3.2-.3 4.5-.9v2.4c0 .3-1.7 1-4.5 1s-4.5-.7"
            + "-4.5-1z";
    /** A five-point star: pinned, recommended. */
    public static final String PIN = "M8 1l2.1 4.4 4.9.6-3.6 3.4.9 4.8L8 11.9 3.7 14.2l.9-4.8L1 6l4.9-.6z";
    public static final String PLUS = "M7 2h2v5h5v2H9v5H7V9H2V7h5z";
    public static final String SEARCH = "M6.5 1a5.5 5.5 0 0 1 4.4 8.8l4 4-1.1 1.1-4-4A5.5 5.5 0 1 1 6.5 1zm0 1.5a4 4 0 1 0"
            + " 0 8a4 4 0 1 0 0-8z";
    public static final String IMPORT = "M7 1h2v7.2l2.6-2.6 1.4 1.4L8 12 3 7l1.4-1.4L7 8.2zM1 13h14v2H1z";
    public static final String EXPORT = "M7 12h2V4.8l2.6 2.6L13 6 8 1 3 6l1.4 1.4L7 4.8zM1 13h14v2H1z";
    public static final String FOLDER = "M1 3h5l1.5 1.5H15V14H1zm1.5 3v6.5h11V6z";
    public static final String FILE = "M3 1h6l4 4v10H3zm1.5 1.5v11h7V6H8V2.5z";

    private Icons() {
    }

    /** An icon node of about {@code size} pixels. */
    public static Node icon(String path, double size) {
        SVGPath svg = new SVGPath();
        svg.setContent(path);
        svg.setFillRule(FillRule.EVEN_ODD);
        svg.getStyleClass().add(Styles.ICON);
        double scale = size / 16.0;
        svg.setScaleX(scale);
        svg.setScaleY(scale);
        StackPane pane = new StackPane(svg);
        pane.setMinSize(size, size);
        pane.setPrefSize(size, size);
        pane.setMaxSize(size, size);
        return pane;
    }
}
