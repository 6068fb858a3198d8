package org.segmint.app.editor;

import java.util.ArrayList;
import java.util.List;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.NotCondition;

/**
 * Path-based edits of an immutable definition tree. A path lists child indexes from the root: the
 * children of a group are numbered from 0, the single child of a negation is 0. Every edit returns a
 * new root; nodes off the path are shared with the old tree.
 */
public final class DefinitionTree {
    private DefinitionTree() {
    }

    /** The node at {@code path}; throws {@link IllegalArgumentException} when there is none. */
    public static Condition get(Condition root, List<Integer> path) {
        Condition node = root;
        for (int index : path) {
            node = child(node, index);
        }
        return node;
    }

    /** Whether {@code path} names a node of the tree. */
    public static boolean exists(Condition root, List<Integer> path) {
        try {
            get(root, path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The tree with the node at {@code path} replaced by {@code replacement}. */
    public static Condition replace(Condition root, List<Integer> path, Condition replacement) {
        if (path.isEmpty()) {
            return replacement;
        }
        int index = path.get(0);
        Condition newChild = replace(child(root, index), path.subList(1, path.size()), replacement);
        return withChild(root, index, newChild);
    }

    /** The tree with {@code node} inserted into the group at {@code groupPath} before child {@code index}. */
    public static Condition insert(Condition root, List<Integer> groupPath, int index, Condition node) {
        GroupCondition group = group(root, groupPath);
        List<Condition> children = new ArrayList<>(group.conditions());
        children.add(Math.max(0, Math.min(index, children.size())), node);
        return replace(root, groupPath, new GroupCondition(group.junction(), children));
    }

    /** The tree without the node at {@code path}, which must be a child of a group. */
    public static Condition remove(Condition root, List<Integer> path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("the root cannot be removed");
        }
        List<Integer> parentPath = parent(path);
        Condition parent = get(root, parentPath);
        if (parent instanceof NotCondition) {
            // Removing the only child of a negation removes the negation too.
            return remove(root, parentPath);
        }
        GroupCondition group = (GroupCondition) parent;
        List<Condition> children = new ArrayList<>(group.conditions());
        children.remove((int) last(path));
        return replace(root, parentPath, new GroupCondition(group.junction(), children));
    }

    /**
     * Moves the node at {@code from} into the group at {@code toGroup}, before the child that is at
     * {@code index} now (indexes are read in the tree before the move). Moving a group into itself or one
     * of its descendants is refused.
     */
    public static Condition move(Condition root, List<Integer> from, List<Integer> toGroup, int index) {
        if (isPrefix(from, toGroup)) {
            throw new IllegalArgumentException("a group cannot be moved into itself");
        }
        if (from.isEmpty()) {
            throw new IllegalArgumentException("the root cannot be moved");
        }
        Condition node = get(root, from);
        group(root, toGroup);
        List<Integer> parentPath = parent(from);
        group(root, parentPath);
        int target = index;
        List<Integer> adjustedGroup = new ArrayList<>(toGroup);
        if (parentPath.equals(toGroup) && last(from) < index) {
            // The node leaves a slot before the target in the same group.
            target--;
        } else if (toGroup.size() > parentPath.size() && isPrefix(parentPath, toGroup)
                && toGroup.get(parentPath.size()) > last(from)) {
            // The target group is a later sibling (or inside one): its index shifts down by one.
            adjustedGroup.set(parentPath.size(), toGroup.get(parentPath.size()) - 1);
        }
        Condition without = remove(root, from);
        return insert(without, adjustedGroup, target, node);
    }

    /**
     * The group a new condition goes into when {@code selected} is the selected node: the node itself when it is
     * a group (or a negated group), else the group holding it. A stale path means the root.
     */
    public static List<Integer> targetGroup(Condition root, List<Integer> selected) {
        if (selected == null || !exists(root, selected)) {
            return List.of();
        }
        List<Integer> path = selected;
        while (true) {
            Condition node = get(root, path);
            if (node instanceof GroupCondition) {
                return path;
            }
            if (node instanceof NotCondition n && n.condition() instanceof GroupCondition) {
                return childPath(path, 0);
            }
            if (path.isEmpty()) {
                return List.of();
            }
            path = parent(path);
        }
    }

    /**
     * Where the node at {@code path} goes when moved one step up ({@code delta} -1) or down (+1): past its
     * neighbour in its group, or, at the group's edge, out of the group to just before or after it. Null when it
     * cannot move (the first child of the root moving up, the last moving down).
     */
    public static Move step(Condition root, List<Integer> path, int delta) {
        List<Integer> nodePath = movable(root, path);
        if (nodePath == null) {
            return null;
        }
        List<Integer> parent = parent(nodePath);
        int index = last(nodePath);
        int size = group(root, parent).conditions().size();
        int target = index + delta;
        if (target >= 0 && target < size) {
            return new Move(nodePath, parent, delta < 0 ? target : target + 1, childPath(parent, target));
        }
        return out(root, nodePath, delta > 0);
    }

    /** Moving the node out of its group, to just after the group ({@code after}) or just before it. */
    public static Move out(Condition root, List<Integer> path, boolean after) {
        List<Integer> nodePath = movable(root, path);
        if (nodePath == null) {
            return null;
        }
        List<Integer> groupNode = parent(nodePath);
        if (groupNode.isEmpty()) {
            return null;
        }
        if (get(root, parent(groupNode)) instanceof NotCondition) {
            groupNode = parent(groupNode); // the negation is what sits in the outer group
        }
        if (groupNode.isEmpty()) {
            return null;
        }
        List<Integer> outer = parent(groupNode);
        int at = last(groupNode) + (after ? 1 : 0);
        return new Move(nodePath, outer, at, childPath(outer, at));
    }

    /**
     * Moving the node into the group just above it (as its last child), or when there is none, into the group
     * just below it (as its first child). Null when neither neighbour is a group.
     */
    public static Move into(Condition root, List<Integer> path) {
        List<Integer> nodePath = movable(root, path);
        if (nodePath == null) {
            return null;
        }
        List<Integer> parent = parent(nodePath);
        int index = last(nodePath);
        List<Condition> siblings = group(root, parent).conditions();
        if (index > 0) {
            List<Integer> above = groupInside(root, childPath(parent, index - 1));
            if (above != null) {
                int size = group(root, above).conditions().size();
                return new Move(nodePath, above, size, childPath(above, size));
            }
        }
        if (index + 1 < siblings.size()) {
            List<Integer> below = groupInside(root, childPath(parent, index + 1));
            if (below != null) {
                List<Integer> shifted = new ArrayList<>(below);
                shifted.set(parent.size(), index); // the group moves up one place when the node leaves
                return new Move(nodePath, below, 0, childPath(List.copyOf(shifted), 0));
            }
        }
        return null;
    }

    /**
     * A move for {@link #move}: the node at {@code from} goes into the group {@code toGroup} before child
     * {@code index} (indexes of the tree before the move), and is found at {@code result} afterwards.
     */
    public record Move(List<Integer> from, List<Integer> toGroup, int index, List<Integer> result) {
    }

    /** The path of the node that moves when {@code path} is selected: a negated node moves with its NOT. */
    private static List<Integer> movable(Condition root, List<Integer> path) {
        if (path == null || path.isEmpty() || !exists(root, path)) {
            return null;
        }
        List<Integer> p = path;
        while (!p.isEmpty() && get(root, parent(p)) instanceof NotCondition) {
            p = parent(p);
        }
        return p.isEmpty() ? null : p;
    }

    /** The group at {@code path}, or inside the negation at {@code path}; null when it is neither. */
    private static List<Integer> groupInside(Condition root, List<Integer> path) {
        Condition node = get(root, path);
        if (node instanceof GroupCondition) {
            return path;
        }
        if (node instanceof NotCondition n && n.condition() instanceof GroupCondition) {
            return childPath(path, 0);
        }
        return null;
    }

    /** The group at {@code path}; throws when the node is not a group. */
    public static GroupCondition group(Condition root, List<Integer> path) {
        Condition node = get(root, path);
        if (!(node instanceof GroupCondition)) {
            throw new IllegalArgumentException("not a group: " + path);
        }
        return (GroupCondition) node;
    }

    public static List<Integer> parent(List<Integer> path) {
        return List.copyOf(path.subList(0, path.size() - 1));
    }

    public static List<Integer> childPath(List<Integer> path, int index) {
        List<Integer> result = new ArrayList<>(path);
        result.add(index);
        return List.copyOf(result);
    }

    /** Whether {@code prefix} is {@code path} or one of its ancestors. */
    public static boolean isPrefix(List<Integer> prefix, List<Integer> path) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private static int last(List<Integer> path) {
        return path.get(path.size() - 1);
    }

    private static Condition child(Condition node, int index) {
        if (node instanceof GroupCondition g && index >= 0 && index < g.conditions().size()) {
            return g.conditions().get(index);
        }
        if (node instanceof NotCondition n && index == 0) {
            return n.condition();
        }
        throw new IllegalArgumentException("no child " + index);
    }

    private static Condition withChild(Condition node, int index, Condition newChild) {
        if (node instanceof GroupCondition g) {
            List<Condition> children = new ArrayList<>(g.conditions());
            children.set(index, newChild);
            return new GroupCondition(g.junction(), children);
        }
        return new NotCondition(newChild);
    }
}
