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
}
