package org.segmint.persistence.workspace;

import java.util.List;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;

/**
 * The standard tables and their required columns. Every customer row has a dense integer key
 * {@code ck} (INTEGER PRIMARY KEY); the user's {@code customer_id} is kept as given, as text. Orders,
 * items and events carry both: {@code ck} is NULL for an orphan (unknown customer). Order items also
 * carry the date of their order so that item windows need no join.
 */
public final class Schema {
    /** Application id written to the SQLite header: "SGMT". */
    public static final int APPLICATION_ID = 0x53474D54;

    /** Columns every workspace has, with their fixed types; imports convert to these types. */
    public static final List<Field> STANDARD_COLUMNS = List.of(
            new Field(Catalog.CUSTOMERS, "customer_id", FieldType.TEXT, "Customer id"),
            new Field(Catalog.ORDERS, "order_id", FieldType.TEXT, "Order id"),
            new Field(Catalog.ORDERS, "customer_id", FieldType.TEXT, "Customer id"),
            new Field(Catalog.ORDERS, "order_date", FieldType.DATE, "Order date"),
            new Field(Catalog.ORDERS, "revenue", FieldType.DECIMAL, "Revenue"),
            new Field(Catalog.ORDERS, "units", FieldType.DECIMAL, "Units"),
            new Field(Catalog.ORDER_ITEMS, "order_id", FieldType.TEXT, "Order id"),
            new Field(Catalog.ORDER_ITEMS, "customer_id", FieldType.TEXT, "Customer id"),
            new Field(Catalog.ORDER_ITEMS, "order_date", FieldType.DATE, "Order date"),
            new Field(Catalog.ORDER_ITEMS, "product_id", FieldType.TEXT, "Product id"),
            new Field(Catalog.ORDER_ITEMS, "quantity", FieldType.DECIMAL, "Quantity"),
            new Field(Catalog.ORDER_ITEMS, "unit_price", FieldType.DECIMAL, "Unit price"),
            new Field(Catalog.ORDER_ITEMS, "revenue", FieldType.DECIMAL, "Line revenue"),
            new Field(Catalog.EVENTS, "customer_id", FieldType.TEXT, "Customer id"),
            new Field(Catalog.EVENTS, "event_type", FieldType.TEXT, "Event type"),
            new Field(Catalog.EVENTS, "event_time", FieldType.DATETIME, "Event time"));

    /** Derived per-customer metrics (table {@code metrics}, one row per customer, keyed by ck). */
    public static final List<Field> METRIC_COLUMNS = List.of(
            new Field(Catalog.METRICS, "first_order_date", FieldType.DATE, "First order date"),
            new Field(Catalog.METRICS, "last_order_date", FieldType.DATE, "Last order date"),
            new Field(Catalog.METRICS, "orders", FieldType.INTEGER, "Orders (lifetime)"),
            new Field(Catalog.METRICS, "revenue", FieldType.DECIMAL, "Revenue (lifetime)"),
            new Field(Catalog.METRICS, "orders_12m", FieldType.INTEGER, "Orders, last 12 months"),
            new Field(Catalog.METRICS, "revenue_12m", FieldType.DECIMAL, "Revenue, last 12 months"),
            new Field(Catalog.METRICS, "aov", FieldType.DECIMAL, "Average order value"),
            new Field(Catalog.METRICS, "days_since_last_order", FieldType.INTEGER, "Days since last order"),
            new Field(Catalog.METRICS, "lifecycle", FieldType.TEXT, "Lifecycle status"));

    /** The standard data tables, in catalog order. */
    public static final List<String> DATA_TABLES =
            List.of(Catalog.CUSTOMERS, Catalog.ORDERS, Catalog.ORDER_ITEMS, Catalog.EVENTS);

    private Schema() {
    }

    public static boolean isStandardColumn(String table, String column) {
        return STANDARD_COLUMNS.stream().anyMatch(f -> f.table().equals(table) && f.column().equals(column))
                || "ck".equals(column);
    }

    /** Migration 1: the first schema. */
    static final List<String> VERSION_1 = List.of(
            "CREATE TABLE sg_meta(key TEXT PRIMARY KEY, value TEXT)",
            "CREATE TABLE sg_columns(table_name TEXT NOT NULL, column_name TEXT NOT NULL, type TEXT NOT NULL,"
                    + " label TEXT, position INTEGER NOT NULL, PRIMARY KEY(table_name, column_name))",
            "CREATE TABLE customers(ck INTEGER PRIMARY KEY, customer_id TEXT NOT NULL UNIQUE)",
            "CREATE TABLE orders(order_id TEXT, ck INTEGER, customer_id TEXT, order_date INTEGER,"
                    + " revenue REAL, units REAL)",
            "CREATE TABLE order_items(order_id TEXT, ck INTEGER, customer_id TEXT, order_date INTEGER,"
                    + " product_id TEXT, quantity REAL, unit_price REAL, revenue REAL)",
            "CREATE TABLE events(ck INTEGER, customer_id TEXT, event_type TEXT, event_time INTEGER)",
            "CREATE TABLE metrics(ck INTEGER PRIMARY KEY, first_order_date INTEGER, last_order_date INTEGER,"
                    + " orders INTEGER, revenue REAL, orders_12m INTEGER, revenue_12m REAL, aov REAL,"
                    + " days_since_last_order INTEGER, lifecycle TEXT)",
            "CREATE TABLE sg_segments(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL"
                    + " DEFAULT '', folder TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'draft',"
                    + " definition TEXT NOT NULL, extra TEXT, pinned INTEGER NOT NULL DEFAULT 0,"
                    + " created_at TEXT NOT NULL, updated_at TEXT NOT NULL, last_count INTEGER,"
                    + " last_counted_at TEXT)",
            "CREATE TABLE sg_lists(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, match_on TEXT NOT NULL,"
                    + " created_at TEXT NOT NULL)",
            "CREATE TABLE sg_list_members(list_id INTEGER NOT NULL REFERENCES sg_lists(id) ON DELETE CASCADE,"
                    + " value TEXT NOT NULL, PRIMARY KEY(list_id, value)) WITHOUT ROWID",
            "CREATE TABLE sg_groups(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,"
                    + " definition TEXT, schedule TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
            "CREATE TABLE sg_group_members(group_id INTEGER NOT NULL REFERENCES sg_groups(id) ON DELETE CASCADE,"
                    + " customer_id TEXT NOT NULL, PRIMARY KEY(group_id, customer_id)) WITHOUT ROWID",
            "CREATE TABLE sg_models(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, definition TEXT NOT NULL,"
                    + " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)");

    /** Migration 2: the icon a pinned segment shows (a {@code SegmentIcon} key; NULL is the default star). */
    static final List<String> SEGMENT_ICONS = List.of("ALTER TABLE sg_segments ADD COLUMN icon TEXT");

    /**
     * Migration 3: the history of saved segments. Every saved state of a segment is a version (1, 2, ...; the
     * newest is the current one) with who saved it and when, and the customer count made while it was current.
     * Existing segments start with their current state as version 1.
     */
    static final List<String> SEGMENT_HISTORY = List.of(
            "CREATE TABLE sg_segment_versions(id INTEGER PRIMARY KEY,"
                    + " segment_id INTEGER NOT NULL REFERENCES sg_segments(id) ON DELETE CASCADE,"
                    + " version INTEGER NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',"
                    + " folder TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'draft', definition TEXT NOT NULL,"
                    + " extra TEXT, saved_at TEXT NOT NULL, saved_by TEXT NOT NULL DEFAULT '', note TEXT NOT NULL"
                    + " DEFAULT '', customers INTEGER, counted_at TEXT, UNIQUE(segment_id, version))",
            "INSERT INTO sg_segment_versions(segment_id, version, name, description, folder, status, definition,"
                    + " extra, saved_at, saved_by, customers, counted_at) SELECT id, 1, name, description, folder,"
                    + " status, definition, extra, updated_at, '', last_count, last_counted_at FROM sg_segments");

    /**
     * Migration 4: groups get a folder, a description and their last recalculation (time, as-of, error); each
     * recalculation of a smart group is a history row; priority clusters; batch operations with what they
     * changed, so that the last one can be undone.
     */
    static final List<String> GROUPS = List.of(
            "ALTER TABLE sg_groups ADD COLUMN folder TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE sg_groups ADD COLUMN description TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE sg_groups ADD COLUMN recalculated_at TEXT",
            "ALTER TABLE sg_groups ADD COLUMN recalculated_as_of TEXT",
            "ALTER TABLE sg_groups ADD COLUMN error TEXT",
            "CREATE TABLE sg_group_history(id INTEGER PRIMARY KEY, group_id INTEGER NOT NULL REFERENCES"
                    + " sg_groups(id) ON DELETE CASCADE, at TEXT NOT NULL, as_of TEXT NOT NULL, total INTEGER NOT"
                    + " NULL, joined INTEGER NOT NULL, left_count INTEGER NOT NULL)",
            "CREATE INDEX sg_group_history_by_group ON sg_group_history(group_id, id)",
            "CREATE TABLE sg_clusters(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, definition TEXT NOT NULL,"
                    + " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
            "CREATE TABLE sg_batches(id INTEGER PRIMARY KEY, group_name TEXT NOT NULL, operation TEXT NOT NULL,"
                    + " description TEXT NOT NULL, details TEXT, customers INTEGER NOT NULL, changed INTEGER NOT NULL,"
                    + " at TEXT NOT NULL, undone_at TEXT)",
            // old_value has no declared type, so SQLite keeps each value exactly as it was (NULL, '', 12, 12.0, text)
            "CREATE TABLE sg_batch_changes(batch_id INTEGER NOT NULL REFERENCES sg_batches(id) ON DELETE CASCADE,"
                    + " customer_id TEXT NOT NULL, old_value, row_id INTEGER, PRIMARY KEY(batch_id, customer_id))"
                    + " WITHOUT ROWID");

    /**
     * Migration 5: the member keys of a group as of its last recalculation (a serialized RoaringBitmap) and the data
     * version they belong to, so that the next recalculation compares with them without joining every stored
     * customer id with the customers again. Valid only while the data version is the same; any other change of the
     * members clears them.
     */
    static final List<String> GROUP_KEYS = List.of(
            "ALTER TABLE sg_groups ADD COLUMN member_keys BLOB",
            "ALTER TABLE sg_groups ADD COLUMN member_keys_version INTEGER");
}
