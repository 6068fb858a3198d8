package org.segmint.model.segment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A definition as lines of plain words, one line per condition or group, indented by depth, such as
 * {@code "All of:"}, {@code "  customers.country is one of DE, FR"}, {@code "  has purchased: orders is at least 3,
 * in the last 90 days"}. For people, not for parsing: the history shows two versions side by side in it.
 */
public final class ConditionText {
    private static final String INDENT = "  ";

    private ConditionText() {
    }

    /** The lines of {@code definition}; field ids are shown through {@code label} (the catalog's labels, say). */
    public static List<String> lines(Condition definition, Function<String, String> label) {
        List<String> out = new ArrayList<>();
        definition.accept(new Writer(out, "", label));
        return out;
    }

    /** The lines with field ids as they are. */
    public static List<String> lines(Condition definition) {
        return lines(definition, id -> id);
    }

    /** One condition in words, without what it contains (a group says only "All of" / "Any of"). */
    public static String describe(Condition condition, Function<String, String> label) {
        List<String> out = lines(condition, label);
        return out.isEmpty() ? "" : out.get(0).strip();
    }

    private static final class Writer implements ConditionVisitor<Void> {
        private final List<String> out;
        private final String indent;
        private final Function<String, String> label;

        Writer(List<String> out, String indent, Function<String, String> label) {
            this.out = out;
            this.indent = indent;
            this.label = label;
        }

        private Writer deeper() {
            return new Writer(out, indent + INDENT, label);
        }

        @Override
        public Void visitGroup(GroupCondition group) {
            out.add(indent + (group.junction() == Junction.ALL ? "All of:" : "Any of:")
                    + (group.conditions().isEmpty() ? " (nothing: everyone)" : ""));
            Writer inner = deeper();
            group.conditions().forEach(c -> c.accept(inner));
            return null;
        }

        @Override
        public Void visitNot(NotCondition not) {
            List<String> inner = new ArrayList<>();
            not.condition().accept(new Writer(inner, indent, label));
            if (!inner.isEmpty()) {
                inner.set(0, indent + "NOT " + inner.get(0).substring(indent.length()));
            }
            out.addAll(inner);
            return null;
        }

        @Override
        public Void visitAttribute(AttributeCondition a) {
            out.add(indent + attribute(a));
            return null;
        }

        private String attribute(AttributeCondition a) {
            StringBuilder b = new StringBuilder(label.apply(a.field())).append(' ').append(a.op().label());
            if (!a.values().isEmpty()) {
                b.append(' ').append(a.values().stream().map(ConditionText::value)
                        .collect(Collectors.joining(a.op() == Operator.BETWEEN ? " and " : ", ")));
            }
            if (a.unit() != null) {
                b.append(' ').append(a.unit().jsonName());
            } else if (a.op() == Operator.ANNIVERSARY_IN_NEXT) {
                b.append(" days");
            }
            return b.toString();
        }

        private String where(List<Condition> where) {
            if (where.isEmpty()) {
                return "";
            }
            return " where " + where.stream().map(c -> c instanceof AttributeCondition a ? attribute(a)
                    : describe(c, label)).collect(Collectors.joining(" and "));
        }

        @Override
        public Void visitPurchase(PurchaseCondition p) {
            out.add(indent + (p.has() ? "has purchased" : "has not purchased") + where(p.where()) + ": "
                    + p.measure().jsonName() + " " + comparison(p.comparison()) + window(p.window()));
            return null;
        }

        @Override
        public Void visitEvent(EventCondition e) {
            out.add(indent + (e.did() ? "did " : "did not do ") + (e.event().isEmpty() ? "(no event type)" : e.event())
                    + where(e.where()) + ": count " + comparison(e.comparison()) + window(e.window()));
            return null;
        }

        @Override
        public Void visitSequence(SequenceCondition s) {
            String steps = s.steps().stream().map(st -> st.event() + where(st.where()))
                    .collect(Collectors.joining(", then "));
            out.add(indent + "did " + steps + ", within " + s.within().value() + " " + s.within().unit().jsonName()
                    + (s.without() == null || s.without().isEmpty() ? "" : ", without " + s.without() + " between")
                    + window(s.window()));
            return null;
        }

        @Override
        public Void visitMembership(MembershipCondition m) {
            out.add(indent + (m.in() ? "in " : "not in ") + m.kind().jsonName() + " "
                    + (m.name().isEmpty() ? "(none chosen)" : "\"" + m.name() + "\""));
            return null;
        }
    }

    private static String comparison(Comparison c) {
        return c.op().label() + " " + c.values().stream().map(BigDecimal::toPlainString)
                .collect(Collectors.joining(" and "));
    }

    private static String window(Window w) {
        if (w == null || w.equals(Window.ALL_TIME)) {
            return ", ever";
        }
        if (w.last() != null) {
            return ", in the last " + w.last() + " " + w.unit().jsonName();
        }
        return ", from " + (w.from() == null ? "the start" : w.from()) + " to " + (w.to() == null ? "now" : w.to());
    }

    private static String value(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(v);
    }
}
