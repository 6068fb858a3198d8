package org.segmint.app.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The Segmint icon, rendered at several sizes into {@code assets/icon/} (see docs/ui.md for how). */
public final class AppIcon {
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcon() {
    }

    /** The icon at the smallest rendered size at least {@code size} pixels. */
    public static Image image(int size) {
        for (int s : SIZES) {
            if (s >= size) {
                return load(s);
            }
        }
        return load(SIZES[SIZES.length - 1]);
    }

    /** Every size, for {@code Stage.getIcons()} (the window system picks one). */
    public static List<Image> all() {
        List<Image> images = new ArrayList<>();
        for (int s : SIZES) {
            images.add(load(s));
        }
        return images;
    }

    private static Image load(int size) {
        return new Image(Theme.resource("icon/segmint-" + size + ".png"));
    }
}
