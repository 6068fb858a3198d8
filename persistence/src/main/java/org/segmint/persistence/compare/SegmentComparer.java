package org.segmint.persistence.compare;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.compare.OverlapMatrix;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.insight.Memberships;
import org.segmint.persistence.workspace.WorkspaceException;

/** Compares 2 to 5 segments: their members from the engine, overlaps in memory, metrics from {@link Insights}. */
public final class SegmentComparer {
    private final Memberships memberships;
    private final Insights insights;

    public SegmentComparer(Memberships memberships, Insights insights) {
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.insights = Objects.requireNonNull(insights, "insights");
    }

    /** Compares the segments' customers as of {@code asOf}. */
    public Comparison compare(List<Segment> segments, LocalDate asOf, Cancellation cancel) {
        return compare(segments, asOf, "customers", UnaryOperator.identity(), cancel);
    }

    /**
     * Compares the segments as of {@code asOf} at a level: the overlaps count {@code units} of the members (their
     * households, for example); the key metrics stay those of the customers.
     */
    public Comparison compare(List<Segment> segments, LocalDate asOf, String level,
                              UnaryOperator<RoaringBitmap> units, Cancellation cancel) {
        if (segments.size() < OverlapMatrix.MIN_SETS || segments.size() > OverlapMatrix.MAX_SETS) {
            throw new WorkspaceException("Compare needs 2 to 5 segments, not " + segments.size());
        }
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        List<RoaringBitmap> sets = new ArrayList<>();
        for (Segment s : segments) {
            if (!seen.add(s.name())) {
                throw new WorkspaceException("Segment '" + s.name() + "' is listed twice");
            }
            cancel.throwIfCancelled();
            names.add(s.name());
            sets.add(memberships.members(s.definition(), asOf, cancel));
        }
        List<SegmentMetrics> metrics = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            RevenueTree t = insights.revenueTree(sets.get(i), asOf, cancel);
            metrics.add(new SegmentMetrics(names.get(i), sets.get(i).getLongCardinality(), t.purchasers(),
                    t.netRevenue(), t.revenuePerCustomer(), t.unitsPerTransaction(), t.averageOrderValue()));
        }
        List<RoaringBitmap> unitSets = sets.stream().map(units).toList();
        return new Comparison(asOf, level, OverlapMatrix.of(names, unitSets), metrics);
    }

    /**
     * The definition of one exact intersection of saved segments: in every segment of {@code mask} (bit i =
     * segment i of {@code names}) and in none of the others. Saved as a new segment it follows its sources.
     */
    public static Condition intersectionDefinition(List<String> names, int mask) {
        if (mask <= 0 || mask >= (1 << names.size())) {
            throw new WorkspaceException("No combination " + mask + " of " + names.size() + " segments");
        }
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            MembershipCondition ref = new MembershipCondition(MembershipCondition.Kind.SEGMENT, names.get(i), true);
            conditions.add((mask & (1 << i)) != 0 ? ref : new NotCondition(ref));
        }
        return GroupCondition.all(conditions);
    }

    /** "A and B, not C": a name for an intersection. */
    public static String intersectionName(List<String> names, int mask) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ((mask & (1 << i)) != 0 ? in : out).add(names.get(i));
        }
        StringBuilder sb = new StringBuilder(String.join(" and ", in));
        out.forEach(n -> sb.append(", not ").append(n));
        return sb.toString();
    }
}
