package org.segmint.app.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The editor without a mouse: the keys that do what drags do, focus that selects the condition or group it is in,
 * and focus kept on the same place when the definition is drawn again after an edit.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><td>Alt+Up / Alt+Down</td><td>move the selected condition or group up / down (out of its group at the
 *   edge)</td></tr>
 *   <tr><td>Alt+Right / Alt+Left</td><td>into the group next to it / out of its group</td></tr>
 *   <tr><td>Ctrl+Shift+A</td><td>add a condition to the selected group (a searchable list)</td></tr>
 *   <tr><td>Ctrl+G</td><td>add a group to the selected group</td></tr>
 *   <tr><td>Delete</td><td>delete the selected condition or group (with its handle focused)</td></tr>
 *   <tr><td>Ctrl+F / F2</td><td>search the palette / edit the name</td></tr>
 * </table>
 * On a drop-down, Alt+Up and Alt+Down keep their usual meaning (open the list).
 */
final class EditorKeys {
    static final KeyCombination ADD_CONDITION = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination ADD_GROUP = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination UP = new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN);
    private static final KeyCombination DOWN = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN);
    private static final KeyCombination LEFT = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);
    private static final KeyCombination RIGHT = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);

    private final SegmentEditorViewModel vm;
    private final ScrollPane definition;

    /** Where focus was inside the definition before it was drawn again: the box's path and the control's place. */
    record Memory(List<Integer> path, int index) {
    }

    EditorKeys(SegmentEditorViewModel vm, ScrollPane definition) {
        this.vm = vm;
        this.definition = definition;
    }

    /**
     * Listens on {@code view} for the keys, and to focus for the selection.
     *
     * @param addCondition asks which condition to add to the selected group
     * @param findAttribute puts the cursor in the palette's search box
     * @param editName puts the cursor in the name field
     */
    void install(Parent view, Runnable addCondition, Runnable findAttribute, Runnable editName) {
        view.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node focus = view.getScene() == null ? null : view.getScene().getFocusOwner();
            boolean onDropDown = focus instanceof ComboBoxBase;
            boolean moved = false;
            if (UP.match(e) && !onDropDown) {
                moved = vm.moveSelected(-1);
            } else if (DOWN.match(e) && !onDropDown) {
                moved = vm.moveSelected(1);
            } else if (RIGHT.match(e)) {
                moved = vm.moveSelectedIntoGroup();
            } else if (LEFT.match(e)) {
                moved = vm.moveSelectedOutOfGroup();
            } else if (ADD_CONDITION.match(e)) {
                addCondition.run();
            } else if (ADD_GROUP.match(e)) {
                vm.addGroupToSelectedGroup();
                moved = true; // focus goes to the new group, ready for Ctrl+Shift+A
            } else if (FIND.match(e)) {
                findAttribute.run();
            } else if (e.getCode() == KeyCode.F2 && !e.isShortcutDown()) {
                editName.run();
            } else if (e.getCode() == KeyCode.DELETE && focus != null
                    && focus.getStyleClass().contains(DefinitionView.HANDLE)) {
                vm.deleteSelected();
                moved = true;
            } else {
                return;
            }
            // a move at the edge of the root does nothing, but the key is still the editor's
            e.consume();
            if (moved) {
                focusSelected(); // on the node that moved, the new group, or the group of a deleted node
            }
        });
        view.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                follow(scene);
            }
        });
        if (view.getScene() != null) {
            follow(view.getScene());
        }
        vm.selectionProperty().addListener((o, old, selected) -> {
            if (definition.getContent() != null) {
                DefinitionView.markSelected(definition.getContent(), selected);
            }
            Node focus = definition.getScene() == null ? null : definition.getScene().getFocusOwner();
            if (inDefinition(focus) && !DefinitionView.pathOf(focus).orElse(List.of()).equals(selected)) {
                focusSelected();
            }
        });
    }

    private void follow(Scene scene) {
        scene.focusOwnerProperty().addListener((o, old, focus) -> {
            if (inDefinition(focus)) {
                DefinitionView.pathOf(focus).ifPresent(vm::select);
            }
        });
    }

    /** Where focus is in the definition now, if it is there. */
    Optional<Memory> remember() {
        Node focus = definition.getScene() == null ? null : definition.getScene().getFocusOwner();
        if (!inDefinition(focus)) {
            return Optional.empty();
        }
        Optional<List<Integer>> path = DefinitionView.pathOf(focus);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        int index = DefinitionView.box(definition.getContent(), path.get()).map(b -> focusables(b).indexOf(focus))
                .orElse(0);
        return Optional.of(new Memory(path.get(), Math.max(0, index)));
    }

    /**
     * Puts focus back after a redraw: on the same control of the same box when the selection stayed there, else on
     * the selected box.
     */
    void restore(Optional<Memory> memory) {
        if (memory.isEmpty()) {
            return;
        }
        List<Integer> selected = vm.selectionProperty().get();
        if (memory.get().path().equals(selected)) {
            Optional<Parent> box = DefinitionView.box(definition.getContent(), selected);
            if (box.isPresent()) {
                List<Node> controls = focusables(box.get());
                if (!controls.isEmpty()) {
                    controls.get(Math.min(memory.get().index(), controls.size() - 1)).requestFocus();
                    return;
                }
            }
        }
        focusSelected();
    }

    /** Focuses the first control of the selected box (its handle, or the root group's ALL/ANY choice). */
    void focusSelected() {
        if (definition.getContent() == null) {
            return;
        }
        Optional<Parent> box = DefinitionView.box(definition.getContent(), vm.selectionProperty().get());
        if (box.isEmpty()) {
            box = DefinitionView.box(definition.getContent(), List.of());
        }
        box.map(EditorKeys::focusables).filter(l -> !l.isEmpty()).ifPresent(l -> l.get(0).requestFocus());
    }

    private boolean inDefinition(Node node) {
        Node content = definition.getContent();
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == content) {
                return true;
            }
        }
        return false;
    }

    /** The controls of a box that take focus, in the order Tab visits them. */
    static List<Node> focusables(Parent box) {
        List<Node> result = new ArrayList<>();
        collect(box, result);
        return result;
    }

    private static void collect(Node node, List<Node> out) {
        if (node.isFocusTraversable() && node.isVisible() && !node.isDisabled()) {
            out.add(node);
            if (node instanceof ComboBoxBase || node instanceof javafx.scene.control.TextInputControl) {
                return;
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}
