package org.segmint.app.shell;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;

/**
 * The main window's content: menu bar, navigation on the left, the current page, the status bar. Pages
 * are created by their factories when a workspace opens and dropped when it closes.
 */
public final class MainView extends BorderPane implements Navigator {
    private final AppContext context;
    private final MainViewModel model;
    private final Pages pages;
    private final Map<PageId, Page> created = new EnumMap<>(PageId.class);
    private final Map<PageId, ToggleButton> navButtons = new EnumMap<>(PageId.class);
    private final StackPane content = new StackPane();
    private final StartView startView;
    private final BorderPane workspaceView = new BorderPane();

    public MainView(AppContext context, MainViewModel model, Pages pages) {
        this.context = context;
        this.model = model;
        this.pages = pages;
        getStyleClass().add(Styles.ROOT);
        this.startView = new StartView(model, this::newWorkspace, this::openWorkspace);

        content.getStyleClass().add(Styles.CONTENT);
        workspaceView.setLeft(navigation());
        workspaceView.setCenter(content);
        setTop(new MainMenu(this, model, context).menuBar());
        setBottom(statusBar());
        showWorkspaceOrStart();

        context.sessionProperty().addListener((o, oldSession, newSession) -> {
            created.values().forEach(Page::dispose);
            created.clear();
            content.getChildren().clear();
            showWorkspaceOrStart();
        });
        model.currentPageProperty().addListener((o, a, page) -> showPage(page));
    }

    public MainViewModel model() {
        return model;
    }

    /** The page object for {@code id}, if it was created (tests). */
    public Page page(PageId id) {
        return created.get(id);
    }

    // Navigator //

    @Override
    public void show(PageId page) {
        if (context.session().isEmpty()) {
            return;
        }
        if (model.currentPageProperty().get() == page) {
            showPage(page);
        } else {
            model.showPage(page);
        }
    }

    @Override
    public void openSegment(String name) {
        Page editor = pageFor(PageId.EDITOR);
        if (editor instanceof SegmentEditorPage) {
            show(PageId.EDITOR);
            ((SegmentEditorPage) editor).openSegment(name);
        } else {
            context.dialogs().showInfo("Segment editor", "The segment editor is not part of this build.");
        }
    }

    @Override
    public void newSegment() {
        Page editor = pageFor(PageId.EDITOR);
        if (editor instanceof SegmentEditorPage) {
            show(PageId.EDITOR);
            ((SegmentEditorPage) editor).newSegment();
        } else {
            context.dialogs().showInfo("Segment editor", "The segment editor is not part of this build.");
        }
    }

    // Commands used by the menu //

    void newWorkspace() {
        if (!canLeaveWorkspace()) {
            return;
        }
        context.dialogs().chooseFileToSave("New workspace", "Customers.segmint", "Segmint workspaces",
                java.util.List.of("*.segmint")).ifPresent(model::createNew);
    }

    void openWorkspace() {
        if (!canLeaveWorkspace()) {
            return;
        }
        context.dialogs().chooseFileToOpen("Open workspace", "Segmint workspaces", java.util.List.of("*.segmint"))
                .ifPresent(model::open);
    }

    /**
     * Another start of Segmint asked to open {@code file} (a double-click on a workspace while Segmint runs): opens
     * it here, after the usual question about unsaved changes; nothing happens when it is already open.
     */
    public void openRequested(Path file) {
        boolean alreadyOpen = context.session().map(s -> s.file().toAbsolutePath().normalize()
                .equals(file.toAbsolutePath().normalize())).orElse(false);
        if (!alreadyOpen && canLeaveWorkspace()) {
            model.open(file);
        }
    }

    void openRecent(String path) {
        if (canLeaveWorkspace()) {
            model.open(Path.of(path));
        }
    }

    void closeWorkspace() {
        if (canLeaveWorkspace()) {
            model.closeWorkspace();
        }
    }

    void refreshCurrentPage() {
        Page page = created.get(model.currentPageProperty().get());
        if (page != null) {
            page.refresh();
        }
        model.refreshStatus();
    }

    /** Asks every created page whether the workspace may close (unsaved edits). */
    public boolean canLeaveWorkspace() {
        for (Page p : created.values()) {
            if (!p.canLeave()) {
                return false;
            }
        }
        return true;
    }

    // Building //

    private void showWorkspaceOrStart() {
        boolean open = context.session().isPresent();
        setCenter(open ? workspaceView : startView);
        if (open) {
            showPage(model.currentPageProperty().get());
        }
    }

    private void showPage(PageId id) {
        if (context.session().isEmpty()) {
            return;
        }
        Page page = pageFor(id);
        Node node = page == null ? missingPage(id) : page.node();
        content.getChildren().setAll(node);
        PageId navId = id == PageId.EDITOR ? PageId.SEGMENTS : id;
        ToggleButton button = navButtons.get(navId);
        if (button != null) {
            button.setSelected(true);
        }
        if (page != null) {
            page.onShown();
        }
    }

    private Page pageFor(PageId id) {
        Page page = created.get(id);
        if (page == null && context.session().isPresent()) {
            page = pages.factory(id).map(f -> f.create(context, this)).orElse(null);
            if (page != null) {
                created.put(id, page);
            }
        }
        return page;
    }

    private Node missingPage(PageId id) {
        Label title = new Label(id.title());
        title.getStyleClass().add(Styles.TITLE);
        Label note = new Label("This page is not available in this build.");
        note.getStyleClass().add(Styles.MUTED);
        VBox box = new VBox(8, title, note);
        box.getStyleClass().add(Styles.EMPTY_STATE);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node navigation() {
        ImageView logo = new ImageView(AppIcon.image(32));
        logo.setFitWidth(28);
        logo.setFitHeight(28);
        Label name = new Label("Segmint");
        name.getStyleClass().add(Styles.NAV_TITLE);
        HBox brand = new HBox(8, logo, name);
        brand.setAlignment(Pos.CENTER_LEFT);
        brand.setPadding(new Insets(4, 8, 16, 8));

        VBox nav = new VBox(4, brand);
        nav.getStyleClass().add(Styles.NAV);
        ToggleGroup group = new ToggleGroup();
        int shortcut = 1;
        for (PageId id : PageId.values()) {
            if (!id.inNavigation()) {
                continue;
            }
            ToggleButton b = new ToggleButton(id.title(), Icons.icon(iconOf(id), 16));
            b.getStyleClass().add(Styles.NAV_BUTTON);
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setTooltip(new Tooltip(id.description() + " (Ctrl+" + shortcut++ + ")"));
            b.setOnAction(e -> {
                b.setSelected(true);
                show(id);
            });
            b.setId("nav-" + id.name().toLowerCase());
            navButtons.put(id, b);
            nav.getChildren().add(b);
        }
        return nav;
    }

    private static Ikon iconOf(PageId id) {
        switch (id) {
            case MODELS:
                return Icons.MODELS;
            case DATA:
                return Icons.DATA;
            case GROUPS:
                return Icons.GROUPS;
            default:
                return Icons.SEGMENTS;
        }
    }

    private Node statusBar() {
        Label workspace = statusLabel();
        workspace.textProperty().bind(model.workspaceNameProperty());
        workspace.setGraphic(Icons.icon(Icons.FILE, 12));
        Label asOf = statusLabel();
        asOf.textProperty().bind(model.asOfTextProperty());
        asOf.setTooltip(new Tooltip("Relative windows such as \"last 90 days\" end on this date."
                + " Change it on the Data page."));
        Label size = statusLabel();
        size.textProperty().bind(model.dataSizeTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(140);
        progress.progressProperty().bind(model.busyProgressProperty());
        Label busy = statusLabel();
        busy.textProperty().bind(model.busyMessageProperty());
        HBox busyBox = new HBox(8, busy, progress);
        busyBox.setAlignment(Pos.CENTER_RIGHT);
        busyBox.visibleProperty().bind(model.busyProperty());
        Label note = statusLabel();
        note.setId("status-note");
        note.textProperty().bind(model.noteProperty());
        note.setTooltip(new Tooltip());
        note.getTooltip().textProperty().bind(model.noteProperty());
        note.setMaxWidth(520);
        ProgressBar backgroundProgress = new ProgressBar();
        backgroundProgress.setPrefWidth(100);
        backgroundProgress.progressProperty().bind(model.backgroundProgressProperty());
        Label backgroundText = statusLabel();
        backgroundText.textProperty().bind(model.backgroundMessageProperty());
        HBox backgroundBox = new HBox(8, backgroundText, backgroundProgress);
        backgroundBox.setAlignment(Pos.CENTER_RIGHT);
        backgroundBox.visibleProperty().bind(model.backgroundProperty());
        backgroundBox.managedProperty().bind(model.backgroundProperty());
        HBox bar = new HBox(18, workspace, asOf, size, note, spacer, backgroundBox, busyBox);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        bar.setAlignment(Pos.CENTER_LEFT);
        asOf.visibleProperty().bind(Bindings.isNotEmpty(model.asOfTextProperty()));
        return bar;
    }

    private static Label statusLabel() {
        Label l = new Label();
        l.getStyleClass().add(Styles.STATUS_ITEM);
        return l;
    }
}
