package org.segmint.app.shell;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;

/**
 * Light and dark themes. Both use the one base stylesheet {@code segmint.css}, which defines the semantic
 * colour variables ({@code -sg-accent}, surfaces, text, chart colours) with their light values and every
 * rule; the dark sheet comes after it and only overrides variables.
 */
public enum Theme {
    LIGHT(null),
    DARK("theme-dark.css");

    private static final String ASSETS = "/org/segmint/assets/";
    private final String variables;

    Theme(String variables) {
        this.variables = variables;
    }

    /** The stylesheets of this theme, base sheet first, as external forms for {@code Scene.getStylesheets()}. */
    public List<String> stylesheets() {
        return variables == null ? List.of(resource("segmint.css"))
                : List.of(resource("segmint.css"), resource(variables));
    }

    /** Replaces the theme sheets of {@code scene} with this theme's, keeping any others. */
    public void applyTo(Scene scene) {
        for (Theme t : values()) {
            scene.getStylesheets().removeAll(t.stylesheets());
        }
        scene.getStylesheets().addAll(0, stylesheets());
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    static String resource(String name) {
        URL url = Theme.class.getResource(ASSETS + name);
        return Objects.requireNonNull(url, "missing asset " + name).toExternalForm();
    }
}
