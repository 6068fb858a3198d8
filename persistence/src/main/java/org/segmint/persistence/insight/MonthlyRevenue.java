package org.segmint.persistence.insight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * Each customer's revenue per calendar month over the trend window (the {@value #MONTHS} months ending with
 * the as-of date's month, that month counted up to the as-of date), stored compactly: for each customer
 * key the months it bought in and the revenue of each (a compressed sparse row layout).
 */
final class MonthlyRevenue {
    static final int MONTHS = 24;

    private final YearMonth first;
    private final LocalDate from;
    private final LocalDate to;
    private final int[] start;
    private final byte[] month;
    private final double[] revenue;

    private MonthlyRevenue(YearMonth first, LocalDate from, LocalDate to, int[] start, byte[] month,
                           double[] revenue) {
        this.first = first;
        this.from = from;
        this.to = to;
        this.start = start;
        this.month = month;
        this.revenue = revenue;
    }

    static LocalDate windowStart(LocalDate asOf) {
        return YearMonth.from(asOf).minusMonths(MONTHS - 1).atDay(1);
    }

    /**
     * A trend from parts over consecutive key ranges: {@code starts[i]} holds the start of each key of part i
     * (relative to the part's own entries) and one more entry for its end.
     */
    static MonthlyRevenue ofParts(LocalDate asOf, int size, List<int[]> starts, List<IntList> months,
                                  List<DoubleList> revenues) {
        YearMonth first = YearMonth.from(asOf).minusMonths(MONTHS - 1);
        int total = 0;
        for (IntList m : months) {
            total += m.size;
        }
        int[] start = new int[size + 1];
        byte[] month = new byte[total];
        double[] revenue = new double[total];
        int key = 0;
        int at = 0;
        for (int part = 0; part < starts.size(); part++) {
            int[] s = starts.get(part);
            for (int k = 0; k + 1 < s.length; k++) {
                start[key++] = at + s[k];
            }
            IntList m = months.get(part);
            for (int i = 0; i < m.size; i++) {
                month[at + i] = (byte) m.data[i];
            }
            System.arraycopy(revenues.get(part).data, 0, revenue, at, m.size);
            at += m.size;
        }
        while (key <= size) {
            start[key++] = at;
        }
        return new MonthlyRevenue(first, first.atDay(1), asOf, start, month, revenue);
    }

    /** Collects one customer's revenue of one day; {@link #build()} groups it by customer and month. */
    static final class Builder {
        private final YearMonth first;
        private final LocalDate asOf;
        private final int size;
        private final IntList cks = new IntList();
        private final IntList months = new IntList();
        private final DoubleList amounts = new DoubleList();

        Builder(LocalDate asOf, int maxCk) {
            this.first = YearMonth.from(asOf).minusMonths(MONTHS - 1);
            this.asOf = asOf;
            this.size = maxCk + 1;
        }

        void add(long day, int ck, double amount) {
            if (amount == 0) {
                return;
            }
            LocalDate date = LocalDate.ofEpochDay(day);
            int m = (date.getYear() - first.getYear()) * 12 + date.getMonthValue() - first.getMonthValue();
            if (m < 0 || m >= MONTHS) {
                return;
            }
            cks.add(ck);
            months.add(m);
            amounts.add(amount);
        }

        MonthlyRevenue build() {
            return group(first, first.atDay(1), asOf, size, cks, months, amounts);
        }
    }

    private static MonthlyRevenue group(YearMonth first, LocalDate from, LocalDate to, int size, IntList cks,
                                        IntList months, DoubleList amounts) {
        // Counting sort by customer, then merge the rows of one customer and month.
        int[] counts = new int[size + 1];
        for (int i = 0; i < cks.size; i++) {
            counts[cks.data[i] + 1]++;
        }
        for (int k = 0; k < size; k++) {
            counts[k + 1] += counts[k];
        }
        int[] order = new int[cks.size];
        int[] fill = counts.clone();
        for (int i = 0; i < cks.size; i++) {
            order[fill[cks.data[i]]++] = i;
        }
        int[] start = new int[size + 1];
        byte[] month = new byte[cks.size];
        double[] revenue = new double[cks.size];
        int n = 0;
        for (int k = 0; k < size; k++) {
            start[k] = n;
            double[] perMonth = null;
            for (int p = counts[k]; p < counts[k + 1]; p++) {
                if (perMonth == null) {
                    perMonth = new double[MONTHS];
                }
                int row = order[p];
                perMonth[months.data[row]] += amounts.data[row];
            }
            if (perMonth != null) {
                for (int m = 0; m < MONTHS; m++) {
                    if (perMonth[m] != 0) {
                        month[n] = (byte) m;
                        revenue[n] = perMonth[m];
                        n++;
                    }
                }
            }
        }
        start[size] = n;
        return new MonthlyRevenue(first, from, to, start, month, revenue);
    }

    /** Revenue per month of the members, oldest month first. */
    List<MonthRevenue> of(RoaringBitmap members) {
        Sum[] sums = new Sum[MONTHS];
        for (int m = 0; m < MONTHS; m++) {
            sums[m] = new Sum();
        }
        for (PeekableIntIterator it = members.getIntIterator(); it.hasNext(); ) {
            int ck = it.next();
            if (ck < 0 || ck >= start.length - 1) {
                continue;
            }
            for (int p = start[ck]; p < start[ck + 1]; p++) {
                sums[month[p]].add(revenue[p]);
            }
        }
        List<MonthRevenue> result = new ArrayList<>(MONTHS);
        for (int m = 0; m < MONTHS; m++) {
            result.add(new MonthRevenue(first.plusMonths(m), sums[m].value()));
        }
        return result;
    }

    LocalDate from() {
        return from;
    }

    LocalDate to() {
        return to;
    }

    /** A growable int array: boxing millions of rows would cost more than the query. */
    static final class IntList {
        int[] data = new int[1024];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }
    }

    /** A growable double array. */
    static final class DoubleList {
        double[] data = new double[1024];
        int size;

        void add(double v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }
    }
}
