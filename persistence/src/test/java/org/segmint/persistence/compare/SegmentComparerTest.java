package org.segmint.persistence.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.insight.FixedMemberships;
import org.segmint.persistence.insight.InsightFixture;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

class SegmentComparerTest {
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    private static MembershipCondition ref(String name) {
        return new MembershipCondition(MembershipCondition.Kind.SEGMENT, name, true);
    }

    private static Segment segment(String name) {
        return Segment.of(name, ref(name));
    }

    @Test
    void comparesSizesOverlapsAndTheMembersMetrics() throws Exception {
        FixedMemberships sets = new FixedMemberships(Map.of("A", RoaringBitmap.bitmapOf(1, 2, 3),
                "B", RoaringBitmap.bitmapOf(2, 4), "C", RoaringBitmap.bitmapOf(5)),
                RoaringBitmap.bitmapOf(1, 2, 3, 4, 5));
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            Comparison c = new SegmentComparer(sets, new Insights(ws)).compare(
                    List.of(segment("A"), segment("B"), segment("C")), InsightFixture.AS_OF, Cancellation.none());
            assertEquals(1, c.overlap().overlap(0, 1));
            assertEquals(3, c.overlap().overlap(0, 0));
            assertEquals(0, c.overlap().overlap(1, 2));
            assertEquals(2, c.overlap().unique(0));
            assertEquals(1, c.overlap().unique(1));
            assertEquals(1, c.overlap().unique(2));
            SegmentMetrics a = c.metrics().get(0);
            assertEquals(3, a.customers());
            assertEquals(2, a.activeCustomers());
            assertEquals(190, a.revenue(), EPS);
            assertEquals(95, a.revenuePerCustomer(), EPS);
            assertEquals(7.0 / 3, a.unitsPerOrder(), EPS);
            assertEquals(190.0 / 3, a.averageOrderValue(), EPS);
            SegmentMetrics b = c.metrics().get(1);
            assertEquals(1, b.activeCustomers());
            assertEquals(40, b.revenue(), EPS);
            assertEquals(0, c.metrics().get(2).revenue(), EPS);
        }
    }

    @Test
    void oneOrSixSegmentsOrTheSameSegmentTwiceAreRefused() throws Exception {
        FixedMemberships sets = new FixedMemberships(Map.of("A", RoaringBitmap.bitmapOf(1)), RoaringBitmap.bitmapOf(1));
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            SegmentComparer comparer = new SegmentComparer(sets, new Insights(ws));
            assertThrows(WorkspaceException.class, () -> comparer.compare(List.of(segment("A")),
                    InsightFixture.AS_OF, Cancellation.none()));
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> comparer.compare(
                    List.of(segment("A"), segment("A")), InsightFixture.AS_OF, Cancellation.none()));
            assertEquals("Segment 'A' is listed twice", e.getMessage());
        }
    }

    @Test
    void anIntersectionIsInTheChosenSegmentsAndNotInTheOthers() {
        Condition d = SegmentComparer.intersectionDefinition(List.of("A", "B", "C"), 0b101);
        assertEquals(GroupCondition.all(List.of(ref("A"), new NotCondition(ref("B")), ref("C"))), d);
        assertEquals("A and C, not B", SegmentComparer.intersectionName(List.of("A", "B", "C"), 0b101));
        assertThrows(WorkspaceException.class, () -> SegmentComparer.intersectionDefinition(List.of("A", "B"), 4));
    }
}
