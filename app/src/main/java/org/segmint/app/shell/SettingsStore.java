package org.segmint.app.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads and writes {@link AppSettings}. A write goes to a temporary file next to the real one and is
 * then moved over it, so a crash mid-write never leaves a half-written settings file. A missing or
 * unreadable file means defaults: settings are a convenience, never a reason not to start.
 */
public final class SettingsStore {
    private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** The store in the user's config directory ({@link #configDir()}). */
    public static SettingsStore forUser() {
        return new SettingsStore(configDir().resolve("settings.json"));
    }

    public Path file() {
        return file;
    }

    public AppSettings load() {
        if (!Files.isRegularFile(file)) {
            return AppSettings.defaults();
        }
        try {
            return JSON.readValue(file.toFile(), AppSettings.class);
        } catch (IOException e) {
            LOG.warning("Ignoring unreadable settings " + file + ": " + e.getMessage());
            return AppSettings.defaults();
        }
    }

    public void save(AppSettings settings) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), settings);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot save settings " + file, e);
        }
    }

    /**
     * The user's config directory for Segmint: {@code segmint.config.dir} if set (tests), else
     * {@code %APPDATA%\Segmint}, {@code ~/Library/Application Support/Segmint}, or
     * {@code $XDG_CONFIG_HOME/segmint} (default {@code ~/.config/segmint}).
     */
    public static Path configDir() {
        return userDir("segmint.config.dir", "XDG_CONFIG_HOME", ".config");
    }

    /** Where the demo workspace goes: {@code segmint.data.dir}, or the platform's data directory. */
    public static Path dataDir() {
        return userDir("segmint.data.dir", "XDG_DATA_HOME", ".local/share");
    }

    private static Path userDir(String property, String xdgVariable, String xdgDefault) {
        String override = System.getProperty(property);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home).resolve("Segmint");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Segmint");
        }
        String xdg = System.getenv(xdgVariable);
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(xdgDefault)).resolve("segmint");
    }
}
