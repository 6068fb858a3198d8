package org.segmint.persistence.reference;

import java.util.List;
import java.util.stream.Collectors;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.ConditionVisitor;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.Window;

/** A definition as one line of readable text, for failure messages of property tests. */
public final class DefinitionText implements ConditionVisitor<String> {
    private DefinitionText() {
    }

    public static String of(Condition definition) {
        return definition.accept(new DefinitionText());
    }

    @Override
    public String visitGroup(GroupCondition group) {
        return group.junction().jsonName() + "(" + all(group.conditions()) + ")";
    }

    @Override
    public String visitNot(NotCondition not) {
        return "not(" + of(not.condition()) + ")";
    }

    @Override
    public String visitAttribute(AttributeCondition a) {
        String values = a.values().stream().map(DefinitionText::value).collect(Collectors.joining(", "));
        return a.field() + " " + a.op().jsonName() + (values.isEmpty() ? "" : " " + values)
                + (a.unit() == null ? "" : " " + a.unit().jsonName());
    }

    @Override
    public String visitPurchase(PurchaseCondition p) {
        return (p.has() ? "purchase" : "no purchase") + where(p.where()) + " " + p.measure().jsonName() + " "
                + comparison(p.comparison()) + window(p.window());
    }

    @Override
    public String visitEvent(EventCondition e) {
        return (e.did() ? "did " : "did not ") + quote(e.event()) + where(e.where()) + " " + comparison(e.comparison())
                + window(e.window());
    }

    @Override
    public String visitSequence(SequenceCondition s) {
        String steps = s.steps().stream().map(st -> quote(st.event()) + where(st.where()))
                .collect(Collectors.joining(" then "));
        return "sequence(" + steps + ")"
                + (s.within() == null ? "" : " within " + s.within().value() + " " + s.within().unit().jsonName())
                + (s.without() == null ? "" : " without " + quote(s.without())) + window(s.window());
    }

    @Override
    public String visitMembership(MembershipCondition m) {
        return (m.in() ? "in " : "not in ") + m.kind().jsonName() + " " + quote(m.name());
    }

    private static String all(List<Condition> conditions) {
        return conditions.stream().map(DefinitionText::of).collect(Collectors.joining(", "));
    }

    private static String where(List<Condition> where) {
        return where.isEmpty() ? "" : " where [" + all(where) + "]";
    }

    private static String comparison(Comparison c) {
        return c.op().jsonName() + " " + c.values().stream().map(v -> v.toPlainString())
                .collect(Collectors.joining(", "));
    }

    private static String window(Window w) {
        if (w == null || w.isAllTime()) {
            return "";
        }
        if (w.last() != null) {
            return " in last " + w.last() + " " + w.unit().jsonName();
        }
        return " from " + (w.from() == null ? "-" : w.from()) + " to " + (w.to() == null ? "-" : w.to());
    }

    private static String value(Object v) {
        return v instanceof String ? quote((String) v) : v.toString();
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }
}
