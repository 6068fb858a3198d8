package org.segmint.persistence.workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The latest order date and the latest event date in the data, kept in {@code sg_meta} by the derived-data
 * refresh: the default as-of date is the later of the two, and without an index that starts with the date,
 * finding them means reading every order and event (seconds at a million customers), which an as-of lookup
 * must not cost. Only a load changes dated rows and every load ends with the refresh, so the stored values stay
 * true; a workspace that has none yet (written before they were kept) is read by scanning.
 *
 * <p>Each value is an epoch day, or the empty string when the table has no dated row. An append (new rows only)
 * updates it from the new rows; a replace, an upsert (which may delete the latest row) or a full refresh reads the
 * whole table; a load of another table leaves it. The one other writer of dated rows, a group's "record an event"
 * and its undo, calls {@link #update} itself.
 */
public final class LatestDates {
    static final String ORDERS = "latest_order_day";
    static final String EVENTS = "latest_event_day";

    private static final String ORDERS_MAX = "SELECT max(order_date) FROM orders WHERE 1";
    private static final String EVENTS_MAX = "SELECT max(event_time) / 86400 FROM events WHERE 1";

    private LatestDates() {
    }

    /** Brings both stored values up to date after a change of rows described by {@code change}. */
    public static void update(Workspace ws, DataChange change) throws SQLException {
        update(ws, change, "orders", ORDERS, ORDERS_MAX);
        update(ws, change, "events", EVENTS, EVENTS_MAX);
    }

    private static void update(Workspace ws, DataChange change, String table, String key, String max)
            throws SQLException {
        Optional<String> stored = ws.setting(key);
        if (stored.isPresent() && !change.touches(table)) {
            return;
        }
        boolean onlyAdded = stored.isPresent() && !change.isEverything() && !change.rowsDeleted()
                && change.changedKeys().isEmpty();
        Long latest = day(ws.connection(), max + (onlyAdded ? change.newRows(table) : ""));
        if (onlyAdded && !stored.get().isEmpty()) {
            long before = Long.parseLong(stored.get());
            latest = latest == null ? before : Math.max(before, latest);
        }
        ws.setSetting(key, latest == null ? "" : Long.toString(latest));
    }

    /**
     * After events whose latest day is {@code removedLatest} (null: none dated) were deleted: reads the events'
     * latest date again only when the deleted ones may have held it (on or after the stored date), since that
     * read goes through every event.
     */
    public static void eventsRemoved(Workspace ws, Long removedLatest) throws SQLException {
        Optional<String> stored = ws.setting(EVENTS);
        boolean couldBeLatest = stored.isEmpty() || stored.get().isEmpty()
                || (removedLatest != null && removedLatest >= Long.parseLong(stored.get()));
        if (couldBeLatest) {
            update(ws, DataChange.replaced("events", java.util.Set.of()), "events", EVENTS, EVENTS_MAX);
        }
    }

    /** The latest date from the stored values, or empty when neither is stored (the caller scans). */
    static Optional<Optional<LocalDate>> stored(Workspace ws) {
        Optional<String> orders = ws.setting(ORDERS);
        Optional<String> events = ws.setting(EVENTS);
        if (orders.isEmpty() || events.isEmpty()) {
            return Optional.empty();
        }
        Long latest = null;
        for (String v : new String[] {orders.get(), events.get()}) {
            if (!v.isEmpty()) {
                long day = Long.parseLong(v);
                latest = latest == null ? day : Math.max(latest, day);
            }
        }
        return Optional.of(latest == null ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(latest)));
    }

    /** The maximum a query returns as a day, or null when it returns none. */
    static Long day(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            long day = rs.getLong(1);
            return rs.wasNull() ? null : day;
        }
    }
}
