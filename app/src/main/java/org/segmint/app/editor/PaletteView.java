package org.segmint.app.editor;

import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The attribute palette on the left of the editor: a search box and items under table headings. An item is dragged
 * onto a group, or added to the selected group with a double click, Enter or Space. In the search box, Enter adds the
 * first item shown and Down goes to the items; Up and Down move between items.
 */
final class PaletteView extends VBox {
    static final String ITEM = "sg-palette-item";

    private final AttributePaletteViewModel vm;
    private final VBox items = new VBox(2);
    private final TextField search = new TextField();
    private final Consumer<String> onActivate;

    /** @param onActivate adds the item with this key to the selected group (double click, Enter) */
    PaletteView(AttributePaletteViewModel vm, Consumer<String> onActivate) {
        super(8);
        this.vm = vm;
        this.onActivate = onActivate;
        getStyleClass().add("sg-palette");
        search.setPromptText("Search attributes");
        search.setId("palette-search");
        search.setAccessibleText("Search attributes and behaviours; Enter adds the first one shown");
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.getStyleClass().add("sg-palette-search");
        search.setOnAction(e -> shownKeys().stream().findFirst().ifPresent(onActivate));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                focusItem(0);
                e.consume();
            }
        });
        ScrollPane scroll = new ScrollPane(items);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("sg-palette-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label title = new Label("Attributes");
        title.getStyleClass().add("sg-pane-title");
        getChildren().addAll(title, search, scroll);
        vm.sections().addListener((ListChangeListener<AttributePaletteViewModel.Section>) c -> fill());
        fill();
    }

    /** Puts the cursor in the search box (Ctrl+F in the editor). */
    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private List<String> shownKeys() {
        return vm.sections().stream().flatMap(s -> s.items().stream()).map(PaletteItem::key).toList();
    }

    private List<Node> itemNodes() {
        return items.getChildren().stream().filter(n -> n.getStyleClass().contains(ITEM)).toList();
    }

    private void focusItem(int index) {
        List<Node> nodes = itemNodes();
        if (index >= 0 && index < nodes.size()) {
            nodes.get(index).requestFocus();
        } else if (index < 0) {
            search.requestFocus();
        }
    }

    private void fill() {
        items.getChildren().clear();
        for (AttributePaletteViewModel.Section section : vm.sections()) {
            Label heading = new Label(section.title());
            heading.getStyleClass().add("sg-palette-heading");
            items.getChildren().add(heading);
            for (PaletteItem item : section.items()) {
                items.getChildren().add(itemNode(item));
            }
        }
    }

    private HBox itemNode(PaletteItem item) {
        Label name = new Label(item.label());
        name.getStyleClass().add("sg-palette-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label type = new Label(item.detail());
        type.getStyleClass().add("sg-type-chip");
        type.setMinWidth(Region.USE_PREF_SIZE);
        HBox node = new HBox(6, name, spacer, type);
        node.getStyleClass().add(ITEM);
        node.setId("palette-" + item.key().replace(':', '-').replace('.', '-'));
        String hint = " — drag onto a group, or double-click or press Enter to add it to the selected group";
        Tooltip.install(node, new Tooltip(item.isField() ? item.field().id() + " (" + item.detail() + ")" + hint
                : item.label() + hint));
        node.setFocusTraversable(true);
        node.setAccessibleRole(AccessibleRole.BUTTON);
        node.setAccessibleText("Add " + item.label() + " (" + item.detail() + ")");
        node.setAccessibleHelp("Adds the condition to the selected group");
        node.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                onActivate.accept(item.key());
            }
        });
        node.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                onActivate.accept(item.key());
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                focusItem(itemNodes().indexOf(node) + (e.getCode() == KeyCode.DOWN ? 1 : -1));
                e.consume();
            }
        });
        node.setOnDragDetected(e -> {
            Dragboard board = node.startDragAndDrop(TransferMode.COPY);
            ClipboardContent content = new ClipboardContent();
            content.put(EditorDrag.PALETTE_ITEM, item.key());
            board.setContent(content);
            board.setDragView(node.snapshot(null, null));
            e.consume();
        });
        return node;
    }
}
