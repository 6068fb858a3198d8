package org.segmint.app.editor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javax.imageio.ImageIO;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.ScriptedDialogs;
import org.segmint.app.shell.SettingsStore;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.FxBackgroundExecutor;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.demo.DemoConfig;
import org.segmint.persistence.demo.DemoGenerator;
import org.testfx.util.WaitForAsyncUtils;

/** A small demo workspace and an app context over it, for the headless UI journeys. */
public final class UiWorkspace {
    private UiWorkspace() {
    }

    /** Generates a demo workspace of {@code customers} into {@code dir} and opens it in a new context. */
    public static AppContext open(Path dir, int customers, ScriptedDialogs dialogs) {
        Path file = dir.resolve("journey.segmint");
        DemoGenerator.generate(file, DemoConfig.of(customers, 7), Progress.NONE, Cancellation.none());
        AppContext context = new AppContext(new FxBackgroundExecutor(2), dialogs,
                new SettingsStore(dir.resolve("settings.json")));
        WorkspaceSession session = AppContext.openFile(file);
        context.setSession(session);
        return context;
    }

    /** Waits (up to 20 s) until {@code condition} holds, letting the FX thread run. */
    public static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not reached in 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Writes a PNG of {@code node} into {@code docs/screenshots} when the build asks for screenshots
     * ({@code -Dsegmint.screenshots=true}); journeys otherwise leave the repository untouched.
     */
    public static void screenshot(Node node, String name) {
        if (!Boolean.getBoolean("segmint.screenshots")) {
            return;
        }
        BufferedImage[] image = new BufferedImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = SwingFXUtils.fromFXImage(node.snapshot(null, null), null));
        WaitForAsyncUtils.waitForFxEvents();
        try {
            Path dir = Path.of(System.getProperty("segmint.repo.dir", ".."), "docs", "screenshots");
            Files.createDirectories(dir);
            ImageIO.write(image[0], "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot write screenshot " + name, e);
        }
    }

    /**
     * Types {@code text} key by key (letters, digits, spaces) through the robot's keyboard, which reaches the window
     * that has the keyboard, a dialog included; {@code FxRobot.write} goes to the first window that says it is
     * focused, which under the headless platform is always the main one.
     */
    public static void typeKeys(org.testfx.api.FxRobot robot, String text) {
        for (char c : text.toCharArray()) {
            javafx.scene.input.KeyCode code = c == ' ' ? javafx.scene.input.KeyCode.SPACE
                    : javafx.scene.input.KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c)));
            if (code == null) {
                throw new IllegalArgumentException("no key for '" + c + "'");
            }
            if (Character.isUpperCase(c)) {
                robot.press(javafx.scene.input.KeyCode.SHIFT).type(code).release(javafx.scene.input.KeyCode.SHIFT);
            } else {
                robot.type(code);
            }
        }
    }
}
