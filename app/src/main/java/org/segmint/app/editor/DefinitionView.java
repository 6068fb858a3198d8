package org.segmint.app.editor;

import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
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

    private final SegmentEditorViewModel vm;
    private final AttributePaletteViewModel palette;
    private final EditorContext context;

    DefinitionView(SegmentEditorViewModel vm, AttributePaletteViewModel palette, EditorContext context) {
        this.vm = vm;
        this.palette = palette;
        this.context = context;
    }

    Node render(Condition root, Map<List<Integer>, String> problems) {
        GroupCondition group = root instanceof GroupCondition g ? g : GroupCondition.all(List.of(root));
        return group(group, List.of(), List.of(), false, problems);
    }

    /**
     * @param groupPath the group's own path (what drops and children refer to)
     * @param nodePath  the path of the node shown (the negation when negated): what moves and deletes
     */
    private VBox group(GroupCondition g, List<Integer> groupPath, List<Integer> nodePath, boolean negated,
                       Map<List<Integer>, String> problems) {
        VBox box = new VBox(6);
        box.getStyleClass().add(GROUP);
        box.getProperties().put("path", EditorDrag.pathText(groupPath));
        if (groupPath.isEmpty()) {
            box.getStyleClass().add("sg-root-group");
        }
        HBox header = new HBox(6);
        header.getStyleClass().add("sg-group-header");
        if (!nodePath.isEmpty()) {
            header.getChildren().add(handle(nodePath));
        }
        if (negated) {
            header.getChildren().add(notBadge());
        }
        header.getChildren().add(Inputs.choice(List.of(Junction.ALL, Junction.ANY), g.junction(),
                j -> j == Junction.ALL ? "All of" : "Any of", j -> vm.setJunction(groupPath, j)));
        header.getChildren().add(Inputs.words(groupPath.isEmpty() ? "these conditions" : "these"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header.getChildren().add(spacer);
        header.getChildren().add(AttributeEditor.smallButton("+ Group", "Add a nested group here",
                () -> vm.addGroup(groupPath, g.junction() == Junction.ALL ? Junction.ANY : Junction.ALL)));
        if (!nodePath.isEmpty()) {
            header.getChildren().add(AttributeEditor.smallButton(negated ? "Undo NOT" : "NOT",
                    "Negate this group", () -> vm.negate(nodePath)));
            header.getChildren().add(AttributeEditor.smallButton("✕", "Delete this group",
                    () -> vm.delete(nodePath)));
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
                ? "Drag attributes or behaviours here" : "Drop here to add");
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
        HBox line = new HBox(8);
        line.getChildren().add(handle(nodePath));
        if (negated) {
            line.getChildren().add(notBadge());
        }
        Node editor = editor(c, editPath);
        HBox.setHgrow(editor, Priority.ALWAYS);
        line.getChildren().add(editor);
        line.getChildren().add(AttributeEditor.smallButton(negated ? "Undo NOT" : "NOT", "Negate this condition",
                () -> vm.negate(nodePath)));
        line.getChildren().add(AttributeEditor.smallButton("✕", "Delete this condition", () -> vm.delete(nodePath)));
        VBox box = new VBox(4, line);
        box.getStyleClass().add(CONDITION);
        box.getProperties().put("path", EditorDrag.pathText(nodePath));
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

    private Label handle(List<Integer> nodePath) {
        Label handle = new Label("⠿");
        handle.getStyleClass().add("sg-drag-handle");
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
