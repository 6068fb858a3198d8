package org.segmint.persistence.reference;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongPredicate;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Catalog;
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
 * An independent, in-memory reading of the segment semantics (FORMATS.md §1), for tests: it loads the
 * workspace's rows into plain objects and checks every customer against the definition one by one.
 * Slow and simple on purpose; the engine is held equal to it. It shares no code with the engine (only
 * the definition records as data).
 */
public final class ReferenceEvaluator {
    private final ReferenceData data;
    private final ReferenceBehaviour behaviour;
    private final Function<String, Optional<Condition>> savedSegments;
    private final Map<LocalDate, Map<Long, Map<String, Object>>> metricsByAsOf = new HashMap<>();
    private final Map<Long, ReferenceData.Row> customersByCk = new HashMap<>();

    /**
     * Reads every row of the workspace now (later changes are not seen).
     *
     * @param connection    a connection to the workspace
     * @param savedSegments resolves the name in a {@code segment} condition to its definition
     */
    public ReferenceEvaluator(Connection connection, Function<String, Optional<Condition>> savedSegments) {
        this.data = ReferenceData.load(connection);
        this.behaviour = new ReferenceBehaviour(data);
        this.savedSegments = savedSegments;
        for (ReferenceData.Row c : data.customers) {
            customersByCk.put(c.ck(), c);
        }
    }

    /** The ck of every customer matching the definition as of the date. */
    public RoaringBitmap members(Condition definition, LocalDate asOf) {
        Set<Long> result = new Evaluation(asOf, new HashSet<>()).evaluate(definition);
        RoaringBitmap bitmap = new RoaringBitmap();
        for (long ck : result == null ? everyone() : result) {
            bitmap.add((int) ck);
        }
        return bitmap;
    }

    /** The customer ids of a set of ck, sorted, for messages and hand-written expectations. */
    public List<String> customerIds(RoaringBitmap cks) {
        TreeSet<String> ids = new TreeSet<>();
        for (ReferenceData.Row c : data.customers) {
            if (cks.contains((int) (long) c.ck())) {
                ids.add((String) c.get("customer_id"));
            }
        }
        return new ArrayList<>(ids);
    }

    /** Every customer's ck. */
    public Set<Long> everyone() {
        Set<Long> all = new TreeSet<>();
        for (ReferenceData.Row c : data.customers) {
            all.add(c.ck());
        }
        return all;
    }

    private Map<Long, Map<String, Object>> metrics(LocalDate asOf) {
        return metricsByAsOf.computeIfAbsent(asOf, d -> ReferenceMetrics.compute(data, d));
    }

    /** A visitor returning the member set, or null for a neutral node (an empty group, or not of one). */
    private final class Evaluation implements ConditionVisitor<Set<Long>> {
        private final LocalDate asOf;
        private final Set<String> segmentsInUse;

        Evaluation(LocalDate asOf, Set<String> segmentsInUse) {
            this.asOf = asOf;
            this.segmentsInUse = segmentsInUse;
        }

        Set<Long> evaluate(Condition c) {
            return c.accept(this);
        }

        @Override
        public Set<Long> visitGroup(GroupCondition group) {
            Set<Long> result = null;
            for (Condition child : group.conditions()) {
                Set<Long> r = evaluate(child);
                if (r == null) {
                    continue;
                }
                if (result == null) {
                    result = new TreeSet<>(r);
                } else if (group.junction() == Junction.ALL) {
                    result.retainAll(r);
                } else {
                    result.addAll(r);
                }
            }
            return result;
        }

        @Override
        public Set<Long> visitNot(NotCondition not) {
            Set<Long> inner = evaluate(not.condition());
            return inner == null ? null : where(ck -> !inner.contains(ck));
        }

        @Override
        public Set<Long> visitAttribute(AttributeCondition a) {
            String table = a.table();
            if (table.equals(Catalog.CUSTOMERS) || table.equals(Catalog.METRICS)) {
                Map<Long, Map<String, Object>> metrics = table.equals(Catalog.METRICS) ? metrics(asOf) : null;
                return where(ck -> ReferenceValues.holds(data.type(a.field()), a,
                        metrics == null ? customer(ck).get(a.column()) : metrics.get(ck).get(a.column()), asOf));
            }
            // Many rows per customer: "has a row where it holds"; negative operators are its complement.
            boolean negative = ReferenceValues.positiveTwin(a.op()) != null;
            AttributeCondition positive = negative
                    ? new AttributeCondition(a.field(), ReferenceValues.positiveTwin(a.op()), a.values(), a.unit()) : a;
            return where(ck -> negative != behaviour.rows(table, ck).stream().anyMatch(
                    r -> ReferenceValues.holds(data.type(a.field()), positive, r.get(a.column()), asOf)));
        }

        @Override
        public Set<Long> visitPurchase(PurchaseCondition p) {
            return where(ck -> p.has() == behaviour.purchase(p, ck, asOf));
        }

        @Override
        public Set<Long> visitEvent(EventCondition e) {
            return where(ck -> e.did() == behaviour.event(e, ck, asOf));
        }

        @Override
        public Set<Long> visitSequence(SequenceCondition s) {
            return where(ck -> behaviour.sequence(s, ck, asOf));
        }

        @Override
        public Set<Long> visitMembership(MembershipCondition m) {
            Set<Long> in;
            if (m.kind() == MembershipCondition.Kind.SEGMENT) {
                in = segment(m.name());
            } else if (m.kind() == MembershipCondition.Kind.GROUP) {
                Set<String> ids = data.groups.get(m.name());
                if (ids == null) {
                    throw new IllegalArgumentException("unknown group " + m.name());
                }
                in = where(ck -> ids.contains((String) customer(ck).get("customer_id")));
            } else {
                ReferenceData.MemberList list = data.lists.get(m.name());
                if (list == null) {
                    throw new IllegalArgumentException("unknown list " + m.name());
                }
                in = where(ck -> list.values().contains(customer(ck).get(list.matchOn())));
            }
            Set<Long> members = in;
            return m.in() ? members : where(ck -> !members.contains(ck));
        }

        private Set<Long> segment(String name) {
            Condition definition = savedSegments.apply(name)
                    .orElseThrow(() -> new IllegalArgumentException("unknown segment " + name));
            if (!segmentsInUse.add(name)) {
                throw new IllegalArgumentException("segment " + name + " refers to itself");
            }
            Set<Long> result = evaluate(definition);
            segmentsInUse.remove(name);
            return result == null ? everyone() : result;
        }

        private Set<Long> where(LongPredicate test) {
            Set<Long> result = new TreeSet<>();
            for (ReferenceData.Row c : data.customers) {
                if (test.test(c.ck())) {
                    result.add(c.ck());
                }
            }
            return result;
        }
    }

    private ReferenceData.Row customer(long ck) {
        return customersByCk.get(ck);
    }
}
