package org.segmint.app.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.DataFormat;

/** What travels on the drag board inside the editor: a palette item's key or a condition's path. */
final class EditorDrag {
    static final DataFormat PALETTE_ITEM = new DataFormat("application/x-segmint-palette-item");
    static final DataFormat CONDITION_PATH = new DataFormat("application/x-segmint-condition-path");

    private EditorDrag() {
    }

    static String pathText(List<Integer> path) {
        StringBuilder sb = new StringBuilder();
        for (int index : path) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(index);
        }
        return sb.toString();
    }

    static List<Integer> parsePath(String text) {
        List<Integer> path = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        for (String part : text.split("\\.")) {
            path.add(Integer.parseInt(part));
        }
        return List.copyOf(path);
    }
}
