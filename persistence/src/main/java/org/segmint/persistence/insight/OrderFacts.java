package org.segmint.persistence.insight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.DateRange;
import org.segmint.persistence.columns.Parallel;
import org.segmint.persistence.columns.PurchaseRows;
import org.segmint.persistence.columns.RowLayout;

/**
 * One pass over the order columns for an as-of date, on both cores: each customer's totals of the 12-month
 * window ({@link PurchaseTotals}) and revenue per month of the trend ({@link MonthlyRevenue}). Each customer's
 * rows are together and in date order, so a customer's months come out in order and nothing needs sorting.
 */
final class OrderFacts {
    private OrderFacts() {
    }

    record Result(PurchaseTotals window, MonthlyRevenue monthly) {
    }

    /** One key range's months. */
    private record Part(int[] start, MonthlyRevenue.IntList months, MonthlyRevenue.DoubleList revenue) {
    }

    static Result of(PurchaseRows rows, int size, LocalDate asOf) {
        return of(rows, size, asOf, null);
    }

    /**
     * As {@link #of(PurchaseRows, int, LocalDate)}, for the customers of {@code only} alone (null: everyone): the
     * others get no totals and no months. A small segment's summary reads its members' rows instead of all.
     */
    static Result of(PurchaseRows rows, int size, LocalDate asOf, RoaringBitmap only) {
        long[] wanted = only == null ? null : bits(only, size);
        DateRange window = Insights.window(asOf);
        PurchaseTotals totals = PurchaseTotals.empty(window, size - 1);
        YearMonth first = YearMonth.from(asOf).minusMonths(MonthlyRevenue.MONTHS - 1);
        long trendLow = first.atDay(1).toEpochDay();
        long windowLow = window.from().toEpochDay();
        long low = Math.min(trendLow, windowLow);
        long high = asOf.toEpochDay();
        byte[] monthOfDay = new byte[(int) (high - trendLow + 1)];
        for (int i = 0; i < monthOfDay.length; i++) {
            LocalDate d = LocalDate.ofEpochDay(trendLow + i);
            monthOfDay[i] = (byte) ((d.getYear() - first.getYear()) * 12 + d.getMonthValue() - first.getMonthValue());
        }
        RowLayout layout = rows.layout();
        int keys = Math.min(size, layout.keys());
        List<Part> parts = Parallel.split(keys, layout.rows(), (from, to) -> {
            int[] start = new int[to - from + 1];
            MonthlyRevenue.IntList months = new MonthlyRevenue.IntList();
            MonthlyRevenue.DoubleList revenues = new MonthlyRevenue.DoubleList();
            int[] day = rows.day();
            int[] order = rows.order();
            double[] revenue = rows.revenue();
            double[] units = rows.amount();
            int[] seen = new int[Math.max(1, rows.mostOrders())];
            double[] perMonth = new double[MonthlyRevenue.MONTHS];
            int stamp = 0;
            for (int ck = from; ck < to; ck++) {
                start[ck - from] = months.size;
                if (wanted != null && (wanted[ck >>> 6] & 1L << ck) == 0) {
                    continue;
                }
                stamp++;
                int n = 0;
                double r = 0;
                double u = 0;
                boolean anyMonth = false;
                for (int p = layout.from(ck), end = layout.to(ck); p < end; p++) {
                    int d = day[p];
                    if (d > high) {
                        break;
                    }
                    if (d < low) {
                        continue;
                    }
                    double amount = revenue[p];
                    if (d >= trendLow && amount != 0) {
                        perMonth[monthOfDay[(int) (d - trendLow)]] += amount;
                        anyMonth = true;
                    }
                    if (d >= windowLow) {
                        int o = order[p];
                        if (o == PurchaseRows.NO_ID) {
                            n++;
                        } else if (seen[o] != stamp) {
                            seen[o] = stamp;
                            n++;
                        }
                        r += amount;
                        u += units[p];
                    }
                }
                if (n > 0) {
                    totals.set(ck, n, r, u);
                }
                if (anyMonth) {
                    for (int m = 0; m < MonthlyRevenue.MONTHS; m++) {
                        if (perMonth[m] != 0) {
                            months.add(m);
                            revenues.add(perMonth[m]);
                            perMonth[m] = 0;
                        }
                    }
                }
            }
            start[to - from] = months.size;
            return new Part(start, months, revenues);
        });
        List<int[]> starts = new ArrayList<>();
        List<MonthlyRevenue.IntList> months = new ArrayList<>();
        List<MonthlyRevenue.DoubleList> revenues = new ArrayList<>();
        for (Part p : parts) {
            starts.add(p.start());
            months.add(p.months());
            revenues.add(p.revenue());
        }
        return new Result(totals, MonthlyRevenue.ofParts(asOf, size, starts, months, revenues));
    }

    /** {@code set} as one bit per key below {@code size}. */
    private static long[] bits(RoaringBitmap set, int size) {
        long[] bits = new long[(size + 63) >>> 6];
        set.forEach((org.roaringbitmap.IntConsumer) ck -> {
            if (ck >= 0 && ck < size) {
                bits[ck >>> 6] |= 1L << ck;
            }
        });
        return bits;
    }

    /** The 12-month totals only (compare and models need no trend). */
    static PurchaseTotals totals(PurchaseRows rows, int size, DateRange range) {
        PurchaseTotals totals = PurchaseTotals.empty(range, size - 1);
        long low = range.from() == null ? PurchaseRows.NO_DATE + 1L : range.from().toEpochDay();
        long high = range.to() == null ? Integer.MAX_VALUE : range.to().toEpochDay();
        RowLayout layout = rows.layout();
        Parallel.split(Math.min(size, layout.keys()), layout.rows(), (from, to) -> {
            int[] day = rows.day();
            int[] order = rows.order();
            double[] revenue = rows.revenue();
            double[] units = rows.amount();
            int[] seen = new int[Math.max(1, rows.mostOrders())];
            int stamp = 0;
            for (int ck = from; ck < to; ck++) {
                stamp++;
                int n = 0;
                double r = 0;
                double u = 0;
                for (int p = layout.from(ck), end = layout.to(ck); p < end; p++) {
                    int d = day[p];
                    if (d > high) {
                        break;
                    }
                    if (d < low) {
                        continue;
                    }
                    int o = order[p];
                    if (o == PurchaseRows.NO_ID) {
                        n++;
                    } else if (seen[o] != stamp) {
                        seen[o] = stamp;
                        n++;
                    }
                    r += revenue[p];
                    u += units[p];
                }
                if (n > 0) {
                    totals.set(ck, n, r, u);
                }
            }
            return null;
        });
        return totals;
    }
}
