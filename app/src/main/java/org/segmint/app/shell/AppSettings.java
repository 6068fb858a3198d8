package org.segmint.app.shell;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * What the app remembers between runs: window geometry, theme, the last workspace and the recent ones.
 * Kept in {@code settings.json} in the user's config directory ({@link SettingsStore}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppSettings(WindowBounds window, String theme, String lastWorkspace, List<String> recentWorkspaces) {
    public static final int MAX_RECENT = 8;

    public AppSettings {
        theme = theme == null ? Theme.LIGHT.name() : theme;
        recentWorkspaces = recentWorkspaces == null ? List.of() : List.copyOf(recentWorkspaces);
    }

    public static AppSettings defaults() {
        return new AppSettings(null, Theme.LIGHT.name(), null, List.of());
    }

    public AppSettings withWindow(WindowBounds bounds) {
        return new AppSettings(bounds, theme, lastWorkspace, recentWorkspaces);
    }

    public AppSettings withTheme(Theme newTheme) {
        return new AppSettings(window, newTheme.name(), lastWorkspace, recentWorkspaces);
    }

    /** Records {@code path} as the last workspace and moves it to the top of the recent list. */
    public AppSettings withOpened(String path) {
        List<String> recent = new ArrayList<>(recentWorkspaces);
        recent.remove(path);
        recent.add(0, path);
        while (recent.size() > MAX_RECENT) {
            recent.remove(recent.size() - 1);
        }
        return new AppSettings(window, theme, path, recent);
    }

    public AppSettings withoutWorkspace(String path) {
        List<String> recent = new ArrayList<>(recentWorkspaces);
        recent.remove(path);
        return new AppSettings(window, theme, path.equals(lastWorkspace) ? null : lastWorkspace, recent);
    }

    public Theme themeValue() {
        try {
            return Theme.valueOf(theme);
        } catch (IllegalArgumentException e) {
            return Theme.LIGHT;
        }
    }

    /** Window position and size in screen pixels. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }
}
