package org.segmint.persistence.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.DateRange;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

class BreakdownsTest {
    private static final double EPS = 1e-9;
    private static final RoaringBitmap ALL = RoaringBitmap.bitmapOf(1, 2, 3, 4, 5);
    private static final DateRange WINDOW = Insights.window(InsightFixture.AS_OF);

    @TempDir
    Path dir;

    private static List<String> labels(Breakdown b) {
        return b.buckets().stream().map(Breakdown.Bucket::label).toList();
    }

    @Test
    void categoriesShowTheTopValuesThenOtherThenEmpty() throws Exception {
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            Breakdowns breakdowns = new Breakdowns(ws, new Insights(ws));
            Breakdown b = breakdowns.of(ALL, "customers.tier", CompareBy.CUSTOMERS, 1, WINDOW, Cancellation.none());
            assertEquals(Breakdown.Kind.CATEGORIES, b.kind());
            assertEquals(List.of("gold", "Other", "(empty)"), labels(b));
            assertEquals(0.4, b.buckets().get(0).value(), EPS);
            assertEquals(2, b.buckets().get(1).customers());
            assertEquals(1, b.buckets().get(2).customers());
            assertEquals(2, b.purchasers());
            assertEquals(190, b.revenue(), EPS);
        }
    }

    @Test
    void compareByRevenueOrdersAndMeasuresByRevenueInTheRange() throws Exception {
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            Breakdowns breakdowns = new Breakdowns(ws, new Insights(ws));
            Breakdown b = breakdowns.of(ALL, "customers.tier", CompareBy.REVENUE, 2, WINDOW, Cancellation.none());
            assertEquals(List.of("gold", "silver", "Other", "(empty)"), labels(b));
            assertEquals(150.0 / 190, b.buckets().get(0).value(), EPS);
            assertEquals(40.0 / 190, b.buckets().get(1).value(), EPS);
            Breakdown perPurchaser = breakdowns.of(ALL, "customers.tier", CompareBy.REVENUE_PER_PURCHASER, 5,
                    WINDOW, Cancellation.none());
            assertEquals(150, perPurchaser.buckets().get(0).value(), EPS);
            Breakdown allTime = breakdowns.of(ALL, "customers.tier", CompareBy.PURCHASERS, 5,
                    DateRange.ALL_TIME, Cancellation.none());
            assertEquals(4, allTime.purchasers());
            assertEquals(1150 + 40 + 70 + 5, allTime.revenue(), EPS);
        }
    }

    @Test
    void numbersFallIntoRoundRanges() throws Exception {
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            Breakdown b = new Breakdowns(ws, new Insights(ws)).of(ALL, "customers.age", CompareBy.CUSTOMERS, 5, WINDOW,
                    Cancellation.none());
            assertEquals(Breakdown.Kind.HISTOGRAM, b.kind());
            assertEquals(10, b.buckets().size());
            assertEquals("10 to 20", b.buckets().get(0).label());
            assertEquals(10.0, b.buckets().get(0).low());
            assertEquals(1, b.buckets().get(0).customers());
            assertEquals(0, b.buckets().get(1).customers());
            assertEquals("90 to 100", b.buckets().get(8).label());
            assertEquals(1, b.buckets().get(8).customers());
            assertEquals("(empty)", b.buckets().get(9).label());
        }
    }

    @Test
    void datesFallIntoEveryMonthBetweenTheFirstAndTheLast() throws Exception {
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            Breakdown b = new Breakdowns(ws, new Insights(ws)).of(ALL, "customers.signup_date", CompareBy.CUSTOMERS,
                    5, WINDOW, Cancellation.none());
            assertEquals(Breakdown.Kind.MONTHS, b.kind());
            assertEquals(20, b.buckets().size());
            assertEquals("2010-01", b.buckets().get(0).label());
            assertEquals(2, b.buckets().get(0).customers());
            assertEquals("2011-07", b.buckets().get(18).label());
        }
    }

    @Test
    void orderAttributesAndUnknownFieldsAreRefused() throws Exception {
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            Breakdowns breakdowns = new Breakdowns(ws, new Insights(ws));
            assertThrows(WorkspaceException.class, () -> breakdowns.of(ALL, "orders.revenue", CompareBy.CUSTOMERS, 5,
                    WINDOW, Cancellation.none()));
            assertThrows(WorkspaceException.class, () -> breakdowns.of(ALL, "customers.shoe", CompareBy.CUSTOMERS, 5,
                    WINDOW, Cancellation.none()));
        }
    }

    @Test
    void binStepsAreRound() {
        assertEquals(10, Bins.step(18, 99, 10, true), EPS);
        assertEquals(0.2, Bins.step(0, 1.7, 10, false), EPS);
        assertEquals(1, Bins.step(1, 3, 10, true), EPS);
    }
}
