package org.segmint.persistence.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;
import org.segmint.persistence.workspace.WorkspaceException;

class ConditionJsonTest {

    /** A tree with every node type, every value kind and both window kinds. */
    static Condition everyNodeType() {
        return GroupCondition.all(List.of(
                AttributeCondition.of("customers.gender", Operator.EQ, "F"),
                AttributeCondition.of("customers.country", Operator.IN, "DE", "FR"),
                AttributeCondition.of("metrics.revenue", Operator.BETWEEN, new BigDecimal("10.50"),
                        new BigDecimal("2000")),
                AttributeCondition.of("customers.email_opt_in", Operator.IS_TRUE),
                AttributeCondition.of("customers.vip", Operator.EQ, Boolean.TRUE),
                AttributeCondition.of("customers.signup_date", Operator.IN_LAST, new BigDecimal(3))
                        .withUnit(TimeUnit.MONTHS),
                GroupCondition.any(List.of(
                        new NotCondition(AttributeCondition.of("customers.city", Operator.IS_EMPTY)),
                        GroupCondition.all(List.of()))),
                new PurchaseCondition(false, List.of(AttributeCondition.of("order_items.category", Operator.IN,
                        "Rock", "Jazz")), Measure.REVENUE, Comparison.of(Operator.GT, 500),
                        Window.last(365, TimeUnit.DAYS)),
                new PurchaseCondition(true, List.of(), Measure.ORDERS, Comparison.of(Operator.BETWEEN, 2, 4),
                        Window.between(LocalDate.of(2025, 1, 1), null)),
                new EventCondition(true, "click_laptop", List.of(AttributeCondition.of("events.url",
                        Operator.CONTAINS, "sale")), Comparison.AT_LEAST_ONE, Window.last(30, TimeUnit.DAYS)),
                new EventCondition(false, "click_camera", List.of(), Comparison.of(Operator.GTE, 2),
                        Window.between(null, LocalDate.of(2025, 6, 30))),
                new SequenceCondition(List.of(SequenceCondition.Step.of("view"),
                        new SequenceCondition.Step("cart", List.of(AttributeCondition.of("events.url",
                                Operator.STARTS_WITH, "/shop")))),
                        new SequenceCondition.Within(7, TimeUnit.DAYS), "purchase", Window.last(2, TimeUnit.WEEKS)),
                new SequenceCondition(List.of(SequenceCondition.Step.of("a"), SequenceCondition.Step.of("b")),
                        null, null, Window.ALL_TIME),
                new MembershipCondition(MembershipCondition.Kind.SEGMENT, "Lapsed rock fans", true),
                new MembershipCondition(MembershipCondition.Kind.GROUP, "VIP", false),
                new MembershipCondition(MembershipCondition.Kind.LIST, "Newsletter import", true)));
    }

    @Test
    void everyNodeTypeSurvivesARoundTrip() {
        Condition tree = everyNodeType();
        String text = Json.write(ConditionJson.write(tree));
        assertEquals(tree, ConditionJson.parse(text, "definition"));
        assertEquals(tree, ConditionJson.parse(ConditionJson.toText(tree), "definition"));
    }

    @Test
    void valuesKeepTheirJsonKind() {
        Condition c = ConditionJson.parse("{\"type\":\"attribute\",\"field\":\"customers.x\",\"op\":\"in\","
                + "\"values\":[\"10\", 10, 2.50, true]}", "d");
        assertEquals(List.of("10", new BigDecimal("10"), new BigDecimal("2.50"), Boolean.TRUE),
                ((AttributeCondition) c).values());
        String written = ConditionJson.toText(c);
        assertTrue(written.contains("[\"10\",10,2.50,true]"), written);
    }

    @Test
    void behaviourDefaultsAreApplied() {
        PurchaseCondition p = (PurchaseCondition) ConditionJson.parse("{\"type\":\"purchase\"}", "d");
        assertEquals(PurchaseCondition.any(), p);
        EventCondition e = (EventCondition) ConditionJson.parse("{\"type\":\"event\",\"event\":\"open\"}", "d");
        assertEquals(EventCondition.did("open", Window.ALL_TIME), e);
        MembershipCondition m = (MembershipCondition) ConditionJson.parse("{\"type\":\"list\",\"list\":\"L\"}", "d");
        assertTrue(m.in());
        Window w = ((PurchaseCondition) ConditionJson.parse("{\"type\":\"purchase\",\"window\":{\"last\":90}}", "d"))
                .window();
        assertEquals(Window.last(90, TimeUnit.DAYS), w);
    }

    @Test
    void handWrittenShortcutsAreAccepted() {
        SequenceCondition s = (SequenceCondition) ConditionJson.parse("{\"type\":\"sequence\",\"steps\":"
                + "[\"view\",{\"event\":\"cart\"}]}", "d");
        assertEquals(List.of(SequenceCondition.Step.of("view"), SequenceCondition.Step.of("cart")), s.steps());
        PurchaseCondition p = (PurchaseCondition) ConditionJson.parse("{\"type\":\"purchase\",\"op\":\"gte\","
                + "\"value\":\"3\"}", "d");
        assertEquals(Comparison.of(Operator.GTE, 3), p.comparison());
    }

    @Test
    void whereAcceptsASingleObject() {
        PurchaseCondition p = (PurchaseCondition) ConditionJson.parse("{\"type\":\"purchase\",\"where\":"
                + "{\"type\":\"attribute\",\"field\":\"order_items.category\",\"op\":\"eq\",\"value\":\"Rock\"}}", "d");
        assertEquals(List.of(AttributeCondition.of("order_items.category", Operator.EQ, "Rock")), p.where());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"type":"all","conditions":[{"type":"attribute","field":"a.b","op":"equal","value":1}]} \
              | definition.conditions[0]: unknown operator 'equal'
            {"type":"both","conditions":[]} | definition: unknown condition type 'both'
            {"type":"all"} | definition.conditions: missing
            {"type":"not"} | definition: missing "condition"
            {"conditions":[]} | definition: missing "type"
            {"type":"attribute","op":"eq","value":1} | definition: missing "field"
            {"type":"attribute","field":"a.b","op":"eq","value":[1]} | definition: a value must be
            {"type":"attribute","field":"a.b","op":"in","value":1,"values":[2]} | give either "value" or "values"
            {"type":"purchase","measure":"profit"} | definition.measure: unknown measure 'profit'
            {"type":"purchase","op":"contains","value":1} | definition.op: operator 'contains' cannot compare
            {"type":"purchase","op":"gte","value":"three"} | definition: expected a number
            {"type":"purchase","op":"between","value":3} | needs 2 values, found 1
            {"type":"purchase","window":{"last":-1}} | definition.window.last: expected a whole number
            {"type":"purchase","window":{"last":3,"from":"2025-01-01"}} | not both
            {"type":"purchase","window":{"from":"2025-13-01"}} | definition.window.from: expected a date
            {"type":"purchase","window":{"from":"2025-02-01","to":"2025-01-01"}} | is after
            {"type":"event","event":"x","window":{"last":3,"unit":"hours"}} | definition.window.unit: unknown unit
            {"type":"event","did":"no","event":"x"} | definition.did: expected true or false
            {"type":"sequence","steps":[{"where":[]}]} | definition.steps[0]: missing "event"
            {"type":"sequence","steps":[{"event":"a"}],"within":{"value":2.5}} | definition.within.value
            {"type":"segment"} | definition: missing "segment"
            {"type":"any","conditions":[{"type":"purchase","where":[{"type":"x"}]}]} \
              | definition.conditions[0].where[0]: unknown condition type 'x'
            """)
    void badDefinitionsNameThePathAndTheProblem(String json, String expected) {
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> ConditionJson.parse(json.strip(), "definition"));
        assertTrue(e.getMessage().contains(expected.strip()), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> ConditionJson.parse("{\"type\":\n\"all\",,}", "f.json"));
        assertTrue(e.getMessage().startsWith("f.json: not valid JSON at line 2"), e.getMessage());
    }
}
