package org.segmint.app.shell;

import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The keys of a list whose order means priority (a model's segments, a cluster's groups), the same everywhere:
 * Alt+Up and Alt+Down move the selected item one place (the drop of a drag, without the mouse), Delete removes it.
 */
public final class ReorderKeys {
    private ReorderKeys() {
    }

    /**
     * @param move   moves the item at the first index to the second (and selects it there)
     * @param remove removes the item at the index
     */
    public static void install(ListView<?> list, BiConsumer<Integer, Integer> move, IntConsumer remove) {
        String help = "Alt+Up and Alt+Down move the selected one, Delete removes it";
        list.setAccessibleHelp(list.getAccessibleHelp() == null ? help : list.getAccessibleHelp() + ". " + help);
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            int index = list.getSelectionModel().getSelectedIndex();
            if (index < 0) {
                return;
            }
            if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                int to = index + (e.getCode() == KeyCode.UP ? -1 : 1);
                if (to >= 0 && to < list.getItems().size()) {
                    move.accept(index, to);
                    list.getSelectionModel().select(to);
                    list.scrollTo(to);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                remove.accept(index);
                e.consume();
            }
        });
    }
}
