package org.segmint.persistence.insight;

import java.time.LocalDate;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Condition;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.engine.SegmentEngine;

/**
 * Where compare and priority models get members from: the segment engine in the product, so every number
 * agrees with the counts shown elsewhere; hand-made sets in tests.
 */
public interface Memberships {

    /** Customers matching {@code definition} as of {@code asOf}. */
    RoaringBitmap members(Condition definition, LocalDate asOf, Cancellation cancel);

    /** Every customer of the workspace. */
    RoaringBitmap allCustomers();

    /** A readable SQL statement selecting the members' {@code ck}, for "View SQL"; null when not known. */
    String viewSql(Condition definition, LocalDate asOf);

    /** The engine as a membership source. */
    static Memberships of(SegmentEngine engine) {
        return new Memberships() {
            @Override
            public RoaringBitmap members(Condition definition, LocalDate asOf, Cancellation cancel) {
                return engine.members(definition, asOf, cancel);
            }

            @Override
            public RoaringBitmap allCustomers() {
                return engine.allCustomers();
            }

            @Override
            public String viewSql(Condition definition, LocalDate asOf) {
                return engine.viewSql(definition, asOf);
            }
        };
    }
}
