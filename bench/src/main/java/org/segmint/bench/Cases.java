package org.segmint.bench;

import java.util.ArrayList;
import java.util.List;

/** Every case of the benchmark, in report order (the classes of the performance targets, then the edits). */
final class Cases {
    private Cases() {
    }

    static List<BenchCase<?>> all(Samples samples) {
        Segments s = new Segments(samples);
        List<BenchCase<?>> cases = new ArrayList<>();
        cases.add(CountCase.cold("a", "attributes: gender AND country IN (top 3) AND loyalty tier IN (2)",
                run -> s.attributes()));
        cases.add(CountCase.cold("b", ">= 3 orders in the last 90 days AND revenue > 500 in the last 365 days",
                run -> s.purchases(Segments.REVENUE)));
        cases.add(CountCase.cold("c", "bought the most frequent category in the last 3 months", run -> s.category()));
        cases.add(CountCase.cold("d", "did event 1 AND did not do event 2, last 30 days", run -> s.events()));
        cases.add(new InsightCase("e-small", "insights of a ~3% segment (top lifetime revenue)", samples.asOf(),
                s::small));
        cases.add(new InsightCase("e-large", "insights of a ~60% segment (lifetime revenue above the 40th"
                + " percentile)", samples.asOf(), s::large));
        cases.add(new CompareCase("f", "overlaps of 5 segments (a, b, c, d, large) with their metrics", true,
                samples.asOf(), () -> five(s)));
        cases.add(new ModelCase("g", "priority model of 6 segments (small, a, b, c, d, large) + leftovers", true,
                () -> six(s)));
        cases.add(CountCase.edit("edit", "one condition of an 8-condition segment (a+b+c+d) changed: the country"
                + " list; the other 7 cached", run -> s.eight(s.countriesVariant(run), Segments.REVENUE)));
        cases.add(CountCase.edit("edit-threshold", "the revenue threshold of the same segment changed; the other"
                + " 7 cached", run -> s.eight(samples.countries(), Segments.REVENUE + 10L * (run + 1))));
        cases.add(new CompareCase("f-cached", "f again", false, samples.asOf(), () -> five(s)));
        cases.add(new ModelCase("g-cached", "g again", false, () -> six(s)));
        return cases;
    }

    private static List<Segments.Segment> five(Segments s) {
        return List.of(s.attributes(), s.purchases(Segments.REVENUE), s.category(), s.events(), s.large());
    }

    private static List<Segments.Segment> six(Segments s) {
        return List.of(s.small(), s.attributes(), s.purchases(Segments.REVENUE), s.category(), s.events(),
                s.large());
    }
}
