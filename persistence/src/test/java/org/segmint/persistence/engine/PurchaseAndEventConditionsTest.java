package org.segmint.persistence.engine;

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
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;

/** Purchase measures with and without item filters, zero-including comparisons, windows; event counts. */
class PurchaseAndEventConditionsTest {
    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void setUp() {
        f = new EngineFixture(dir);
        f.column("order_items", "category", FieldType.TEXT);
        f.column("events", "page", FieldType.TEXT);
        f.customers(6);
        f.order("o1", 1, "2025-06-30", 100, 2);
        f.order("o2", 1, "2025-04-01", 50, 1);
        f.order("o3", 2, "2025-04-02", 200, 5);
        f.order("o3", 2, "2025-04-02", 200, 5);
        f.order(null, 3, "2025-05-01", 10, 1);
        f.order(null, 3, "2025-05-01", 10, 1);
        f.exec("INSERT INTO orders(order_id, ck, customer_id, order_date, revenue, units)"
                + " VALUES ('o8', NULL, 'ghost', ?, 5000, 1)", EngineFixture.day("2025-06-01"));
        f.order("o9", 6, "2024-01-01", 1000, 1);
        item("o1", 1, "2025-06-30", "rock", 1, 60);
        item("o1", 1, "2025-06-30", "jazz", 1, 40);
        item("o2", 1, "2025-04-01", "rock", 2, 50);
        item("o3", 2, "2025-04-02", "pop", 5, 200);
        item("o3", 2, "2025-04-02", null, 1, 0);
        item("o9", 6, "2024-01-01", "rock", 1, 1000);
        f.event(1, "view", "2025-06-30T10:00:00");
        f.event(1, "view", "2025-06-01T00:00:00");
        f.event(1, "buy", "2025-06-02T00:00:00");
        f.event(2, "view", "2025-05-31T23:59:59");
        f.event(3, "click", "2025-06-10T08:00:00");
        f.exec("UPDATE events SET page = 'home' WHERE ck = 1 AND event_time = ?",
                EngineFixture.seconds("2025-06-30T10:00:00"));
    }

    private void item(String order, int ck, String date, String category, double quantity, double revenue) {
        f.item(order, ck, date, "p-" + category, quantity, revenue);
        f.exec("UPDATE order_items SET category = ? WHERE rowid = last_insert_rowid()", category);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static PurchaseCondition purchase(boolean has, List<Condition> where, Measure measure, Operator op,
                                              String value, Window window) {
        return new PurchaseCondition(has, where, measure,
                new Comparison(op, List.of(new BigDecimal(value))), window);
    }

    private static PurchaseCondition orders(Operator op, String value) {
        return purchase(true, List.of(), Measure.ORDERS, op, value, null);
    }

    private static Condition category(Operator op, String value) {
        return AttributeCondition.of("order_items.category", op, value);
    }

    @Test
    void wholeOrdersCountDistinctOrderIdsAndRowsWithoutId() {
        f.check(PurchaseCondition.any(), "c1", "c2", "c3", "c6");
        f.check(new PurchaseCondition(false, null, null, null, null), "c4", "c5");
        f.check(orders(Operator.GTE, "2"), "c1", "c3");
        f.check(orders(Operator.EQ, "1"), "c2", "c6");
        f.check(orders(Operator.LT, "2"), "c2", "c4", "c5", "c6");
        f.check(orders(Operator.EQ, "0"), "c4", "c5");
        f.check(orders(Operator.NE, "1"), "c1", "c3", "c4", "c5");
        f.check(new PurchaseCondition(true, null, null, new Comparison(Operator.BETWEEN,
                List.of(BigDecimal.ZERO, BigDecimal.ONE)), null), "c2", "c4", "c5", "c6");
    }

    @Test
    void revenueAndUnitsAddUpWholeOrders() {
        f.check(purchase(true, List.of(), Measure.REVENUE, Operator.GT, "150", null), "c2", "c6");
        f.check(purchase(true, List.of(), Measure.REVENUE, Operator.GTE, "150", null), "c1", "c2", "c6");
        f.check(new PurchaseCondition(true, null, Measure.REVENUE, new Comparison(Operator.BETWEEN,
                List.of(new BigDecimal("150"), new BigDecimal("400"))), null), "c1", "c2");
        f.check(purchase(true, List.of(), Measure.UNITS, Operator.GTE, "3", null), "c1", "c2");
        f.check(purchase(false, List.of(), Measure.REVENUE, Operator.GT, "150", null), "c1", "c3", "c4", "c5");
        f.check(purchase(true, List.of(), Measure.REVENUE, Operator.LTE, "20", null), "c3", "c4", "c5");
        f.check(purchase(true, List.of(AttributeCondition.of("orders.revenue", Operator.GTE,
                new BigDecimal("100"))), Measure.ORDERS, Operator.GTE, "1", null), "c1", "c2", "c6");
    }

    @Test
    void windowsIncludeBothEnds() {
        // Last 90 days as of 2025-06-30: 2025-04-02 .. 2025-06-30.
        f.check(purchase(true, List.of(), Measure.ORDERS, Operator.GTE, "1", Window.last(90, TimeUnit.DAYS)),
                "c1", "c2", "c3");
        f.check(purchase(true, List.of(), Measure.ORDERS, Operator.GTE, "2", Window.last(90, TimeUnit.DAYS)),
                "c3");
        f.check(purchase(true, List.of(), Measure.ORDERS, Operator.GTE, "1", Window.last(91, TimeUnit.DAYS)),
                "c1", "c2", "c3");
        f.check(purchase(true, List.of(), Measure.ORDERS, Operator.GTE, "2", Window.last(91, TimeUnit.DAYS)),
                "c1", "c3");
        f.check(purchase(true, List.of(), Measure.ORDERS, Operator.GTE, "1",
                Window.between(LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-02"))), "c1", "c2");
        f.check(purchase(true, List.of(), Measure.ORDERS, Operator.GTE, "1",
                new Window(null, null, LocalDate.parse("2025-05-01"), null)), "c1", "c3");
        f.check(purchase(true, List.of(), Measure.ORDERS, Operator.GTE, "1",
                new Window(null, null, null, LocalDate.parse("2024-12-31"))), "c6");
        // Last 18 months: 2024-01-01 .. 2025-06-30; last 17 months starts 2024-01-31.
        f.check(purchase(true, List.of(), Measure.ORDERS, Operator.GTE, "1", Window.last(18, TimeUnit.MONTHS)),
                "c1", "c2", "c3", "c6");
        f.check(purchase(true, List.of(), Measure.ORDERS, Operator.GTE, "1", Window.last(17, TimeUnit.MONTHS)),
                "c1", "c2", "c3");
        f.check(purchase(true, List.of(), Measure.ORDERS, Operator.GTE, "1", Window.last(2, TimeUnit.YEARS)),
                "c1", "c2", "c3", "c6");
    }

    @Test
    void itemFiltersCountOnlyMatchingItems() {
        List<Condition> rock = List.of(category(Operator.EQ, "rock"));
        f.check(purchase(true, rock, Measure.ORDERS, Operator.GTE, "1", null), "c1", "c6");
        f.check(purchase(true, rock, Measure.ORDERS, Operator.GTE, "2", null), "c1");
        f.check(purchase(true, rock, Measure.UNITS, Operator.GTE, "3", null), "c1");
        f.check(purchase(true, rock, Measure.REVENUE, Operator.GT, "100", null), "c1", "c6");
        f.check(purchase(true, rock, Measure.REVENUE, Operator.LT, "100", null), "c2", "c3", "c4", "c5");
        f.check(purchase(true, rock, Measure.ORDERS, Operator.GTE, "1", Window.last(90, TimeUnit.DAYS)), "c1");
        f.check(purchase(false, rock, Measure.ORDERS, Operator.GTE, "1", null), "c2", "c3", "c4", "c5");
        // Per item, "not rock" includes items without a category.
        f.check(purchase(true, List.of(category(Operator.NE, "rock")), Measure.ORDERS, Operator.GTE, "1", null),
                "c1", "c2");
        f.check(purchase(true, List.of(category(Operator.NE, "rock")), Measure.UNITS, Operator.EQ, "6", null),
                "c2");
    }

    @Test
    void itemFiltersWithOrderFieldsJoinTheOrder() {
        List<Condition> where = List.of(category(Operator.EQ, "rock"),
                AttributeCondition.of("orders.revenue", Operator.GTE, new BigDecimal("100")));
        f.check(purchase(true, where, Measure.ORDERS, Operator.GTE, "1", null), "c1", "c6");
        f.check(purchase(true, where, Measure.REVENUE, Operator.EQ, "60", null), "c1");
        f.check(purchase(true, List.of(GroupCondition.any(List.of(category(Operator.EQ, "pop"),
                AttributeCondition.of("orders.revenue", Operator.EQ, new BigDecimal("50"))))),
                Measure.UNITS, Operator.GTE, "2", null), "c1", "c2");
    }

    @Test
    void multiRowAttributesOutsideWhereMeanAtLeastOneRow() {
        f.check(category(Operator.EQ, "rock"), "c1", "c6");
        f.check(category(Operator.NE, "rock"), "c2", "c3", "c4", "c5");
        // is_empty is exactly NOT is_not_empty: no item with a category at all.
        f.check(AttributeCondition.of("order_items.category", Operator.IS_EMPTY), "c3", "c4", "c5");
        f.check(AttributeCondition.of("orders.order_date", Operator.IN_LAST, BigDecimal.valueOf(90))
                .withUnit(TimeUnit.DAYS), "c1", "c2", "c3");
        f.check(AttributeCondition.of("events.page", Operator.NE, "home"), "c2", "c3", "c4", "c5", "c6");
    }

    @Test
    void eventsCountMatchingEventsInTheWindow() {
        f.check(EventCondition.did("view", null), "c1", "c2");
        f.check(new EventCondition(false, "view", null, null, null), "c3", "c4", "c5", "c6");
        f.check(EventCondition.did("view", Window.last(30, TimeUnit.DAYS)), "c1");
        f.check(EventCondition.did("view", Window.last(31, TimeUnit.DAYS)), "c1", "c2");
        f.check(new EventCondition(true, "view", null, Comparison.of(Operator.EQ, 2), null), "c1");
        f.check(new EventCondition(true, "view", null, Comparison.of(Operator.LT, 2), null),
                "c2", "c3", "c4", "c5", "c6");
        f.check(new EventCondition(false, "view", null, Comparison.of(Operator.LT, 2), null), "c1");
        f.check(new EventCondition(true, "view", List.of(AttributeCondition.of("events.page", Operator.EQ, "home")),
                null, null), "c1");
        f.check(new EventCondition(true, "view", List.of(AttributeCondition.of("events.page", Operator.NE, "home")),
                null, null), "c1", "c2");
        f.check(new EventCondition(true, "View", null, null, null));
        f.check(new EventCondition(true, "view", List.of(AttributeCondition.of("events.event_time", Operator.ON,
                "2025-05-31")), null, null), "c2");
    }
}
