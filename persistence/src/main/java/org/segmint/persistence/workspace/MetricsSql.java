package org.segmint.persistence.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.segmint.model.segment.DateRange;
import org.segmint.model.segment.TimeUnit;

/**
 * The SQL that computes the derived per-customer metrics ({@link Schema#METRIC_COLUMNS}) as of a date.
 * The workspace's {@code metrics} table is filled with it for the workspace's as-of date; the engine uses
 * the same statement to compute the metrics for another as-of date into a temporary table, so both
 * always agree.
 *
 * <p>Only orders with a date on or before the as-of date count; orders without a date or without a
 * known customer never count. "Orders" is the number of distinct order ids, an order row without an id
 * counting as one order of its own. The 12-month window is the 12 calendar months ending with the
 * as-of date, both ends included ({@link DateRange#last}).
 *
 * <p>Lifecycle: {@code prospect} for a customer without orders; otherwise the days since the last order
 * are compared to the customer's own rhythm, the average gap between distinct order dates, clamped to
 * {@value #MIN_GAP_DAYS}..{@value #MAX_GAP_DAYS} days ({@value #DEFAULT_GAP_DAYS} days for a customer
 * who bought on one day only): up to {@value #ACTIVE_GAPS} gaps {@code active}, up to
 * {@value #COOLING_GAPS} gaps {@code cooling down}, up to {@value #AT_RISK_GAPS} gaps {@code at risk},
 * beyond that {@code lapsed}. Every bound is inclusive.
 */
public final class MetricsSql {
    /** The assumed gap for a customer who bought on one day only. */
    public static final int DEFAULT_GAP_DAYS = 90;
    public static final int MIN_GAP_DAYS = 7;
    public static final int MAX_GAP_DAYS = 365;
    public static final double ACTIVE_GAPS = 1.5;
    public static final double COOLING_GAPS = 3.0;
    public static final double AT_RISK_GAPS = 4.0;

    public static final String PROSPECT = "prospect";
    public static final String ACTIVE = "active";
    public static final String COOLING_DOWN = "cooling down";
    public static final String AT_RISK = "at risk";
    public static final String LAPSED = "lapsed";

    /** Column list of the metrics table, in {@link Schema#METRIC_COLUMNS} order, after {@code ck}. */
    public static final String COLUMNS = "ck, first_order_date, last_order_date, orders, revenue, orders_12m,"
            + " revenue_12m, aov, days_since_last_order, lifecycle";

    /** Column definitions of a table that holds metrics (the {@code metrics} table has the same). */
    public static final String COLUMN_DEFINITIONS = "ck INTEGER PRIMARY KEY, first_order_date INTEGER,"
            + " last_order_date INTEGER, orders INTEGER, revenue REAL, orders_12m INTEGER, revenue_12m REAL,"
            + " aov REAL, days_since_last_order INTEGER, lifecycle TEXT";

    /*
     * ?1 = as-of (epoch day), ?2 = first day of the 12-month window (epoch day). Orders are aggregated
     * per customer first (the covering index on orders(ck, order_date, ...) gives them in ck order),
     * then joined to every customer so prospects get a row too.
     */
    private static final String SELECT = select(null);

    /** The SELECT, for every customer or only for the keys in the one-column table {@code keys}. */
    private static String select(String keys) {
        String onlyCustomers = keys == null ? "" : " WHERE c.ck IN (SELECT ck FROM " + keys + ")";
        String onlyOrders = keys == null ? "" : " AND ck IN (SELECT ck FROM " + keys + ")";
        return "SELECT c.ck, a.f, a.l, coalesce(a.n, 0), coalesce(a.rev, 0.0),"
            + " coalesce(a.n12, 0), coalesce(a.rev12, 0.0),"
            + " CASE WHEN a.n > 0 THEN a.rev / a.n END,"
            + " ?1 - a.l,"
            + " CASE WHEN a.ck IS NULL THEN '" + PROSPECT + "'"
            + " WHEN ?1 - a.l <= " + ACTIVE_GAPS + " * a.gap THEN '" + ACTIVE + "'"
            + " WHEN ?1 - a.l <= " + COOLING_GAPS + " * a.gap THEN '" + COOLING_DOWN + "'"
            + " WHEN ?1 - a.l <= " + AT_RISK_GAPS + " * a.gap THEN '" + AT_RISK + "'"
            + " ELSE '" + LAPSED + "' END"
            + " FROM customers c LEFT JOIN ("
            + "SELECT ck, f, l, n, rev, n12, rev12,"
            + " CASE WHEN d < 2 THEN " + DEFAULT_GAP_DAYS + ".0"
            + " ELSE min(" + MAX_GAP_DAYS + ".0, max(" + MIN_GAP_DAYS + ".0, (l - f) * 1.0 / (d - 1))) END AS gap"
            + " FROM (SELECT ck, min(order_date) AS f, max(order_date) AS l,"
            + " count(DISTINCT order_id) + sum(order_id IS NULL) AS n, total(revenue) AS rev,"
            + " count(DISTINCT CASE WHEN order_date >= ?2 THEN order_id END)"
            + " + sum(order_id IS NULL AND order_date >= ?2) AS n12,"
            + " total(CASE WHEN order_date >= ?2 THEN revenue END) AS rev12,"
            + " count(DISTINCT order_date) AS d"
            + " FROM orders WHERE ck IS NOT NULL AND order_date <= ?1" + onlyOrders + " GROUP BY ck)"
            + ") a ON a.ck = c.ck" + onlyCustomers;
    }

    private MetricsSql() {
    }

    /**
     * A SELECT returning one row per customer with the columns of {@link #COLUMNS}; bind it with
     * {@link #bind(PreparedStatement, LocalDate)}.
     */
    public static String select() {
        return SELECT;
    }

    /** Binds the as-of date of {@link #select()} (and statements that embed it). */
    public static void bind(PreparedStatement statement, LocalDate asOf) throws SQLException {
        statement.setLong(1, asOf.toEpochDay());
        statement.setLong(2, windowStart(asOf).toEpochDay());
    }

    /** The first day of the 12-month window ending with {@code asOf}. */
    public static LocalDate windowStart(LocalDate asOf) {
        return DateRange.last(12, TimeUnit.MONTHS, asOf).from();
    }

    /** {@code INSERT INTO table(COLUMNS) SELECT ...}; the table name is quoted here. */
    public static String insertInto(String table) {
        return "INSERT INTO " + Identifiers.quote(table) + "(" + COLUMNS + ") " + SELECT;
    }

    /**
     * Creates (or empties) a temporary table {@code name} with the metrics columns and fills it with the
     * metrics as of {@code asOf}. Returns the number of rows (customers).
     */
    public static int fillTemporaryTable(Connection connection, String name, LocalDate asOf) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS temp." + Identifiers.quote(name));
            st.execute("CREATE TEMP TABLE " + Identifiers.quote(name) + "(" + COLUMN_DEFINITIONS + ")");
        }
        return fill(connection, name, asOf);
    }

    /**
     * Replaces the metrics rows of the customers whose keys are in the one-column table {@code keys} (an import
     * that changed only their orders): their rows are deleted, and recomputed for those still customers.
     */
    public static int refill(Connection connection, String table, String keys, LocalDate asOf) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM " + Identifiers.quote(table) + " WHERE ck IN (SELECT ck FROM " + keys + ")");
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + Identifiers.quote(table) + "("
                + COLUMNS + ") " + select(keys))) {
            bind(ps, asOf);
            return ps.executeUpdate();
        }
    }

    /** Inserts the metrics as of {@code asOf} into an existing, empty table with the metrics columns. */
    public static int fill(Connection connection, String table, LocalDate asOf) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(insertInto(table))) {
            bind(ps, asOf);
            return ps.executeUpdate();
        }
    }
}
