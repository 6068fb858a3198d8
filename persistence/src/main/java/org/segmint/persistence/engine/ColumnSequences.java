package org.segmint.persistence.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.columns.EventRows;
import org.segmint.persistence.columns.RowLayout;
import org.segmint.persistence.columns.TextColumn;

/**
 * Sequences over the event columns, customer by customer: distinct events e1..ek of the step types (each
 * passing its step's where), times non-decreasing, e1's date in the window, ek no later than e1 plus
 * {@code within} (calendar months and years like {@code LocalDateTime.plusMonths}), and no {@code without}
 * event strictly between e1 and ek. Each customer's events are in time order, so the search tries the earliest
 * events first and backtracks only among events it could still use (ties at one time, repeated step types),
 * which keeps it exact.
 */
final class ColumnSequences {
    private static final long DAY = 86_400L;

    private final EventRows rows;
    private final SequenceCondition sequence;
    private final ValueTest.Row[] wheres;
    private final int[] stepType;
    private final int withoutType;
    private final long windowFrom;
    private final long windowTo;
    private final boolean empty;
    /** The candidate events of each step for the current customer. */
    private final int[][] candidates;
    private final int[] counts;
    private final int[] used;
    private final Cancellation cancel;
    private int work;

    ColumnSequences(EventRows rows, SequenceCondition sequence, ValueTest.Row[] wheres, LocalDate asOf,
                    Cancellation cancel) {
        this.rows = rows;
        this.cancel = cancel;
        this.sequence = sequence;
        this.wheres = wheres;
        int k = sequence.steps().size();
        stepType = new int[k];
        boolean missing = k == 0;
        for (int i = 0; i < k; i++) {
            stepType[i] = rows.code(sequence.steps().get(i).event());
            missing |= stepType[i] == TextColumn.NULL;
        }
        withoutType = sequence.without() == null ? TextColumn.NULL : rows.code(sequence.without());
        DateRange window = sequence.window().resolve(asOf);
        windowFrom = window.from() == null ? Long.MIN_VALUE : window.from().toEpochDay() * DAY;
        windowTo = window.to() == null ? Long.MAX_VALUE : (window.to().toEpochDay() + 1) * DAY - 1;
        empty = missing || windowFrom > windowTo;
        candidates = new int[k][Math.max(1, rows.layout().widest())];
        counts = new int[k];
        used = new int[k];
    }

    /** The members among customer keys {@code from .. to - 1}. */
    RoaringBitmap members(int fromKey, int toKey) {
        RoaringBitmapWriter<RoaringBitmap> out = ColumnLeaves.writer();
        if (empty) {
            return out.get();
        }
        RowLayout layout = rows.layout();
        for (int ck = fromKey; ck < toKey; ck++) {
            if (matches(layout.from(ck), layout.to(ck))) {
                out.add(ck);
            }
        }
        return out.get();
    }

    private boolean matches(int from, int to) {
        int[] type = rows.type();
        long[] time = rows.time();
        int k = stepType.length;
        for (int i = 0; i < k; i++) {
            int n = 0;
            for (int p = from; p < to; p++) {
                if (type[p] == stepType[i] && time[p] != EventRows.NO_TIME && (wheres[i] == null || wheres[i].test(p))) {
                    candidates[i][n++] = p;
                }
            }
            if (n == 0) {
                return false;
            }
            counts[i] = n;
        }
        for (int c = 0; c < counts[0]; c++) {
            int first = candidates[0][c];
            long t = time[first];
            if (t < windowFrom || t > windowTo) {
                continue;
            }
            used[0] = first;
            if (rest(1, t, latest(first, from, to))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The latest time the last step may have after {@code first}: {@code within} after it, and no later than the
     * first {@code without} event strictly after it.
     */
    private long latest(int first, int from, int to) {
        long t = rows.time()[first];
        long latest = Long.MAX_VALUE;
        SequenceCondition.Within within = sequence.within();
        if (within != null) {
            TimeUnit unit = within.unit();
            if (unit == TimeUnit.DAYS || unit == TimeUnit.WEEKS) {
                latest = t + within.value() * (unit == TimeUnit.DAYS ? 1L : 7L) * DAY;
            } else {
                LocalDateTime start = LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC);
                LocalDateTime end = unit == TimeUnit.MONTHS ? start.plusMonths(within.value())
                        : start.plusYears(within.value());
                latest = end.toEpochSecond(ZoneOffset.UTC);
            }
        }
        if (withoutType != TextColumn.NULL) {
            int[] type = rows.type();
            long[] time = rows.time();
            for (int p = from; p < to; p++) {
                if (type[p] == withoutType && time[p] != EventRows.NO_TIME && time[p] > t) {
                    latest = Math.min(latest, time[p]);
                    break;
                }
            }
        }
        return latest;
    }

    /** Whether steps {@code step..} can take unused events at or after {@code previous}, none after {@code latest}. */
    private boolean rest(int step, long previous, long latest) {
        if (previous > latest) {
            return false;
        }
        if (step == stepType.length) {
            return true;
        }
        long[] time = rows.time();
        int[] list = candidates[step];
        for (int c = 0; c < counts[step]; c++) {
            if (++work == 1 << 16) {
                // Ties and repeated step types can make the search long: stay cancellable.
                work = 0;
                cancel.throwIfCancelled();
            }
            int next = list[c];
            long t = time[next];
            if (t > latest) {
                return false;
            }
            if (t < previous || isUsed(next, step)) {
                continue;
            }
            used[step] = next;
            if (rest(step + 1, t, latest)) {
                return true;
            }
        }
        return false;
    }

    private boolean isUsed(int event, int upTo) {
        for (int i = 0; i < upTo; i++) {
            if (used[i] == event) {
                return true;
            }
        }
        return false;
    }
}
