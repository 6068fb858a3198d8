package org.segmint.persistence.engine;

import org.segmint.model.validation.Validator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * "View SQL": the whole definition as one statement with its values inlined, for reading and for
 * running elsewhere. Every leaf is the same query the engine runs, as {@code ck IN (...)} (or
 * {@code ck NOT IN (...)} for a complement); groups become AND/OR and negations NOT, so the statement
 * selects exactly the members.
 */
final class ViewSql implements ConditionVisitor<String> {
    private final LeafCompiler compiler;
    private final Function<String, Optional<Condition>> segments;
    /** References expanded at most this often: the statement repeats each one in full. */
    static final int MAX_EXPANDED_REFERENCES = 2_000;

    private final Deque<String> resolving = new ArrayDeque<>();
    private int depth = 1;
    private int expanded;

    ViewSql(LeafCompiler compiler, Function<String, Optional<Condition>> segments) {
        this.compiler = compiler;
        this.segments = segments;
    }

    String render(Condition definition) {
        return "SELECT ck, customer_id\nFROM customers\nWHERE " + expression(definition) + "\nORDER BY ck";
    }

    private String expression(Condition c) {
        if (GroupCondition.isNeutral(c)) {
            return "1 /* everyone */";
        }
        return c.accept(this);
    }

    @Override
    public String visitGroup(GroupCondition group) {
        List<Condition> children = group.effectiveConditions();
        if (children.size() == 1) {
            return expression(children.get(0));
        }
        String indent = "\n" + "  ".repeat(depth);
        String joiner = group.junction() == Junction.ALL ? "AND " : "OR ";
        StringBuilder sb = new StringBuilder("(");
        depth++;
        for (int i = 0; i < children.size(); i++) {
            sb.append(indent).append(i == 0 ? "" : joiner).append(expression(children.get(i)));
        }
        depth--;
        return sb.append(")").toString();
    }

    @Override
    public String visitNot(NotCondition not) {
        return "NOT (" + expression(not.condition()) + ")";
    }

    @Override
    public String visitAttribute(AttributeCondition attribute) {
        return leaf(compiler.attribute(attribute));
    }

    @Override
    public String visitPurchase(PurchaseCondition purchase) {
        return leaf(compiler.purchase(purchase));
    }

    @Override
    public String visitEvent(EventCondition event) {
        return leaf(compiler.event(event));
    }

    @Override
    public String visitSequence(SequenceCondition sequence) {
        return leaf(compiler.sequence(sequence));
    }

    @Override
    public String visitMembership(MembershipCondition m) {
        if (m.kind() != MembershipCondition.Kind.SEGMENT) {
            return leaf(compiler.membership(m));
        }
        if (resolving.contains(m.name())) {
            throw new WorkspaceException("Segment '" + m.name() + "' refers to itself");
        }
        if (resolving.size() >= Validator.MAX_REFERENCE_DEPTH) {
            throw new WorkspaceException("Segment '" + m.name() + "' is more than " + Validator.MAX_REFERENCE_DEPTH
                    + " segment references deep");
        }
        Condition definition = segments.apply(m.name())
                .orElseThrow(() -> new WorkspaceException("Unknown segment '" + m.name() + "'"));
        if (++expanded > MAX_EXPANDED_REFERENCES) {
            throw new WorkspaceException("This segment refers to other segments more than " + MAX_EXPANDED_REFERENCES
                    + " times in all; its SQL would be too long to show");
        }
        resolving.push(m.name());
        try {
            String inner = "/* segment " + m.name().replace("*/", "* /") + " */ (" + expression(definition) + ")";
            return m.in() ? inner : "NOT " + inner;
        } finally {
            resolving.pop();
        }
    }

    private static String leaf(Leaf leaf) {
        return "ck " + (leaf.complement() ? "NOT IN" : "IN") + " (" + leaf.query().inline() + ")";
    }
}
