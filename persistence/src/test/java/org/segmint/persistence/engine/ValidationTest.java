package org.segmint.persistence.engine;

import org.segmint.model.validation.DefinitionProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.Window;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.WorkspaceException;

/** Problems of definitions, in a marketer's words and with the path of the condition. */
class ValidationTest {
    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void setUp() {
        f = new EngineFixture(dir);
        f.column("customers", "birth_date", FieldType.DATE);
        f.column("customers", "country", FieldType.TEXT);
        f.column("customers", "age", FieldType.INTEGER);
        f.customers(2);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private List<DefinitionProblem> problems(Condition c) {
        return f.engine.validate(c);
    }

    private void problem(Condition c, List<Integer> path, String message) {
        List<DefinitionProblem> problems = problems(c);
        assertEquals(List.of(new DefinitionProblem(path, message)), problems);
    }

    private static Condition wrapped(Condition c) {
        return GroupCondition.all(List.of(AttributeCondition.of("customers.country", Operator.EQ, "FR"),
                GroupCondition.any(List.of(new NotCondition(c)))));
    }

    @Test
    void numbersAndWindowsOutOfRangeAreProblemsAtSaveTime() {
        problem(AttributeCondition.of("customers.age", Operator.GT, new BigDecimal("1e400")), List.of(),
                "'1E+400' is too large; numbers in conditions go up to 1,000,000,000,000,000");
        problem(new PurchaseCondition(true, List.of(), Measure.REVENUE, Comparison.of(Operator.GTE, 1), Window.last(2_000_000_000,
                org.segmint.model.segment.TimeUnit.YEARS)), List.of(),
                "A window of 2000000000 years is too long; the longest is 100 years (about a hundred years)");
        assertEquals(List.of(), problems(new PurchaseCondition(true, List.of(), Measure.REVENUE, Comparison.of(Operator.GTE, 1),
                Window.last(100, org.segmint.model.segment.TimeUnit.YEARS))));
        Condition huge = new PurchaseCondition(true, List.of(), Measure.REVENUE, new Comparison(Operator.GTE,
                List.of(new BigDecimal("1e16"))), Window.ALL_TIME);
        assertEquals(1, problems(huge).size());
    }

    @Test
    void evaluateGivesProblemsOrMembersFromOneValidation() {
        SegmentEngine.Evaluated bad = f.engine.evaluate(AttributeCondition.of("customers.nope", Operator.EQ, "x"),
                EngineFixture.AS_OF, Cancellation.none());
        assertTrue(!bad.valid() && bad.members() == null);
        assertEquals("Unknown attribute customers.nope", bad.problems().get(0).message());
        SegmentEngine.Evaluated good = f.engine.evaluate(GroupCondition.all(List.of()), EngineFixture.AS_OF,
                Cancellation.none());
        assertTrue(good.valid());
        assertEquals(2, good.members().getCardinality());
    }

    @Test
    void validDefinitionsHaveNoProblems() {
        assertEquals(List.of(), problems(wrapped(AttributeCondition.of("customers.age", Operator.GT,
                BigDecimal.TEN))));
        assertEquals(List.of(), problems(GroupCondition.all(List.of())));
    }

    @Test
    void unknownAttributesAndEventFields() {
        problem(wrapped(AttributeCondition.of("customers.tier", Operator.EQ, "gold")), List.of(1, 0, 0),
                "Unknown attribute customers.tier");
        Condition event = new EventCondition(true, "click", List.of(
                AttributeCondition.of("events.page", Operator.EQ, "x")), null, null);
        problem(event, List.of(), "Unknown event field events.page");
    }

    @Test
    void operatorMustFitTheType() {
        problem(AttributeCondition.of("customers.birth_date", Operator.CONTAINS, "19"), List.of(),
                "'contains' needs a text attribute, Birth date is a date");
        problem(AttributeCondition.of("customers.country", Operator.GT, BigDecimal.ONE), List.of(),
                "'gt' needs a number attribute, Country is a text");
        problem(AttributeCondition.of("customers.age", Operator.IS_TRUE), List.of(),
                "'is_true' needs a yes/no attribute, Age is a number");
    }

    @Test
    void valuesMustBeThereAndReadable() {
        problem(AttributeCondition.of("customers.country", Operator.EQ), List.of(),
                "'eq' on Country needs a value");
        problem(AttributeCondition.of("customers.country", Operator.EQ, "a", "b"), List.of(),
                "'eq' on Country takes one value");
        problem(AttributeCondition.of("customers.age", Operator.BETWEEN, BigDecimal.ONE), List.of(),
                "'between' on Age needs two values");
        problem(AttributeCondition.of("customers.country", Operator.IN), List.of(),
                "'in' on Country needs at least one value");
        problem(AttributeCondition.of("customers.country", Operator.IS_EMPTY, "x"), List.of(),
                "'is_empty' on Country takes no value");
        problem(AttributeCondition.of("customers.age", Operator.GT, "ten"), List.of(),
                "'ten' is not a number (Age)");
        problem(AttributeCondition.of("customers.birth_date", Operator.BEFORE, "2025-13-01"), List.of(),
                "'2025-13-01' is not a date like 2025-06-30 (Birth date)");
        problem(AttributeCondition.of("customers.birth_date", Operator.IN_LAST, BigDecimal.TEN), List.of(),
                "'in_last' on Birth date needs a unit (days, weeks, months or years)");
    }

    @Test
    void behaviourConditionsCheckTheirWhere() {
        Condition purchase = new PurchaseCondition(true, List.of(
                AttributeCondition.of("events.event_type", Operator.EQ, "x")), Measure.ORDERS, null, null);
        problem(purchase, List.of(), "The conditions of a purchase can only use order_items.* and orders.*"
                + " attributes, not events.event_type");
        problem(new SequenceCondition(List.of(), null, null, Window.ALL_TIME), List.of(),
                "A sequence needs at least one step");
        Condition badComparison = new EventCondition(true, "click", List.of(),
                new Comparison(Operator.CONTAINS, List.of(BigDecimal.ONE)), null);
        assertEquals(1, problems(badComparison).size());
    }

    @Test
    void unknownReferencesAndCycles() {
        problem(new MembershipCondition(MembershipCondition.Kind.SEGMENT, "Nope", true), List.of(),
                "Unknown segment 'Nope'");
        problem(new MembershipCondition(MembershipCondition.Kind.GROUP, "VIPs", true), List.of(),
                "Unknown group 'VIPs'");
        problem(new MembershipCondition(MembershipCondition.Kind.LIST, "Mailing", true), List.of(),
                "Unknown list 'Mailing'");
        f.saved.put("A", GroupCondition.all(List.of(new MembershipCondition(MembershipCondition.Kind.SEGMENT,
                "B", true))));
        f.saved.put("B", new NotCondition(new MembershipCondition(MembershipCondition.Kind.SEGMENT, "A", true)));
        problem(GroupCondition.any(List.of(AttributeCondition.of("customers.age", Operator.GT, BigDecimal.ONE),
                new MembershipCondition(MembershipCondition.Kind.SEGMENT, "A", true))), List.of(1),
                "Segment 'A' refers to itself: A -> B -> A");
    }

    @Test
    void countingAnInvalidDefinitionFailsWithTheFirstProblem() {
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> f.engine.members(
                AttributeCondition.of("customers.tier", Operator.EQ, "x"), LocalDate.now(), Cancellation.none()));
        assertEquals("Unknown attribute customers.tier", e.getMessage());
        assertTrue(f.engine.validate(wrapped(AttributeCondition.of("customers.age", Operator.EQ, "1"))).isEmpty());
    }
}
