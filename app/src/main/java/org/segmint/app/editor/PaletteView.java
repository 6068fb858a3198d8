package org.segmint.app.editor;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The attribute palette on the left of the editor: a search box and draggable items under table headings. */
final class PaletteView extends VBox {
    static final String ITEM = "sg-palette-item";

    private final AttributePaletteViewModel vm;
    private final VBox items = new VBox(2);
    private final java.util.function.Consumer<String> onActivate;

    /** @param onActivate adds the item with this key to the definition (double click, Enter) */
    PaletteView(AttributePaletteViewModel vm, java.util.function.Consumer<String> onActivate) {
        super(8);
        this.vm = vm;
        this.onActivate = onActivate;
        getStyleClass().add("sg-palette");
        TextField search = new TextField();
        search.setPromptText("Search attributes");
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.getStyleClass().add("sg-palette-search");
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
        Tooltip.install(node, new Tooltip(item.isField()
                ? item.field().id() + " (" + item.detail() + ") — drag onto a group" : "Drag onto a group"));
        node.setFocusTraversable(true);
        node.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                onActivate.accept(item.key());
            }
        });
        node.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER || e.getCode() == javafx.scene.input.KeyCode.SPACE) {
                onActivate.accept(item.key());
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
