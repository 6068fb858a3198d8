package org.segmint.app.insights;

import java.time.LocalDate;
import java.util.function.Supplier;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.insight.InsightSummary;
import org.segmint.persistence.insight.Insights;

/** The summary insights of a set of customers and of all customers, as of the workspace's date. */
public interface InsightsSource {

    /** @param membersSql the readable SQL selecting the members (for the statistics' View SQL) */
    InsightSummary summary(RoaringBitmap members, String membersSql, Cancellation cancel);

    InsightSummary baseline(Cancellation cancel);

    static InsightsSource of(Insights insights, Supplier<LocalDate> asOf) {
        return new InsightsSource() {
            @Override
            public InsightSummary summary(RoaringBitmap members, String membersSql, Cancellation cancel) {
                return insights.summary(members, asOf.get(), membersSql, cancel);
            }

            @Override
            public InsightSummary baseline(Cancellation cancel) {
                return insights.baseline(asOf.get(), cancel);
            }
        };
    }
}
