package org.segmint.app;

import java.util.Locale;
import java.util.Map;

/** Whether the desktop app has a screen: on Linux and other X11 systems it needs DISPLAY or WAYLAND_DISPLAY. */
final class DisplayCheck {
    private DisplayCheck() {
    }

    static boolean canShowWindows() {
        return canShowWindows(System.getProperty("os.name", ""), System.getenv(), System.getProperty("glass.platform"));
    }

    static boolean canShowWindows(String osName, Map<String, String> env, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return true;
        }
        return notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
