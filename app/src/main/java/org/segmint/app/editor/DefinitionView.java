package org.segmint.app.editor;

import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.ConditionVisitor;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Junction;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;

/**
 * Draws a definition as nested group boxes with one row per condition, each with the editor suited to
 * its type, and turns drags into view-model commands: a palette item dropped on a group adds a condition
 * there, a condition dragged by its handle moves (reorder in its group or into another group).
 */
final class DefinitionView {
    static final String GROUP = "sg-group";
    static final String CONDITION = "sg-condition";
    static final String INVALID = "sg-invalid";
    static final String DROP_TARGET = "sg-drop-target";

    static final String SELECTED = "sg-selected";
    static final String HANDLE = "sg-drag-handle";
    static final String PATH = "path";

    private final SegmentEditorViewModel vm;
    private final AttributePaletteViewModel palette;
    private final EditorContext context;
    private final java.util.function.Consumer<List<Integer>> onAddCondition;

    /** @param onAddCondition asks which condition to add to the group at the path ("+ Condition") */
    DefinitionView(SegmentEditorViewModel vm, AttributePaletteViewModel palette, EditorContext context,
                   java.util.function.Consumer<List<Integer>> onAddCondition) {
        this.vm = vm;
        this.palette = palette;
        this.context = context;
        this.onAddCondition = onAddCondition;
    }

    /** Asks which condition to add to the group at {@code groupPath} ("+ Condition", Ctrl+Shift+A). */
    void addCondition(List<Integer> groupPath) {
        onAddCondition.accept(groupPath);
    }

    Node render(Condition root, Map<List<Integer>, String> problems) {
        GroupCondition group = root instanceof GroupCondition g ? g : GroupCondition.all(List.of(root));
        Node content = group(group, List.of(), List.of(), false, problems);
        markSelected(content, vm.selectionProperty().get());
        return content;
    }

    /** The group box or condition row drawn for {@code path} in {@code content}, if there is one. */
    static java.util.Optional<javafx.scene.Parent> box(Node content, List<Integer> path) {
        String text = EditorDrag.pathText(path);
        java.util.Deque<Node> todo = new java.util.ArrayDeque<>(List.of(content));
        while (!todo.isEmpty()) {
            Node n = todo.poll();
            if (n instanceof javafx.scene.Parent p) {
                if (text.equals(n.getProperties().get(PATH))) {
                    return java.util.Optional.of(p);
                }
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return java.util.Optional.empty();
    }

    /** The path of the box (group or condition) that holds {@code node}, when it is inside one. */
    static java.util.Optional<List<Integer>> pathOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            Object path = n.getProperties().get(PATH);
            if (path instanceof String text) {
                return java.util.Optional.of(EditorDrag.parsePath(text));
            }
        }
        return java.util.Optional.empty();
    }

    /** Outlines the selected box (and only it). */
    static void markSelected(Node content, List<Integer> selected) {
        java.util.Deque<Node> todo = new java.util.ArrayDeque<>(List.of(content));
        String text = EditorDrag.pathText(selected);
        while (!todo.isEmpty()) {
            Node n = todo.poll();
            Object path = n.getProperties().get(PATH);
            if (path != null) {
                boolean on = path.equals(text);
                if (on && !n.getStyleClass().contains(SELECTED)) {
                    n.getStyleClass().add(SELECTED);
                } else if (!on) {
                    n.getStyleClass().remove(SELECTED);
                }
            }
            if (n instanceof javafx.scene.Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
    }

    /**
     * @param groupPath the group's own path (what drops and children refer to)
     * @param nodePath  the path of the node shown (the negation when negated): what moves and deletes
     */
    private VBox group(GroupCondition g, List<Integer> groupPath, List<Integer> nodePath, boolean negated,
                       Map<List<Integer>, String> problems) {
        VBox box = new VBox(6);
        box.getStyleClass().add(GROUP);
        box.getProperties().put(PATH, EditorDrag.pathText(groupPath));
        if (groupPath.isEmpty()) {
            box.getStyleClass().add("sg-root-group");
        }
        HBox header = new HBox(6);
        header.getStyleClass().add("sg-group-header");
        String name = groupPath.isEmpty() ? "the top group" : "group " + ConditionNames.position(groupPath);
        if (!nodePath.isEmpty()) {
            header.getChildren().add(handle(nodePath, "Group " + ConditionNames.position(groupPath)));
        }
        if (negated) {
            header.getChildren().add(notBadge());
        }
        Node junction = Inputs.choice(List.of(Junction.ALL, Junction.ANY), g.junction(),
                j -> j == Junction.ALL ? "All of" : "Any of", j -> vm.setJunction(groupPath, j));
        junction.setAccessibleText("Customers must match all or any of the conditions of " + name);
        header.getChildren().add(junction);
        header.getChildren().add(Inputs.words(groupPath.isEmpty() ? "these conditions" : "these"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header.getChildren().add(spacer);
        Button addCondition = AttributeEditor.smallButton("+ Condition", "Add a condition to this group"
                + " (Ctrl+Shift+A adds to the selected group)", () -> {
                    vm.select(groupPath);
                    onAddCondition.accept(groupPath);
                });
        addCondition.setAccessibleText("Add a condition to " + name);
        addCondition.getStyleClass().add("sg-add-condition");
        header.getChildren().add(addCondition);
        Button addGroup = AttributeEditor.smallButton("+ Group", "Add a nested group here (Ctrl+G)",
                () -> vm.addGroup(groupPath, g.junction() == Junction.ALL ? Junction.ANY : Junction.ALL));
        addGroup.setAccessibleText("Add a group inside " + name);
        header.getChildren().add(addGroup);
        if (!nodePath.isEmpty()) {
            Button not = AttributeEditor.smallButton(negated ? "Undo NOT" : "NOT",
                    "Negate this group", () -> vm.negate(nodePath));
            not.setAccessibleText((negated ? "Stop negating " : "Negate ") + name);
            Button delete = AttributeEditor.smallButton("✕", "Delete this group (Delete)",
                    () -> vm.delete(nodePath));
            delete.setAccessibleText("Delete " + name);
            header.getChildren().addAll(not, delete);
        }
        box.getChildren().add(header);
        VBox children = new VBox(6);
        children.getStyleClass().add("sg-group-children");
        for (int i = 0; i < g.conditions().size(); i++) {
            List<Integer> childPath = DefinitionTree.childPath(groupPath, i);
            children.getChildren().add(child(g.conditions().get(i), childPath, problems));
        }
        box.getChildren().add(children);
        Label hint = new Label(g.conditions().isEmpty()
                ? "Drag attributes or behaviours here, or use + Condition" : "Drop here to add");
        hint.getStyleClass().add("sg-drop-hint");
        hint.setMaxWidth(Double.MAX_VALUE);
        box.getChildren().add(hint);
        installDropTarget(box, children, groupPath);
        return box;
    }

    private Node child(Condition node, List<Integer> path, Map<List<Integer>, String> problems) {
        if (node instanceof GroupCondition g) {
            return group(g, path, path, false, problems);
        }
        if (node instanceof NotCondition n) {
            List<Integer> inner = DefinitionTree.childPath(path, 0);
            if (n.condition() instanceof GroupCondition g) {
                return group(g, inner, path, true, problems);
            }
            return row(n.condition(), inner, path, true, problems);
        }
        return row(node, path, path, false, problems);
    }

    private VBox row(Condition c, List<Integer> editPath, List<Integer> nodePath, boolean negated,
                     Map<List<Integer>, String> problems) {
        String name = ConditionNames.of(c, context.catalog());
        HBox line = new HBox(8);
        line.getChildren().add(handle(nodePath, "Condition " + ConditionNames.position(nodePath) + ": " + name));
        if (negated) {
            line.getChildren().add(notBadge());
        }
        Node editor = editor(c, editPath);
        HBox.setHgrow(editor, Priority.ALWAYS);
        ConditionNames.nameControls(editor, name);
        line.getChildren().add(editor);
        Button not = AttributeEditor.smallButton(negated ? "Undo NOT" : "NOT", "Negate this condition",
                () -> vm.negate(nodePath));
        not.setAccessibleText((negated ? "Stop negating " : "Negate ") + name);
        Button delete = AttributeEditor.smallButton("✕", "Delete this condition (Delete)", () -> vm.delete(nodePath));
        delete.setAccessibleText("Delete the condition " + name);
        line.getChildren().addAll(not, delete);
        VBox box = new VBox(4, line);
        box.getStyleClass().add(CONDITION);
        box.getProperties().put(PATH, EditorDrag.pathText(nodePath));
        String problem = problems.getOrDefault(editPath, problems.get(nodePath));
        if (problem != null) {
            box.getStyleClass().add(INVALID);
            Label message = new Label(problem);
            message.getStyleClass().add("sg-problem");
            message.setWrapText(true);
            box.getChildren().add(message);
        }
        return box;
    }

    /** The editor of one leaf condition; each kind has its own, so a new kind does not compile without one. */
    private Node editor(Condition c, List<Integer> path) {
        java.util.function.Consumer<Condition> replace = changed -> vm.replace(path, changed);
        return c.accept(new ConditionVisitor<Node>() {
            @Override
            public Node visitGroup(GroupCondition group) {
                return Inputs.words(group.toString()); // groups are drawn as boxes, never as leaves
            }

            @Override
            public Node visitNot(NotCondition not) {
                return Inputs.words(not.toString()); // negations are drawn as a badge, never as leaves
            }

            @Override
            public Node visitAttribute(AttributeCondition a) {
                return AttributeEditor.build(context, a, replace::accept);
            }

            @Override
            public Node visitPurchase(PurchaseCondition p) {
                return BehaviourEditors.purchase(context, p, replace::accept);
            }

            @Override
            public Node visitEvent(EventCondition e) {
                return BehaviourEditors.event(context, e, replace::accept);
            }

            @Override
            public Node visitSequence(SequenceCondition s) {
                return SequenceEditor.build(context, s, replace::accept);
            }

            @Override
            public Node visitMembership(MembershipCondition m) {
                return BehaviourEditors.membership(context, m, replace::accept);
            }
        });
    }

    private static Label notBadge() {
        Label badge = new Label("NOT");
        badge.getStyleClass().add("sg-not-badge");
        return badge;
    }

    private Label handle(List<Integer> nodePath, String name) {
        Label handle = new Label("⠿");
        handle.getStyleClass().add(HANDLE);
        handle.setFocusTraversable(true);
        handle.setAccessibleRole(javafx.scene.AccessibleRole.BUTTON);
        handle.setAccessibleText(name);
        handle.setAccessibleHelp("Drag to move. Keys: Alt+Up and Alt+Down move it, Alt+Right into the group next to it,"
                + " Alt+Left out of its group, Delete removes it");
        handle.setOnDragDetected(e -> {
            Dragboard board = handle.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(EditorDrag.CONDITION_PATH, EditorDrag.pathText(nodePath));
            board.setContent(content);
            e.consume();
        });
        return handle;
    }

    private void installDropTarget(VBox box, VBox children, List<Integer> groupPath) {
        box.setOnDragOver(e -> {
            if (accepts(e, groupPath)) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                if (!box.getStyleClass().contains(DROP_TARGET)) {
                    box.getStyleClass().add(DROP_TARGET);
                }
                e.consume();
            }
        });
        box.setOnDragExited(e -> box.getStyleClass().remove(DROP_TARGET));
        box.setOnDragDropped(e -> {
            if (!accepts(e, groupPath)) {
                return;
            }
            int index = dropIndex(children, e);
            Dragboard board = e.getDragboard();
            boolean done = false;
            try {
                if (board.hasContent(EditorDrag.PALETTE_ITEM)) {
                    String key = (String) board.getContent(EditorDrag.PALETTE_ITEM);
                    done = palette.conditionFor(key).map(c -> {
                        vm.addCondition(groupPath, index, c);
                        return true;
                    }).orElse(false);
                } else {
                    List<Integer> from = EditorDrag.parsePath((String) board.getContent(EditorDrag.CONDITION_PATH));
                    vm.move(from, groupPath, index);
                    done = true;
                }
            } catch (IllegalArgumentException ex) {
                // A drop onto the dragged group itself, or a stale path: nothing to do.
                done = false;
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private static boolean accepts(DragEvent e, List<Integer> groupPath) {
        Dragboard board = e.getDragboard();
        if (board.hasContent(EditorDrag.PALETTE_ITEM)) {
            return true;
        }
        if (board.hasContent(EditorDrag.CONDITION_PATH)) {
            List<Integer> from = EditorDrag.parsePath((String) board.getContent(EditorDrag.CONDITION_PATH));
            return !DefinitionTree.isPrefix(from, groupPath);
        }
        return false;
    }

    /** The child index the drop lands before: the first child whose middle is below the pointer. */
    private static int dropIndex(VBox children, DragEvent e) {
        List<Node> nodes = children.getChildren();
        for (int i = 0; i < nodes.size(); i++) {
            Bounds bounds = nodes.get(i).localToScene(nodes.get(i).getBoundsInLocal());
            if (e.getSceneY() < bounds.getMinY() + bounds.getHeight() / 2) {
                return i;
            }
        }
        return nodes.size();
    }
}
