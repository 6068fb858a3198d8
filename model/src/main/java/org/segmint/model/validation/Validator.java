package org.segmint.model.validation;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.ConditionVisitor;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.Window;

/**
 * Checks a definition against the catalog and the saved objects. Each problem names the condition by
 * its path (child indexes from the root; {@code where} conditions are reported on their purchase, event
 * or sequence) and says what is wrong in a marketer's words.
 */
public final class Validator {
    /**
     * How deep segments may refer to segments that refer to segments. Evaluation follows references, so the
     * chain is bounded; a marketer's real chains are a few levels deep.
     */
    public static final int MAX_REFERENCE_DEPTH = 32;

    /** The largest number a condition may hold (what an import keeps, see the import's decimal rule). */
    public static final BigDecimal MAX_NUMBER = BigDecimal.TEN.pow(15);

    private final Catalog catalog;
    private final Function<String, Optional<Condition>> segments;
    private final Predicate<String> groupExists;
    private final Function<String, Optional<String>> listMatchOn;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    private final Deque<String> resolving = new ArrayDeque<>();
    /**
     * Referenced segments already checked without a problem in this validation, with the reference depth they
     * were checked at: one reached again at that depth or shallower is clean too, so each is walked once.
     */
    private final java.util.Map<String, Integer> clean = new java.util.HashMap<>();

    public Validator(Catalog catalog, Function<String, Optional<Condition>> segments, Predicate<String> groupExists,
              Function<String, Optional<String>> listMatchOn) {
        this.catalog = catalog;
        this.segments = segments;
        this.groupExists = groupExists;
        this.listMatchOn = listMatchOn;
    }

    public List<DefinitionProblem> validate(Condition root) {
        problems.clear();
        clean.clear();
        check(root, new ArrayList<>(), true);
        return List.copyOf(problems);
    }

    /** @param report false to look for reference cycles only */
    private void check(Condition c, List<Integer> path, boolean report) {
        c.accept(new Check(path, report));
    }

    /**
     * One walk over a definition; each node type has its own check, so a new node type does not compile until it
     * has one.
     */
    private final class Check implements ConditionVisitor<Void> {
        private final List<Integer> path;
        private final boolean report;

        Check(List<Integer> path, boolean report) {
            this.path = path;
            this.report = report;
        }

        @Override
        public Void visitGroup(GroupCondition g) {
            for (int i = 0; i < g.conditions().size(); i++) {
                path.add(i);
                g.conditions().get(i).accept(this);
                path.remove(path.size() - 1);
            }
            return null;
        }

        @Override
        public Void visitNot(NotCondition n) {
            path.add(0);
            n.condition().accept(this);
            path.remove(path.size() - 1);
            return null;
        }

        @Override
        public Void visitMembership(MembershipCondition m) {
            membership(m, path, report);
            return null;
        }

        @Override
        public Void visitAttribute(AttributeCondition a) {
            if (report) {
                attribute(a, path, null);
            }
            return null;
        }

        @Override
        public Void visitPurchase(PurchaseCondition p) {
            if (report) {
                comparison(p.comparison(), path);
                window(p.window(), path);
                where(p.where(), path, Set.of(Catalog.ORDERS, Catalog.ORDER_ITEMS), "a purchase");
            }
            return null;
        }

        @Override
        public Void visitEvent(EventCondition e) {
            if (report) {
                if (e.event().isBlank()) {
                    problem(path, "Choose an event type");
                }
                comparison(e.comparison(), path);
                window(e.window(), path);
                where(e.where(), path, Set.of(Catalog.EVENTS), "an event");
            }
            return null;
        }

        @Override
        public Void visitSequence(SequenceCondition s) {
            if (!report) {
                return null;
            }
            if (s.steps().isEmpty()) {
                problem(path, "A sequence needs at least one step");
            }
            for (SequenceCondition.Step step : s.steps()) {
                if (step.event().isBlank()) {
                    problem(path, "Choose an event type for every step of the sequence");
                }
                where(step.where(), path, Set.of(Catalog.EVENTS), "a sequence step");
            }
            if (s.within() != null && s.within().value() < 0) {
                problem(path, "'Within' must not be negative");
            } else if (s.within() != null) {
                span(s.within().value(), s.within().unit(), "'Within'", path);
            }
            window(s.window(), path);
            return null;
        }
    }

    private void membership(MembershipCondition m, List<Integer> path, boolean report) {
        if (m.kind() == MembershipCondition.Kind.SEGMENT) {
            if (resolving.contains(m.name())) {
                List<String> cycle = new ArrayList<>(resolving);
                java.util.Collections.reverse(cycle);
                cycle = cycle.subList(cycle.indexOf(m.name()), cycle.size());
                problem(path, "Segment '" + m.name() + "' refers to itself: " + String.join(" -> ", cycle) + " -> "
                        + m.name());
                return;
            }
            Integer cleanAt = clean.get(m.name());
            if (cleanAt != null && resolving.size() <= cleanAt) {
                return;
            }
            if (resolving.size() >= MAX_REFERENCE_DEPTH) {
                problem(path, "Segment '" + m.name() + "' is more than " + MAX_REFERENCE_DEPTH
                        + " segment references deep; use its conditions instead of a reference at some level");
                return;
            }
            Optional<Condition> definition = segments.apply(m.name());
            if (definition.isEmpty()) {
                if (report) {
                    problem(path, "Unknown segment '" + m.name() + "'");
                }
                return;
            }
            resolving.push(m.name());
            int before = problems.size();
            check(definition.get(), new ArrayList<>(), report);
            resolving.pop();
            if (problems.size() == before) {
                clean.merge(m.name(), resolving.size(), Math::max);
            }
            // Problems inside the referenced segment are reported on the reference.
            for (int i = before; i < problems.size(); i++) {
                String message = problems.get(i).message();
                if (!message.contains(" refers to itself: ")) {
                    message = "Segment '" + m.name() + "': " + message;
                }
                problems.set(i, new DefinitionProblem(path, message));
            }
        } else if (!report) {
            return;
        } else if (m.kind() == MembershipCondition.Kind.GROUP) {
            if (!groupExists.test(m.name())) {
                problem(path, "Unknown group '" + m.name() + "'");
            }
        } else {
            Optional<String> matchOn = listMatchOn.apply(m.name());
            if (matchOn.isEmpty()) {
                problem(path, "Unknown list '" + m.name() + "'");
            } else if (catalog.field(Catalog.CUSTOMERS, matchOn.get()).isEmpty()) {
                problem(path, "List '" + m.name() + "' matches on " + matchOn.get()
                        + ", but customers have no such attribute");
            }
        }
    }

    /** The conditions of a purchase, event or sequence step: attributes of its own tables, in groups or not. */
    private void where(List<Condition> where, List<Integer> path, Set<String> tables, String what) {
        ConditionVisitor<Void> check = new ConditionVisitor<>() {
            @Override
            public Void visitGroup(GroupCondition g) {
                g.conditions().forEach(c -> c.accept(this));
                return null;
            }

            @Override
            public Void visitNot(NotCondition n) {
                return n.condition().accept(this);
            }

            @Override
            public Void visitAttribute(AttributeCondition a) {
                if (!tables.contains(a.table())) {
                    problem(path, "The conditions of " + what + " can only use " + String.join(" and ",
                            tables.stream().sorted().map(t -> t + ".*").toList()) + " attributes, not " + a.field());
                } else {
                    attribute(a, path, what);
                }
                return null;
            }

            @Override
            public Void visitPurchase(PurchaseCondition p) {
                return notAnAttribute();
            }

            @Override
            public Void visitEvent(EventCondition e) {
                return notAnAttribute();
            }

            @Override
            public Void visitSequence(SequenceCondition s) {
                return notAnAttribute();
            }

            @Override
            public Void visitMembership(MembershipCondition m) {
                return notAnAttribute();
            }

            private Void notAnAttribute() {
                problem(path, "The conditions of " + what + " can only be attribute conditions");
                return null;
            }
        };
        where.forEach(c -> c.accept(check));
    }

    private void attribute(AttributeCondition a, List<Integer> path, String inside) {
        Optional<Field> found = catalog.field(a.field());
        if (found.isEmpty()) {
            problem(path, "Unknown " + (a.table().equals(Catalog.EVENTS) ? "event field " : "attribute ") + a.field());
            return;
        }
        Field field = found.get();
        if (inside == null && !field.table().equals(Catalog.CUSTOMERS) && !field.table().equals(Catalog.METRICS)
                && !Catalog.hasManyRowsPerCustomer(field.table())
                && catalog.field(field.table(), "customer_id").isEmpty()) {
            problem(path, "Table " + field.table() + " has no customer_id, so " + field.id()
                    + " cannot be compared per customer");
            return;
        }
        Operator op = a.op();
        String name = "'" + op.jsonName() + "'";
        if (!Values.accepts(field.type(), op)) {
            problem(path, name + " needs " + Values.neededKind(op) + ", " + field.label() + " is "
                    + Values.kindOf(field.type()));
            return;
        }
        int n = a.values().size();
        switch (op.arity()) {
            case 0:
                if (n > 0) {
                    problem(path, name + " on " + field.label() + " takes no value");
                    return;
                }
                break;
            case 1:
                if (n != 1) {
                    problem(path, name + " on " + field.label() + (n == 0 ? " needs a value" : " takes one value"));
                    return;
                }
                break;
            case 2:
                if (n != 2) {
                    problem(path, name + " on " + field.label() + " needs two values");
                    return;
                }
                break;
            default:
                if (n == 0) {
                    problem(path, name + " on " + field.label() + " needs at least one value");
                    return;
                }
        }
        values(a, field, path);
    }

    private void values(AttributeCondition a, Field field, List<Integer> path) {
        Operator op = a.op();
        if (op == Operator.IN_LAST || op == Operator.IN_NEXT || op == Operator.ANNIVERSARY_IN_NEXT) {
            if (Values.amount(a.values().get(0)).isEmpty()) {
                problem(path, "'" + Values.text(a.values().get(0)) + "' is not a whole number of "
                        + (op == Operator.ANNIVERSARY_IN_NEXT ? "days" : "units") + " (" + field.label() + ")");
            } else if (op != Operator.ANNIVERSARY_IN_NEXT && a.unit() == null) {
                problem(path, "'" + op.jsonName() + "' on " + field.label()
                        + " needs a unit (days, weeks, months or years)");
            } else {
                span(Values.amount(a.values().get(0)).get(),
                        op == Operator.ANNIVERSARY_IN_NEXT ? org.segmint.model.segment.TimeUnit.DAYS : a.unit(),
                        "'" + op.jsonName() + "'", path);
            }
            return;
        }
        FieldType type = field.type();
        for (Object v : a.values()) {
            if (v instanceof String text && text.indexOf('\0') >= 0) {
                problem(path, "A value of " + field.label() + " contains an invisible NUL character; remove it");
                return;
            }
            if (type.isNumeric() && Values.number(v).isEmpty()) {
                problem(path, "'" + Values.text(v) + "' is not a number (" + field.label() + ")");
                return;
            }
            if (type.isNumeric() && Values.number(v).get().abs().compareTo(MAX_NUMBER) > 0) {
                tooLarge(Values.number(v).get().toString(), path);
                return;
            }
            if (type.isTemporal() && Values.date(v).isEmpty()) {
                problem(path, "'" + Values.text(v) + "' is not a date like 2025-06-30 (" + field.label() + ")");
                return;
            }
            if (type == FieldType.BOOLEAN && Values.bool(v).isEmpty()) {
                problem(path, "'" + Values.text(v) + "' is not true or false (" + field.label() + ")");
                return;
            }
        }
    }

    private void comparison(Comparison cmp, List<Integer> path) {
        if (!Comparison.OPERATORS.contains(cmp.op())) {
            problem(path, "'" + cmp.op().jsonName() + "' cannot compare a count or an amount; use eq, ne, lt,"
                    + " lte, gt, gte or between");
        } else if (cmp.values().size() != (cmp.op() == Operator.BETWEEN ? 2 : 1)) {
            problem(path, "'" + cmp.op().jsonName() + "' needs " + (cmp.op() == Operator.BETWEEN ? "two values"
                    : "one value"));
        } else {
            cmp.values().stream().filter(v -> v.abs().compareTo(MAX_NUMBER) > 0).findFirst()
                    .ifPresent(v -> tooLarge(v.toString(), path));
        }
    }

    private void tooLarge(String value, List<Integer> path) {
        problem(path, "'" + value + "' is too large; numbers in conditions go up to 1,000,000,000,000,000");
    }

    /** Relative windows reach back (or ahead) at most about a hundred years. */
    private void span(long amount, org.segmint.model.segment.TimeUnit unit, String what, List<Integer> path) {
        long max = switch (unit) {
            case DAYS -> 36_600;
            case WEEKS -> 5_220;
            case MONTHS -> 1_200;
            case YEARS -> 100;
        };
        if (amount > max) {
            problem(path, what + " of " + amount + " " + unit.jsonName() + " is too long; the longest is " + max + " "
                    + unit.jsonName() + " (about a hundred years)");
        }
    }

    private void window(Window w, List<Integer> path) {
        if (w.last() != null && w.last() < 0) {
            problem(path, "The window must not be negative");
        } else if (w.last() != null) {
            span(w.last(), w.unit(), "A window", path);
        }
    }

    private void problem(List<Integer> path, String message) {
        problems.add(new DefinitionProblem(path, message));
    }
}
