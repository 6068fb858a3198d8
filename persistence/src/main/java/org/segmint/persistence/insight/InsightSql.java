package org.segmint.persistence.insight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.catalog.Field;
import org.segmint.model.segment.DateRange;

/**
 * Readable SQL for each statistic of a summary, with the members' query as a subquery and dates inlined
 * (as stored: days since 1970-01-01, with the calendar date in a comment). For "View SQL" only: the numbers
 * themselves come from the cached per-customer arrays, which compute the same thing.
 */
final class InsightSql {
    /** The members' query for "all customers". */
    static final String ALL_CUSTOMERS = "SELECT ck, customer_id FROM customers";

    private InsightSql() {
    }

    static Map<String, String> of(String membersSql, DateRange window, LocalDate trendFrom, LocalDate asOf,
                                  ReachabilityColumns reach) {
        String members = "o.ck IN (SELECT ck FROM (\n" + indent(membersSql) + "\n))";
        String inWindow = " AND " + between("o.order_date", window.from(), window.to());
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put("customers", "SELECT count(*) AS customers FROM (\n" + indent(membersSql) + "\n)");
        sql.put("activeCustomers", "SELECT count(DISTINCT o.ck) AS active_customers\nFROM orders o\nWHERE "
                + members + inWindow);
        sql.put("revenue12m", "SELECT total(o.revenue) AS revenue_12m\nFROM orders o\nWHERE " + members + inWindow);
        sql.put("revenueTree", "SELECT net_revenue, purchasers,\n"
                + "  net_revenue / nullif(purchasers, 0) AS revenue_per_customer,\n"
                + "  1.0 * orders / nullif(purchasers, 0) AS orders_per_customer,\n"
                + "  net_revenue / nullif(orders, 0) AS average_order_value,\n"
                + "  units / nullif(orders, 0) AS units_per_transaction,\n"
                + "  net_revenue / nullif(units, 0) AS average_unit_revenue\n"
                + "FROM (SELECT total(o.revenue) AS net_revenue, count(DISTINCT o.ck) AS purchasers,\n"
                + "  count(DISTINCT o.order_id) + total(o.order_id IS NULL) AS orders, total(o.units) AS units\n"
                + "  FROM orders o\n  WHERE " + members + inWindow + ")");
        sql.put("monthlyRevenue", "SELECT strftime('%Y-%m', o.order_date * 86400, 'unixepoch') AS month,"
                + " total(o.revenue) AS revenue\nFROM orders o\nWHERE " + members + " AND "
                + between("o.order_date", trendFrom, asOf) + "\nGROUP BY month\nORDER BY month");
        sql.put("reachability", reachabilitySql(membersSql, reach));
        return sql;
    }

    private static String reachabilitySql(String membersSql, ReachabilityColumns reach) {
        List<Field> fields = reach.asList();
        String[] names = {"email_share", "email_opt_in_share", "phone_share", "postal_address_share"};
        StringBuilder sb = new StringBuilder("SELECT");
        for (int i = 0; i < 4; i++) {
            Field f = fields.get(i);
            sb.append(i == 0 ? "\n  " : ",\n  ");
            if (f == null) {
                sb.append("NULL AS ").append(names[i]).append(" /* no such column */");
            } else {
                sb.append("avg(CASE WHEN ").append(ReachabilityFlags.test(f, i == 1, "c."))
                        .append(" THEN 1.0 ELSE 0 END) AS ").append(names[i]);
            }
        }
        sb.append("\nFROM customers c\nWHERE c.ck IN (SELECT ck FROM (\n").append(indent(membersSql)).append("\n))");
        return sb.toString();
    }

    static String between(String column, LocalDate from, LocalDate to) {
        return column + " BETWEEN " + from.toEpochDay() + " AND " + to.toEpochDay() + " /* " + from + " .. " + to
                + " */";
    }

    static String month(YearMonth m) {
        return m.toString();
    }

    private static String indent(String sql) {
        return "  " + sql.strip().replace("\n", "\n  ");
    }
}
