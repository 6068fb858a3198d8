package org.segmint.persistence.insight;

import java.time.LocalDate;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.task.Cancellation;

/**
 * Members of hand-made sets: a definition that is a reference to segment NAME matches the set named NAME;
 * an empty definition matches everyone. Anything else is refused, so a test cannot pass by accident.
 */
public final class FixedMemberships implements Memberships {
    private final Map<String, RoaringBitmap> sets;
    private final RoaringBitmap all;

    public FixedMemberships(Map<String, RoaringBitmap> sets, RoaringBitmap all) {
        this.sets = Map.copyOf(sets);
        this.all = all;
    }

    @Override
    public RoaringBitmap members(Condition definition, LocalDate asOf, Cancellation cancel) {
        if (definition instanceof GroupCondition g && g.isNeutral()) {
            return all.clone();
        }
        if (definition instanceof MembershipCondition m && m.in() && sets.containsKey(m.name())) {
            return sets.get(m.name()).clone();
        }
        throw new IllegalArgumentException("no hand-made set for " + definition);
    }

    @Override
    public RoaringBitmap allCustomers() {
        return all.clone();
    }

    @Override
    public String viewSql(Condition definition, LocalDate asOf) {
        return null;
    }
}
