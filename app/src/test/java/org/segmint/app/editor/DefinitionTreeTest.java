package org.segmint.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;

class DefinitionTreeTest {
    private static final Condition A = AttributeCondition.of("customers.city", Operator.EQ, "Paris");
    private static final Condition B = AttributeCondition.of("customers.city", Operator.EQ, "Lyon");
    private static final Condition C = AttributeCondition.of("customers.email", Operator.IS_NOT_EMPTY);
    private static final Condition D = AttributeCondition.of("customers.phone", Operator.IS_EMPTY);

    // all(A, any(B, C), D)
    private static final Condition TREE = GroupCondition.all(List.of(A, GroupCondition.any(List.of(B, C)), D));

    @Test
    void getFollowsGroupsAndNegations() {
        Condition negated = GroupCondition.all(List.of(new NotCondition(GroupCondition.any(List.of(A)))));
        assertEquals(A, DefinitionTree.get(negated, List.of(0, 0, 0)));
        assertEquals(C, DefinitionTree.get(TREE, List.of(1, 1)));
    }

    @Test
    void moveDownInsideTheSameGroupLandsBeforeTheTargetIndex() {
        Condition moved = DefinitionTree.move(TREE, List.of(0), List.of(), 3);
        assertEquals(GroupCondition.all(List.of(GroupCondition.any(List.of(B, C)), D, A)), moved);
    }

    @Test
    void moveIntoALaterSiblingGroupAdjustsItsIndex() {
        Condition moved = DefinitionTree.move(TREE, List.of(0), List.of(1), 1);
        assertEquals(GroupCondition.all(List.of(GroupCondition.any(List.of(B, A, C)), D)), moved);
    }

    @Test
    void moveOutOfANestedGroupToTheFront() {
        Condition moved = DefinitionTree.move(TREE, List.of(1, 1), List.of(), 0);
        assertEquals(GroupCondition.all(List.of(C, A, GroupCondition.any(List.of(B)), D)), moved);
    }

    @Test
    void aGroupCannotMoveIntoItself() {
        assertThrows(IllegalArgumentException.class, () -> DefinitionTree.move(TREE, List.of(1), List.of(1), 0));
    }

    @Test
    void removingTheChildOfANegationRemovesTheNegation() {
        Condition tree = GroupCondition.all(List.of(A, new NotCondition(B)));
        assertEquals(GroupCondition.all(List.of(A)), DefinitionTree.remove(tree, List.of(1, 0)));
    }

    @Test
    void insertClampsTheIndexToTheGroup() {
        Condition tree = DefinitionTree.insert(TREE, List.of(1), 99, D);
        assertEquals(GroupCondition.any(List.of(B, C, D)), DefinitionTree.get(tree, List.of(1)));
    }

    // Keyboard moves: where Alt+Up / Alt+Down / Alt+Right / Alt+Left take the selected node //

    private static Condition apply(Condition root, DefinitionTree.Move m) {
        return DefinitionTree.move(root, m.from(), m.toGroup(), m.index());
    }

    @Test
    void stepUpAndDownPassesTheNeighbourAndLeavesTheGroupAtItsEdge() {
        DefinitionTree.Move down = DefinitionTree.step(TREE, List.of(0), 1);
        assertEquals(GroupCondition.all(List.of(GroupCondition.any(List.of(B, C)), A, D)), apply(TREE, down));
        assertEquals(List.of(1), down.result());
        DefinitionTree.Move up = DefinitionTree.step(TREE, List.of(1, 0), -1);
        Condition out = apply(TREE, up);
        assertEquals(GroupCondition.all(List.of(A, B, GroupCondition.any(List.of(C)), D)), out);
        assertEquals(B, DefinitionTree.get(out, up.result()));
        DefinitionTree.Move outDown = DefinitionTree.step(TREE, List.of(1, 1), 1);
        Condition after = apply(TREE, outDown);
        assertEquals(GroupCondition.all(List.of(A, GroupCondition.any(List.of(B)), C, D)), after);
        assertEquals(C, DefinitionTree.get(after, outDown.result()));
        assertEquals(null, DefinitionTree.step(TREE, List.of(0), -1), "the first child of the root stays");
        assertEquals(null, DefinitionTree.step(TREE, List.of(2), 1), "the last child of the root stays");
    }

    @Test
    void intoMovesIntoTheGroupAboveOrElseBelow() {
        DefinitionTree.Move fromBelow = DefinitionTree.into(TREE, List.of(2));
        Condition moved = apply(TREE, fromBelow);
        assertEquals(GroupCondition.all(List.of(A, GroupCondition.any(List.of(B, C, D)))), moved);
        assertEquals(D, DefinitionTree.get(moved, fromBelow.result()));
        DefinitionTree.Move fromAbove = DefinitionTree.into(TREE, List.of(0));
        moved = apply(TREE, fromAbove);
        assertEquals(GroupCondition.all(List.of(GroupCondition.any(List.of(A, B, C)), D)), moved);
        assertEquals(A, DefinitionTree.get(moved, fromAbove.result()));
        assertEquals(null, DefinitionTree.into(GroupCondition.all(List.of(A, B)), List.of(0)), "no group near");
    }

    @Test
    void aNegatedNodeMovesWithItsNotAndANegatedGroupIsATarget() {
        Condition tree = GroupCondition.all(List.of(new NotCondition(A), new NotCondition(GroupCondition.any(
                List.of(B)))));
        DefinitionTree.Move m = DefinitionTree.into(tree, List.of(0, 0));
        Condition moved = apply(tree, m);
        assertEquals(GroupCondition.all(List.of(new NotCondition(GroupCondition.any(List.of(new NotCondition(A),
                B))))), moved);
        assertEquals(new NotCondition(A), DefinitionTree.get(moved, m.result()));
        assertEquals(List.of(0, 0), DefinitionTree.targetGroup(moved, List.of(0)), "a NOT group takes conditions");
        assertEquals(List.of(0, 0), DefinitionTree.targetGroup(moved, List.of(0, 0, 1)));
        DefinitionTree.Move leave = DefinitionTree.out(moved, List.of(0, 0, 1), true);
        assertEquals(GroupCondition.all(List.of(new NotCondition(GroupCondition.any(List.of(new NotCondition(A)))),
                B)), apply(moved, leave));
    }
}
