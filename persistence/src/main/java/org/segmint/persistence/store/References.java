package org.segmint.persistence.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.ConditionVisitor;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;

/** Membership references inside a definition, at any depth: finding them and renaming them. */
public final class References {
    private References() {
    }

    /** Names referenced by {@code kind} conditions anywhere in {@code definition}, in order of appearance. */
    public static Set<String> names(Condition definition, MembershipCondition.Kind kind) {
        Set<String> names = new LinkedHashSet<>();
        definition.accept(new Rewriter(kind, null, null, names));
        return names;
    }

    /** The same definition with every {@code kind} reference to {@code from} pointing to {@code to}. */
    public static Condition rename(Condition definition, MembershipCondition.Kind kind, String from, String to) {
        return definition.accept(new Rewriter(kind, from, to, new LinkedHashSet<>()));
    }

    /** Rebuilds the tree, collecting reference names and renaming {@code from} when it is set. */
    private static final class Rewriter implements ConditionVisitor<Condition> {
        private final MembershipCondition.Kind kind;
        private final String from;
        private final String to;
        private final Set<String> found;

        Rewriter(MembershipCondition.Kind kind, String from, String to, Set<String> found) {
            this.kind = kind;
            this.from = from;
            this.to = to;
            this.found = found;
        }

        private List<Condition> all(List<Condition> conditions) {
            List<Condition> result = new ArrayList<>();
            conditions.forEach(c -> result.add(c.accept(this)));
            return result;
        }

        @Override
        public Condition visitGroup(GroupCondition group) {
            return new GroupCondition(group.junction(), all(group.conditions()));
        }

        @Override
        public Condition visitNot(NotCondition not) {
            return new NotCondition(not.condition().accept(this));
        }

        @Override
        public Condition visitAttribute(AttributeCondition attribute) {
            return attribute;
        }

        @Override
        public Condition visitPurchase(PurchaseCondition p) {
            return new PurchaseCondition(p.has(), all(p.where()), p.measure(), p.comparison(), p.window());
        }

        @Override
        public Condition visitEvent(EventCondition e) {
            return new EventCondition(e.did(), e.event(), all(e.where()), e.comparison(), e.window());
        }

        @Override
        public Condition visitSequence(SequenceCondition s) {
            List<SequenceCondition.Step> steps = new ArrayList<>();
            s.steps().forEach(step -> steps.add(new SequenceCondition.Step(step.event(), all(step.where()))));
            return new SequenceCondition(steps, s.within(), s.without(), s.window());
        }

        @Override
        public Condition visitMembership(MembershipCondition m) {
            if (m.kind() != kind) {
                return m;
            }
            found.add(m.name());
            return m.name().equals(from) ? new MembershipCondition(kind, to, m.in()) : m;
        }
    }
}
