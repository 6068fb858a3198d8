package org.segmint.persistence.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;

/** The random definitions reach every node type and operator, and select varied sets of customers. */
class RandomDefinitionsTest {
    static RandomFixtures fixtures;

    @BeforeAll
    static void create() {
        fixtures = new RandomFixtures(Set.of(), 7);
    }

    @AfterAll
    static void close() {
        fixtures.close();
    }

    @Test
    void definitionsUseEveryNodeTypeAndOperatorAndSelectVariedSets() {
        RandomFixtures.Fixture f = fixtures.all().get(0);
        LocalDate asOf = LocalDate.of(2024, 2, 29);
        Arbitrary<Condition> definitions = f.definitions().definitions(asOf, true);
        Set<String> seen = new HashSet<>();
        Set<Operator> operators = EnumSet.noneOf(Operator.class);
        int everyone = f.reference().everyone().size();
        int varied = 0;
        // Coverage over many definitions; the (slower) evaluation over the first few hundred.
        // A fixed seed: coverage of rare operators (is_true needs a boolean field) must not depend on luck.
        List<Condition> sample;
        JqwikSession.start();
        try {
            RandomGenerator<Condition> generator = definitions.generator(1000);
            Random random = new Random(20261123L);
            sample = IntStream.range(0, 2000).mapToObj(i -> generator.next(random).value())
                    .collect(Collectors.toList());
        } finally {
            JqwikSession.finish();
        }
        List<Condition> evaluated = sample.subList(0, 150);
        for (Condition c : sample) {
            walk(c, seen, operators);
        }
        for (Condition c : evaluated) {
            RoaringBitmap members = f.reference().members(c, asOf);
            if (members.getCardinality() > 0 && members.getCardinality() < everyone) {
                varied++;
            }
        }
        assertEquals(EnumSet.allOf(Operator.class), operators, "operators");
        assertEquals(Set.of("all", "any", "metrics", "not", "attribute", "purchase", "event", "sequence", "segment",
                "group",
                "list", "empty group", "depth 4", "purchase item where", "sequence within", "sequence without"),
                seen);
        assertTrue(varied > evaluated.size() / 5,
                "only " + varied + " of " + evaluated.size() + " select a proper subset");
    }

    private static void walk(Condition c, Set<String> seen, Set<Operator> operators) {
        walk(c, 1, seen, operators);
    }

    private static void walk(Condition c, int depth, Set<String> seen, Set<Operator> operators) {
        if (depth == 4) {
            seen.add("depth 4");
        }
        if (c instanceof GroupCondition g) {
            seen.add(g.junction().jsonName());
            if (g.conditions().isEmpty()) {
                seen.add("empty group");
            }
            g.conditions().forEach(child -> walk(child, depth + 1, seen, operators));
        } else if (c instanceof NotCondition n) {
            seen.add("not");
            walk(n.condition(), depth + 1, seen, operators);
        } else if (c instanceof AttributeCondition a) {
            seen.add("attribute");
            if (a.table().equals("metrics")) {
                seen.add("metrics");
            }
            operators.add(a.op());
        } else if (c instanceof PurchaseCondition p) {
            seen.add("purchase");
            operators.add(p.comparison().op());
            if (RowFilter.names(p.where(), "order_items")) {
                seen.add("purchase item where");
            }
        } else if (c instanceof EventCondition e) {
            seen.add("event");
            operators.add(e.comparison().op());
        } else if (c instanceof SequenceCondition s) {
            seen.add("sequence");
            if (s.within() != null) {
                seen.add("sequence within");
            }
            if (s.without() != null) {
                seen.add("sequence without");
            }
        } else if (c instanceof MembershipCondition m) {
            seen.add(m.kind().jsonName());
        }
    }
}
