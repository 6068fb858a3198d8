package org.segmint.persistence.reference;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;

/** Purchase, event and sequence tests for one customer, by walking that customer's rows. */
final class ReferenceBehaviour {
    private final ReferenceData data;
    private final Map<Long, List<ReferenceData.Row>> ordersByCk = new HashMap<>();
    private final Map<Long, List<ReferenceData.Row>> itemsByCk = new HashMap<>();
    private final Map<Long, List<ReferenceData.Row>> eventsByCk = new HashMap<>();
    private final Map<Object, ReferenceData.Row> orderById = new HashMap<>();

    ReferenceBehaviour(ReferenceData data) {
        this.data = data;
        group(data.orders, ordersByCk);
        group(data.items, itemsByCk);
        group(data.events, eventsByCk);
        for (ReferenceData.Row o : data.orders) {
            if (o.get("order_id") != null) {
                orderById.putIfAbsent(o.get("order_id"), o);
            }
        }
    }

    private static void group(List<ReferenceData.Row> rows, Map<Long, List<ReferenceData.Row>> byCk) {
        for (ReferenceData.Row r : rows) {
            if (r.ck() != null) {
                byCk.computeIfAbsent(r.ck(), k -> new ArrayList<>()).add(r);
            }
        }
    }

    List<ReferenceData.Row> rows(String table, long ck) {
        Map<Long, List<ReferenceData.Row>> byCk = Catalog.ORDERS.equals(table) ? ordersByCk
                : Catalog.ORDER_ITEMS.equals(table) ? itemsByCk : Catalog.EVENTS.equals(table) ? eventsByCk : null;
        if (byCk == null) {
            throw new IllegalArgumentException("not a table with many rows per customer: " + table);
        }
        return byCk.getOrDefault(ck, List.of());
    }

    /** The purchase condition with {@code has=true}. */
    boolean purchase(PurchaseCondition p, long ck, LocalDate asOf) {
        ReferenceCalendar.Span window = ReferenceCalendar.window(p.window(), asOf);
        RowFilter filter = new RowFilter(p.where(), data, asOf);
        boolean byItems = RowFilter.names(p.where(), Catalog.ORDER_ITEMS);
        Set<Object> ids = new HashSet<>();
        long idless = 0;
        double units = 0;
        double revenue = 0;
        for (ReferenceData.Row r : rows(byItems ? Catalog.ORDER_ITEMS : Catalog.ORDERS, ck)) {
            if (!window.contains(day(r.get("order_date"))) || !filter.accepts(f -> purchaseValue(r, byItems, f))) {
                continue;
            }
            if (r.get("order_id") == null) {
                idless++;
            } else {
                ids.add(r.get("order_id"));
            }
            units += number(r.get(byItems ? "quantity" : "units"));
            revenue += number(r.get("revenue"));
        }
        double measure = p.measure() == Measure.ORDERS ? ids.size() + idless
                : p.measure() == Measure.UNITS ? units : revenue;
        return ReferenceValues.compare(p.comparison().op(), p.comparison().values(), measure);
    }

    /** An item row answers its own fields and its order's fields; an order row only its own. */
    private Object purchaseValue(ReferenceData.Row row, boolean itemRow, String field) {
        int dot = field.indexOf('.');
        String table = field.substring(0, dot);
        String column = field.substring(dot + 1);
        if (!itemRow || table.equals(Catalog.ORDER_ITEMS)) {
            return row.get(column);
        }
        ReferenceData.Row order = orderById.get(row.get("order_id"));
        return order == null ? null : order.get(column);
    }

    /** The event condition with {@code did=true}. */
    boolean event(EventCondition e, long ck, LocalDate asOf) {
        ReferenceCalendar.Span window = ReferenceCalendar.window(e.window(), asOf);
        RowFilter filter = new RowFilter(e.where(), data, asOf);
        long count = 0;
        for (ReferenceData.Row r : rows(Catalog.EVENTS, ck)) {
            if (e.event().equals(r.get("event_type")) && window.contains(eventDay(r))
                    && filter.accepts(f -> r.get(f.substring(f.indexOf('.') + 1)))) {
                count++;
            }
        }
        return ReferenceValues.compare(e.comparison().op(), e.comparison().values(), count);
    }

    /** Tries every choice of distinct events for the steps (customers have few events; slow is fine). */
    boolean sequence(SequenceCondition s, long ck, LocalDate asOf) {
        if (s.steps().isEmpty()) {
            return false;
        }
        ReferenceCalendar.Span window = ReferenceCalendar.window(s.window(), asOf);
        List<ReferenceData.Row> events = rows(Catalog.EVENTS, ck);
        List<List<ReferenceData.Row>> candidates = new ArrayList<>();
        for (SequenceCondition.Step step : s.steps()) {
            RowFilter filter = new RowFilter(step.where(), data, asOf);
            List<ReferenceData.Row> matching = new ArrayList<>();
            for (ReferenceData.Row r : events) {
                if (step.event().equals(r.get("event_type")) && r.get("event_time") != null
                        && filter.accepts(f -> r.get(f.substring(f.indexOf('.') + 1)))) {
                    matching.add(r);
                }
            }
            candidates.add(matching);
        }
        for (ReferenceData.Row first : candidates.get(0)) {
            if (window.contains(eventDay(first))
                    && rest(candidates, 1, first, latestLast(s, events, first), new ArrayList<>(List.of(first)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The latest time the last step may have after {@code first}: at most {@code within} later, and not
     * after an event of the {@code without} type that comes strictly after {@code first} (that event
     * would lie strictly between the first and the last step).
     */
    private static long latestLast(SequenceCondition s, List<ReferenceData.Row> events, ReferenceData.Row first) {
        long latest = Long.MAX_VALUE;
        if (s.within() != null) {
            LocalDateTime limit = ReferenceCalendar.plus(ReferenceCalendar.timeOfSeconds(time(first)),
                    s.within().value(), s.within().unit());
            latest = limit.toEpochSecond(ZoneOffset.UTC);
        }
        if (s.without() != null) {
            for (ReferenceData.Row r : events) {
                if (s.without().equals(r.get("event_type")) && r.get("event_time") != null && time(r) > time(first)) {
                    latest = Math.min(latest, time(r));
                }
            }
        }
        return latest;
    }

    /**
     * Whether steps {@code step..} can be matched by events not yet used, at or after {@code previous},
     * no later than {@code latest}. Every later step is later still, so one bound covers them all.
     */
    private boolean rest(List<List<ReferenceData.Row>> candidates, int step, ReferenceData.Row previous, long latest,
                         List<ReferenceData.Row> used) {
        if (time(previous) > latest) {
            return false;
        }
        if (step == candidates.size()) {
            return true;
        }
        for (ReferenceData.Row next : candidates.get(step)) {
            if (time(next) >= time(previous) && time(next) <= latest && used.stream().noneMatch(u -> u == next)) {
                used.add(next);
                boolean found = rest(candidates, step + 1, next, latest, used);
                used.remove(used.size() - 1);
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long time(ReferenceData.Row event) {
        return ((Number) event.get("event_time")).longValue();
    }

    private static LocalDate eventDay(ReferenceData.Row event) {
        Object t = event.get("event_time");
        return t == null ? null : ReferenceCalendar.dayOfSeconds(((Number) t).longValue());
    }

    private static LocalDate day(Object epochDay) {
        return epochDay == null ? null : LocalDate.ofEpochDay(((Number) epochDay).longValue());
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
