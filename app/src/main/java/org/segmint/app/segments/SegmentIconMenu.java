package org.segmint.app.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import org.segmint.app.shell.Icons;
import org.segmint.model.segment.SegmentIcon;

/** The choice of icon for a pinned segment: a submenu of the row's context menu, or a menu of its own. */
final class SegmentIconMenu {
    private final SegmentsViewModel model;

    SegmentIconMenu(SegmentsViewModel model) {
        this.model = model;
    }

    /** "Icon ▸" for the context menu of the row {@code row} gives. */
    Menu submenu(Supplier<SegmentRow> row) {
        Menu menu = new Menu("Icon");
        menu.setId("segment-icon-menu");
        List<MenuItem> items = items(row);
        menu.getItems().setAll(items);
        // the same items for every showing: only their check mark follows the row's current icon
        menu.setOnShowing(e -> select(items, row.get()));
        return menu;
    }

    /** The same choices as a menu of their own (clicking a pinned segment's icon). */
    ContextMenu popup(SegmentRow row) {
        ContextMenu menu = new ContextMenu();
        List<MenuItem> items = items(() -> row);
        select(items, row);
        menu.getItems().setAll(items);
        return menu;
    }

    private List<MenuItem> items(Supplier<SegmentRow> row) {
        List<MenuItem> items = new ArrayList<>();
        ToggleGroup group = new ToggleGroup();
        for (SegmentIcon icon : SegmentIcon.values()) {
            RadioMenuItem item = new RadioMenuItem(icon.label(), Icons.icon(Icons.of(icon), 14));
            item.setId("segment-icon-" + icon.key());
            item.setUserData(icon);
            item.setToggleGroup(group);
            item.setOnAction(e -> model.chooseIcon(row.get(), icon));
            items.add(item);
        }
        return items;
    }

    private static void select(List<MenuItem> items, SegmentRow row) {
        for (MenuItem item : items) {
            ((RadioMenuItem) item).setSelected(row != null && row.icon() == item.getUserData());
        }
    }
}
