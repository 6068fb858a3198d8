package org.segmint.app.shell;

import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.segmint.app.about.BuildInfo;

/** The menu bar and its keyboard shortcuts; see docs/ui.md for the full list. */
final class MainMenu {
    private final MainView view;
    private final MainViewModel model;
    private final AppContext context;

    MainMenu(MainView view, MainViewModel model, AppContext context) {
        this.view = view;
        this.model = model;
        this.context = context;
    }

    MenuBar menuBar() {
        MenuBar bar = new MenuBar(fileMenu(), viewMenu(), helpMenu());
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Menu fileMenu() {
        MenuItem newSegment = item("New segment", KeyCode.N, false, view::newSegment);
        MenuItem newWorkspace = item("New workspace…", KeyCode.N, true, view::newWorkspace);
        MenuItem open = item("Open workspace…", KeyCode.O, false, view::openWorkspace);
        Menu recent = new Menu("Open recent");
        model.recentWorkspaces().addListener((ListChangeListener<String>) c -> fillRecent(recent));
        fillRecent(recent);
        MenuItem demo = new MenuItem("Open the demo workspace");
        demo.setOnAction(e -> {
            if (view.canLeaveWorkspace()) {
                model.openDemo();
            }
        });
        MenuItem save = item("Save", KeyCode.S, false, () -> pageCommand(PageCommand.SAVE));
        MenuItem saveAs = item("Save as…", KeyCode.S, true, () -> pageCommand(PageCommand.SAVE_AS));
        MenuItem importCsv = item("Import…", KeyCode.I, false, this::importCsv);
        MenuItem export = item("Export…", KeyCode.E, false, () -> pageCommand(PageCommand.EXPORT));
        MenuItem close = new MenuItem("Close workspace");
        close.setOnAction(e -> view.closeWorkspace());
        MenuItem quit = item("Quit", KeyCode.Q, false, () -> {
            Window w = view.getScene().getWindow();
            w.fireEvent(new javafx.stage.WindowEvent(w, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
        });
        for (MenuItem needsWorkspace : new MenuItem[] {newSegment, save, saveAs, importCsv, export, close}) {
            needsWorkspace.disableProperty().bind(model.hasWorkspaceProperty().not());
        }
        Menu file = new Menu("_File");
        file.getItems().addAll(newSegment, newWorkspace, open, recent, demo, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), importCsv, export, new SeparatorMenuItem(), close, quit);
        return file;
    }

    private Menu viewMenu() {
        Menu menu = new Menu("_View");
        int n = 1;
        for (PageId id : PageId.values()) {
            if (id.inNavigation()) {
                KeyCode digit = KeyCode.getKeyCode(Integer.toString(n++));
                MenuItem go = item(id.title(), digit, false, () -> view.show(id));
                go.disableProperty().bind(model.hasWorkspaceProperty().not());
                menu.getItems().add(go);
            }
        }
        MenuItem refresh = new MenuItem("Refresh");
        refresh.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        refresh.setOnAction(e -> view.refreshCurrentPage());
        MenuItem find = item("Find", KeyCode.F, false, () -> pageCommand(PageCommand.FIND));
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        dark.setSelected(context.settings().themeValue() == Theme.DARK);
        dark.setOnAction(e -> {
            Theme theme = dark.isSelected() ? Theme.DARK : Theme.LIGHT;
            context.updateSettings(s -> s.withTheme(theme));
            theme.applyTo(view.getScene());
        });
        menu.getItems().addAll(new SeparatorMenuItem(), refresh, find, new SeparatorMenuItem(), dark);
        return menu;
    }

    private Menu helpMenu() {
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        keys.setOnAction(e -> context.dialogs().showInfo("Keyboard shortcuts", String.join("\n",
                "Ctrl+N  New segment", "Ctrl+Shift+N  New workspace", "Ctrl+O  Open workspace",
                "Ctrl+S  Save", "Ctrl+Shift+S  Save as", "Ctrl+I  Import", "Ctrl+E  Export",
                "Ctrl+1 / 2 / 3 / 4  Segments / Models / Data / Groups", "Ctrl+F  Find", "F5  Refresh",
                "Ctrl+Shift+D  Dark theme", "Ctrl+Q  Quit", "",
                "In the segment editor:", "Enter or double-click on the palette  Add to the selected group",
                "Ctrl+Shift+A  Add a condition (search)", "Ctrl+G  Add a group",
                "Alt+Up / Alt+Down  Move the selected condition", "Alt+Right / Alt+Left  Into / out of a group",
                "Delete  Delete the selected condition", "F2  Edit the name", "",
                "Models and clusters: Alt+Up / Alt+Down move the selected segment or group")));
        MenuItem about = new MenuItem("About Segmint");
        about.setOnAction(e -> context.dialogs().showInfo("About Segmint", BuildInfo.nameAndVersion()
                + " — a segment editor for customer data. Everything runs on this computer; workspaces are SQLite"
                + " files.\n\n" + BuildInfo.runtime() + "\nSettings: " + SettingsStore.configDir()
                + "\nData (the demo workspace): " + SettingsStore.dataDir()
                + "\nIcons: Feather (MIT licence) through Ikonli (Apache licence 2.0)."));
        Menu help = new Menu("_Help");
        help.getItems().addAll(keys, about);
        return help;
    }

    private void importCsv() {
        view.show(PageId.DATA);
        pageCommand(PageCommand.IMPORT_CSV);
    }

    private void pageCommand(PageCommand command) {
        Page page = view.page(model.currentPageProperty().get());
        if (page != null) {
            page.handle(command);
        }
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (String path : model.recentWorkspaces()) {
            MenuItem item = new MenuItem(path);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> view.openRecent(path));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private static MenuItem item(String text, KeyCode key, boolean shift, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(shift
                ? new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)
                : new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
        item.setOnAction(e -> action.run());
        return item;
    }
}
