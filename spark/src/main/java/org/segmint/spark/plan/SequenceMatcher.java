package org.segmint.spark.plan;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.TimeUnit;

/**
 * Decides a sequence for one customer from their relevant events, sorted by time: each event is (seconds, mask) where
 * bit i of the mask says the event can be step i (step 0 only inside the window) and bit {@value #WITHOUT_BIT} says
 * it is of the {@code without} type. The customer matches when some first-step event e1 can be followed by distinct
 * events for the other steps with non-decreasing times, the last at most {@code within} after e1, and no
 * {@code without} event strictly between e1 and the last step.
 *
 * <p>For a given e1 the best completion is the one whose last step comes earliest (both {@code within} and
 * {@code without} only get easier). It is found by walking forward through the groups of events with equal times:
 * at each time, as many of the next steps as possible are filled with distinct events of that time (a small
 * bipartite matching, which handles ties and events that fit several steps), since a step filled earlier never
 * hurts. Each candidate e1 costs one forward walk; with neither {@code within} nor {@code without}, only the
 * candidates at the earliest candidate time need trying, as any later completion also completes them.
 */
public final class SequenceMatcher implements UDF1<scala.collection.Seq<Row>, Boolean> {
    private static final long serialVersionUID = 1L;
    /** The mask bit of events of the {@code without} type. */
    public static final int WITHOUT_BIT = 62;
    /** The most steps a sequence can have on Spark (one mask bit each). */
    public static final int MAX_STEPS = WITHOUT_BIT;

    private final int steps;
    private final Integer withinValue;
    private final TimeUnit withinUnit;
    private final boolean hasWithout;

    public SequenceMatcher(int steps, SequenceCondition.Within within, boolean hasWithout) {
        this.steps = steps;
        this.withinValue = within == null ? null : within.value();
        this.withinUnit = within == null ? null : within.unit();
        this.hasWithout = hasWithout;
    }

    @Override
    public Boolean call(scala.collection.Seq<Row> events) {
        if (events == null || events.isEmpty()) {
            return false;
        }
        int n = events.length();
        long[][] pairs = new long[n][];
        for (int i = 0; i < n; i++) {
            Row r = events.apply(i);
            pairs[i] = new long[] {r.getLong(0), r.getLong(1)};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long[] time = new long[n];
        long[] mask = new long[n];
        for (int i = 0; i < n; i++) {
            time[i] = pairs[i][0];
            mask[i] = pairs[i][1];
        }
        return matches(time, mask);
    }

    /** The decision over events sorted by time. */
    boolean matches(long[] time, long[] mask) {
        int n = time.length;
        long[] without = hasWithout ? Arrays.stream(indexes(n)).filter(i -> (mask[i] & (1L << WITHOUT_BIT)) != 0)
                .mapToLong(i -> time[i]).toArray() : new long[0];
        boolean everyCandidate = withinValue != null || hasWithout;
        Long firstCandidateTime = null;
        for (int a = 0; a < n; a++) {
            if ((mask[a] & 1L) == 0) {
                continue;
            }
            if (firstCandidateTime == null) {
                firstCandidateTime = time[a];
            } else if (!everyCandidate && time[a] > firstCandidateTime) {
                return false;
            }
            long last = lastStepTime(time, mask, a);
            if (last == Long.MIN_VALUE) {
                continue;
            }
            if (hasWithout && anyStrictlyBetween(without, time[a], last)) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static int[] indexes(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    /** The earliest time the last step can have after e1 = event {@code a}, or MIN_VALUE when none can. */
    private long lastStepTime(long[] time, long[] mask, int a) {
        long t1 = time[a];
        if (steps == 1) {
            return t1;
        }
        long limit = withinValue == null ? Long.MAX_VALUE : plusWithin(t1);
        int g = a;
        while (g > 0 && time[g - 1] == t1) {
            g--;
        }
        int next = 1;
        int n = time.length;
        while (g < n && time[g] <= limit) {
            int end = g;
            while (end < n && time[end] == time[g]) {
                end++;
            }
            next += fill(mask, g, end, a, next);
            if (next == steps) {
                return time[g];
            }
            g = end;
        }
        return Long.MIN_VALUE;
    }

    /**
     * How many of steps {@code first}, {@code first+1}, ... can be given distinct events of {@code [from, to)} (other
     * than {@code skip}), in order: steps are added one at a time with augmenting paths until one cannot be matched.
     */
    private int fill(long[] mask, int from, int to, int skip, int first) {
        int size = to - from;
        int[] stepOfEvent = new int[size];
        Arrays.fill(stepOfEvent, -1);
        int filled = 0;
        for (int step = first; step < steps; step++) {
            if (!augment(mask, from, size, skip, step, stepOfEvent, new boolean[size])) {
                break;
            }
            filled++;
        }
        return filled;
    }

    private boolean augment(long[] mask, int from, int size, int skip, int step, int[] stepOfEvent, boolean[] seen) {
        for (int e = 0; e < size; e++) {
            if (from + e == skip || seen[e] || (mask[from + e] & (1L << step)) == 0) {
                continue;
            }
            seen[e] = true;
            if (stepOfEvent[e] < 0 || augment(mask, from, size, skip, stepOfEvent[e], stepOfEvent, seen)) {
                stepOfEvent[e] = step;
                return true;
            }
        }
        return false;
    }

    private long plusWithin(long t1) {
        if (withinUnit == TimeUnit.DAYS || withinUnit == TimeUnit.WEEKS) {
            long days = (long) withinValue * (withinUnit == TimeUnit.DAYS ? 1 : 7);
            return t1 + days * 86_400L;
        }
        LocalDateTime start = LocalDateTime.ofEpochSecond(t1, 0, ZoneOffset.UTC);
        return withinUnit.plus(start, withinValue).toEpochSecond(ZoneOffset.UTC);
    }

    private static boolean anyStrictlyBetween(long[] sorted, long from, long to) {
        int i = Arrays.binarySearch(sorted, from);
        int start = i < 0 ? -i - 1 : i;
        while (start < sorted.length && sorted[start] <= from) {
            start++;
        }
        return start < sorted.length && sorted[start] < to;
    }
}
