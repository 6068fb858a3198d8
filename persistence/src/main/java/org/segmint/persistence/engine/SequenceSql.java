package org.segmint.persistence.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.TimeUnit;

/**
 * A sequence as one query: the candidate events of each step are materialised once (by type and
 * {@code where}; step 1 also by window), then joined on the customer with non-decreasing times and
 * distinct events. Joining materialised step tables lets SQLite index them on the customer key instead
 * of rescanning the events table per candidate.
 */
final class SequenceSql {
    private final Catalog catalog;
    private final LocalDate asOf;

    SequenceSql(Catalog catalog, LocalDate asOf) {
        this.catalog = catalog;
        this.asOf = asOf;
    }

    Sql compile(SequenceCondition s) {
        List<SequenceCondition.Step> steps = s.steps();
        int k = steps.size();
        DateRange window = s.window().resolve(asOf);
        Sql later = laterBounds(window, s.within());
        Sql sql = Sql.of("WITH ");
        for (int i = 1; i <= k; i++) {
            SequenceCondition.Step step = steps.get(i - 1);
            sql.add(i == 1 ? "" : ", ").add("s" + i + " AS MATERIALIZED (SELECT e.rowid AS id, e.ck AS ck,"
                    + " e.event_time AS t FROM events e WHERE e.ck IS NOT NULL AND e.event_time IS NOT NULL"
                    + " AND e.event_type = ").text(step.event());
            Sql where = new RowConditions(catalog, asOf, Map.of(Catalog.EVENTS, "e")).all(step.where());
            if (where != null) {
                sql.add(" AND ").add(where);
            }
            if (i == 1) {
                if (!window.isAllTime()) {
                    sql.add(" AND ").add(Predicates.range("e.event_time", true, window));
                }
            } else {
                sql.add(later);
            }
            sql.add(")");
        }
        if (s.without() != null) {
            sql.add(", w AS MATERIALIZED (SELECT e.ck AS ck, e.event_time AS t FROM events e"
                    + " WHERE e.ck IS NOT NULL AND e.event_type = ").text(s.without()).add(later).add(")");
        }
        sql.add(" SELECT DISTINCT s1.ck FROM s1");
        for (int i = 2; i <= k; i++) {
            sql.add(" JOIN s" + i + " ON s" + i + ".ck = s1.ck AND s" + i + ".t >= s" + (i - 1) + ".t");
            for (int j = 1; j < i; j++) {
                if (steps.get(j - 1).event().equals(steps.get(i - 1).event())) {
                    sql.add(" AND s" + i + ".id <> s" + j + ".id");
                }
            }
        }
        String last = "s" + k + ".t";
        sql.add(" WHERE 1");
        if (s.within() != null) {
            sql.add(" AND " + last + " <= ").add(limit(s.within()));
        }
        if (s.without() != null) {
            sql.add(" AND NOT EXISTS (SELECT 1 FROM w WHERE w.ck = s1.ck AND w.t > s1.t AND w.t < " + last + ")");
        }
        return sql;
    }

    /**
     * Bounds on the times of later steps (and of {@code without} events) implied by the window of the
     * first step: never before the window starts, and never after its end plus {@code within}. They only
     * shrink the candidate tables; the join checks the exact conditions.
     */
    private static Sql laterBounds(DateRange window, SequenceCondition.Within within) {
        Sql sql = new Sql();
        if (window.from() != null) {
            sql.add(" AND e.event_time >= ").seconds(window.from().toEpochDay() * 86_400L, window.from() + " 00:00:00");
        }
        if (window.to() != null && within != null && within.value() >= 0) {
            LocalDateTime end = within.unit().plus(window.to().atTime(23, 59, 59), within.value());
            sql.add(" AND e.event_time <= ").seconds(end.toEpochSecond(ZoneOffset.UTC), end.toString());
        }
        return sql;
    }

    /**
     * The latest time of the last step: the first step's time plus {@code within}. Months and years
     * follow the calendar and clamp to the month end like {@code LocalDateTime.plusMonths}, which is
     * what SQLite's {@code floor} modifier does.
     */
    private static Sql limit(SequenceCondition.Within within) {
        TimeUnit unit = within.unit();
        long n = within.value();
        if (unit == TimeUnit.DAYS || unit == TimeUnit.WEEKS) {
            long seconds = n * (unit == TimeUnit.DAYS ? 1 : 7) * 86_400L;
            return Sql.of("s1.t + ").seconds(seconds, n + " " + unit.jsonName());
        }
        String modifier = (n >= 0 ? "+" : "") + n + (unit == TimeUnit.MONTHS ? " months" : " years");
        return Sql.of("unixepoch(s1.t, 'unixepoch', ").text(modifier).add(", 'floor')");
    }
}
