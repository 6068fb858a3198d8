package org.segmint.app.about;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this build of Segmint is: its version, written into {@code build.properties} by the build (resource
 * filtering), so the command line's {@code --version}, the About box and the installers all say the same.
 */
public final class BuildInfo {
    private static final String UNKNOWN = "unknown";
    private static final String VERSION = read();

    private BuildInfo() {
    }

    /** The project version, such as {@code 0.1.0-SNAPSHOT}; "unknown" when run from unfiltered classes. */
    public static String version() {
        return VERSION;
    }

    /** "Segmint 0.1.0-SNAPSHOT". */
    public static String nameAndVersion() {
        return "Segmint " + VERSION;
    }

    /** The Java and JavaFX this copy runs on, for the About box and bug reports. */
    public static String runtime() {
        String javafx = System.getProperty("javafx.runtime.version");
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor", "") + ")"
                + (javafx == null ? "" : ", JavaFX " + javafx) + " in " + System.getProperty("java.home");
    }

    private static String read() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", UNKNOWN).strip();
            // an unfiltered copy still holds the placeholder
            return v.isEmpty() || v.startsWith("${") ? UNKNOWN : v;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
