package org.segmint.persistence.insight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.DateRange;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Breakdowns of members by any customer attribute or metric: categories (top N and "Other"), numbers as a
 * histogram of about ten equal ranges with round limits, dates by calendar month. Each bucket carries
 * customers, purchasers and revenue in a date range, and the measure to compare by. Attribute values are
 * read once per attribute and data version; purchases come from {@link Insights}' per-customer totals.
 */
public final class Breakdowns {
    private static final int BINS = 10;
    private static final int MAX_MONTHS = 120;
    private final Workspace workspace;
    private final Insights insights;
    private final Map<String, AttributeValues> values = new HashMap<>();
    private long valuesVersion = -1;

    public Breakdowns(Workspace workspace, Insights insights) {
        this.workspace = workspace;
        this.insights = insights;
    }

    /**
     * Breaks {@code members} down by {@code fieldId}.
     *
     * @param topN  categories shown before "Other" (at least 1)
     * @param range the date range of purchasers and revenue
     */
    public Breakdown of(RoaringBitmap members, String fieldId, CompareBy by, int topN, DateRange range,
                        Cancellation cancel) {
        Field field = workspace.catalog().field(fieldId).orElseThrow(
                () -> new WorkspaceException("Unknown attribute '" + fieldId + "'"));
        AttributeValues v = values(field);
        PurchaseTotals purchases = insights.purchases(range, cancel);
        Tally total = new Tally();
        for (PeekableIntIterator it = members.getIntIterator(); it.hasNext(); ) {
            total.add(it.next(), purchases);
        }
        List<Breakdown.Bucket> buckets;
        Breakdown.Kind kind;
        if (!v.numeric()) {
            kind = Breakdown.Kind.CATEGORIES;
            buckets = categories(members, v, purchases, by, Math.max(1, topN), total);
        } else if (field.type().isTemporal()) {
            kind = Breakdown.Kind.MONTHS;
            buckets = months(members, v, purchases, by, total);
        } else {
            kind = Breakdown.Kind.HISTOGRAM;
            buckets = histogram(members, v, purchases, by, total);
        }
        return new Breakdown(field.id(), kind, by, range, total.customers, total.purchasers, total.revenue, buckets);
    }

    /**
     * {@code members} in the buckets of {@code like} (same categories, ranges or months, same measure and date
     * range), so that a segment's bars can stand beside all customers' bar for bar. Members whose value falls in
     * none of those buckets count in the totals only.
     */
    public Breakdown alike(Breakdown like, RoaringBitmap members, Cancellation cancel) {
        Field field = workspace.catalog().field(like.field()).orElseThrow(
                () -> new WorkspaceException("Unknown attribute '" + like.field() + "'"));
        AttributeValues v = values(field);
        PurchaseTotals purchases = insights.purchases(like.range(), cancel);
        Map<String, Tally> tallies = new java.util.LinkedHashMap<>();
        like.buckets().forEach(b -> tallies.put(b.label(), new Tally()));
        boolean years = like.kind() == Breakdown.Kind.MONTHS && like.buckets().stream()
                .anyMatch(b -> b.label().length() == 4);
        Tally total = new Tally();
        long n = 0;
        for (PeekableIntIterator it = members.getIntIterator(); it.hasNext(); ) {
            int ck = it.next();
            if ((++n & 0xFFFF) == 0) {
                cancel.throwIfCancelled();
            }
            total.add(ck, purchases);
            String label = labelIn(like, v, ck, years, tallies);
            if (label != null) {
                tallies.get(label).add(ck, purchases);
            }
        }
        List<Breakdown.Bucket> buckets = new ArrayList<>();
        for (Breakdown.Bucket b : like.buckets()) {
            buckets.add(tallies.get(b.label()).bucket(b.label(), b.low(), b.high(), like.compareBy(), total));
        }
        return new Breakdown(like.field(), like.kind(), like.compareBy(), like.range(), total.customers,
                total.purchasers, total.revenue, buckets);
    }

    /** The bucket of {@code like} a customer's value falls in, or null. */
    private static String labelIn(Breakdown like, AttributeValues v, int ck, boolean years,
                                  Map<String, Tally> tallies) {
        if (like.kind() == Breakdown.Kind.CATEGORIES) {
            int code = ck >= 0 && ck < v.codes.length ? v.codes[ck] : -1;
            if (code < 0) {
                return tallies.containsKey(Breakdown.EMPTY) ? Breakdown.EMPTY : null;
            }
            String label = v.dictionary.get(code);
            if (tallies.containsKey(label)) {
                return label;
            }
            return tallies.containsKey(Breakdown.OTHER) ? Breakdown.OTHER : null;
        }
        double x = value(v, ck);
        if (Double.isNaN(x)) {
            return tallies.containsKey(Breakdown.EMPTY) ? Breakdown.EMPTY : null;
        }
        if (like.kind() == Breakdown.Kind.MONTHS) {
            YearMonth m = YearMonth.from(LocalDate.ofEpochDay((long) x));
            String label = years ? Integer.toString(m.getYear()) : m.toString();
            return tallies.containsKey(label) ? label : null;
        }
        List<Breakdown.Bucket> ranges = like.buckets().stream().filter(b -> b.low() != null).toList();
        for (int i = 0; i < ranges.size(); i++) {
            Breakdown.Bucket b = ranges.get(i);
            if (x >= b.low() && (x < b.high() || i == ranges.size() - 1 && x <= b.high())) {
                return b.label();
            }
        }
        return null;
    }

    private synchronized AttributeValues values(Field field) {
        long version = workspace.dataVersion();
        if (version != valuesVersion) {
            values.clear();
            valuesVersion = version;
        }
        return values.computeIfAbsent(field.id(), id -> AttributeValues.load(workspace.connection(), field,
                Queries.maxCustomerKey(workspace.connection())));
    }

    private static List<Breakdown.Bucket> categories(RoaringBitmap members, AttributeValues v, PurchaseTotals p,
                                                     CompareBy by, int topN, Tally total) {
        Tally[] tallies = new Tally[v.dictionary.size()];
        Tally empty = new Tally();
        for (PeekableIntIterator it = members.getIntIterator(); it.hasNext(); ) {
            int ck = it.next();
            int code = ck >= 0 && ck < v.codes.length ? v.codes[ck] : -1;
            if (code < 0) {
                empty.add(ck, p);
            } else {
                if (tallies[code] == null) {
                    tallies[code] = new Tally();
                }
                tallies[code].add(ck, p);
            }
        }
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < tallies.length; i++) {
            if (tallies[i] != null) {
                present.add(i);
            }
        }
        Comparator<Integer> largestFirst = Comparator.comparingDouble((Integer i) -> -tallies[i].value(by, total))
                .thenComparingLong(i -> -tallies[i].customers).thenComparing(i -> v.dictionary.get(i));
        present.sort(largestFirst);
        List<Breakdown.Bucket> buckets = new ArrayList<>();
        Tally other = new Tally();
        for (int k = 0; k < present.size(); k++) {
            Tally t = tallies[present.get(k)];
            if (k < topN) {
                buckets.add(t.bucket(v.dictionary.get(present.get(k)), null, null, by, total));
            } else {
                other.merge(t);
            }
        }
        if (other.customers > 0) {
            buckets.add(other.bucket(Breakdown.OTHER, null, null, by, total));
        }
        addEmpty(buckets, empty, by, total);
        return buckets;
    }

    private static List<Breakdown.Bucket> histogram(RoaringBitmap members, AttributeValues v, PurchaseTotals p,
                                                    CompareBy by, Tally total) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (PeekableIntIterator it = members.getIntIterator(); it.hasNext(); ) {
            double x = value(v, it.next());
            if (!Double.isNaN(x)) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        Tally empty = new Tally();
        List<Breakdown.Bucket> buckets = new ArrayList<>();
        if (min <= max) {
            double step = Bins.step(min, max, BINS, v.field.type() == FieldType.INTEGER);
            double start = Math.floor(min / step) * step;
            int n = (int) Math.floor((max - start) / step) + 1;
            Tally[] tallies = new Tally[n];
            for (int i = 0; i < n; i++) {
                tallies[i] = new Tally();
            }
            for (PeekableIntIterator it = members.getIntIterator(); it.hasNext(); ) {
                int ck = it.next();
                double x = value(v, ck);
                if (Double.isNaN(x)) {
                    empty.add(ck, p);
                } else {
                    tallies[Math.min(n - 1, (int) Math.floor((x - start) / step))].add(ck, p);
                }
            }
            for (int i = 0; i < n; i++) {
                double low = start + i * step;
                buckets.add(tallies[i].bucket(Bins.label(low, low + step), low, low + step, by, total));
            }
        } else {
            for (PeekableIntIterator it = members.getIntIterator(); it.hasNext(); ) {
                empty.add(it.next(), p);
            }
        }
        addEmpty(buckets, empty, by, total);
        return buckets;
    }

    private static List<Breakdown.Bucket> months(RoaringBitmap members, AttributeValues v, PurchaseTotals p,
                                                 CompareBy by, Tally total) {
        Map<YearMonth, Tally> byMonth = new java.util.TreeMap<>();
        Tally empty = new Tally();
        for (PeekableIntIterator it = members.getIntIterator(); it.hasNext(); ) {
            int ck = it.next();
            double x = value(v, ck);
            if (Double.isNaN(x)) {
                empty.add(ck, p);
            } else {
                byMonth.computeIfAbsent(YearMonth.from(LocalDate.ofEpochDay((long) x)), m -> new Tally()).add(ck, p);
            }
        }
        List<Breakdown.Bucket> buckets = new ArrayList<>();
        if (!byMonth.isEmpty()) {
            YearMonth first = byMonth.keySet().iterator().next();
            YearMonth last = ((java.util.TreeMap<YearMonth, Tally>) byMonth).lastKey();
            // Birth dates span decades: beyond ten years of months, bars per year stay readable.
            boolean years = first.until(last, java.time.temporal.ChronoUnit.MONTHS) >= MAX_MONTHS;
            Map<String, Tally> bars = new java.util.LinkedHashMap<>();
            for (YearMonth m = years ? first.withMonth(1) : first; !m.isAfter(last); m = m.plusMonths(years ? 12 : 1)) {
                bars.put(years ? Integer.toString(m.getYear()) : m.toString(), new Tally());
            }
            byMonth.forEach((m, t) -> bars.get(years ? Integer.toString(m.getYear()) : m.toString()).merge(t));
            bars.forEach((label, t) -> buckets.add(t.bucket(label, null, null, by, total)));
        }
        addEmpty(buckets, empty, by, total);
        return buckets;
    }

    private static void addEmpty(List<Breakdown.Bucket> buckets, Tally empty, CompareBy by, Tally total) {
        if (empty.customers > 0) {
            buckets.add(empty.bucket(Breakdown.EMPTY, null, null, by, total));
        }
    }

    private static double value(AttributeValues v, int ck) {
        return ck >= 0 && ck < v.numbers.length ? v.numbers[ck] : Double.NaN;
    }

    /** Customers, purchasers and revenue of one bucket. */
    private static final class Tally {
        long customers;
        long purchasers;
        final Sum revenueSum = new Sum();
        double revenue;

        void add(int ck, PurchaseTotals p) {
            customers++;
            if (p.purchased(ck)) {
                purchasers++;
                revenueSum.add(p.revenue(ck));
                revenue = revenueSum.value();
            }
        }

        void merge(Tally t) {
            customers += t.customers;
            purchasers += t.purchasers;
            revenueSum.add(t.revenue);
            revenue = revenueSum.value();
        }

        double value(CompareBy by, Tally total) {
            switch (by) {
                case CUSTOMERS:
                    return share(customers, total.customers);
                case PURCHASERS:
                    return share(purchasers, total.purchasers);
                case REVENUE:
                    return total.revenue == 0 ? 0 : revenue / total.revenue;
                default:
                    return purchasers == 0 ? 0 : revenue / purchasers;
            }
        }

        Breakdown.Bucket bucket(String label, Double low, Double high, CompareBy by, Tally total) {
            return new Breakdown.Bucket(label, low, high, customers, purchasers, revenue, value(by, total));
        }

        private static double share(long part, long whole) {
            return whole == 0 ? 0 : (double) part / whole;
        }
    }
}
