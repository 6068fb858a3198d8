package org.segmint.persistence.columns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.MetricsSql;

/**
 * The derived metrics as of a date, computed from the order rows exactly as {@link MetricsSql} defines them
 * (same rules, same summation): for as-of dates other than the one the workspace's {@code metrics} table was
 * computed for.
 */
public final class MetricColumns {
    private static final String[] LIFECYCLES = {MetricsSql.PROSPECT, MetricsSql.ACTIVE, MetricsSql.COOLING_DOWN,
        MetricsSql.AT_RISK, MetricsSql.LAPSED};

    private final Map<String, Column> columns;

    private MetricColumns(Map<String, Column> columns) {
        this.columns = columns;
    }

    /** The column of metric {@code name} ({@code revenue_12m}, {@code lifecycle}, ...), or null. */
    public Column column(String name) {
        return columns.get(name);
    }

    static MetricColumns compute(PurchaseRows rows, CustomerKeys keys, LocalDate asOf) {
        int size = keys.size();
        long asOfDay = asOf.toEpochDay();
        long start12 = MetricsSql.windowStart(asOf).toEpochDay();
        double[] first = nan(size);
        double[] last = nan(size);
        double[] orders = nan(size);
        double[] revenue = nan(size);
        double[] orders12 = nan(size);
        double[] revenue12 = nan(size);
        double[] aov = nan(size);
        double[] since = nan(size);
        int[] lifecycle = new int[size];
        Arrays.fill(lifecycle, TextColumn.NULL);
        int[] seen = new int[Math.max(1, rows.mostOrders())];
        int[] seen12 = new int[seen.length];
        int stamp = 0;
        Kbn rev = new Kbn();
        Kbn rev12 = new Kbn();
        RowLayout layout = rows.layout();
        int[] day = rows.day();
        int[] order = rows.order();
        double[] amounts = rows.revenue();
        for (var it = keys.all().getIntIterator(); it.hasNext(); ) {
            int ck = it.next();
            // Every customer has a row in the metrics table: prospects get zeros and 'prospect'.
            orders[ck] = 0;
            revenue[ck] = 0;
            orders12[ck] = 0;
            revenue12[ck] = 0;
            lifecycle[ck] = 0;
            if (ck >= layout.keys()) {
                continue;
            }
            stamp++;
            rev.clear();
            rev12.clear();
            long n = 0;
            long n12 = 0;
            long f = Long.MAX_VALUE;
            long l = Long.MIN_VALUE;
            long distinctDays = 0;
            long previousDay = Long.MIN_VALUE;
            boolean any = false;
            for (int p = layout.from(ck); p < layout.to(ck); p++) {
                int d = day[p];
                if (d == PurchaseRows.NO_DATE || d > asOfDay) {
                    continue;
                }
                any = true;
                f = Math.min(f, d);
                l = Math.max(l, d);
                if (d != previousDay) {
                    distinctDays++;
                    previousDay = d;
                }
                rev.add(amounts[p]);
                boolean recent = d >= start12;
                if (recent) {
                    rev12.add(amounts[p]);
                }
                int o = order[p];
                if (o == PurchaseRows.NO_ID) {
                    n++;
                    n12 += recent ? 1 : 0;
                } else {
                    if (seen[o] != stamp) {
                        seen[o] = stamp;
                        n++;
                    }
                    if (recent && seen12[o] != stamp) {
                        seen12[o] = stamp;
                        n12++;
                    }
                }
            }
            if (!any) {
                continue;
            }
            double gap = distinctDays < 2 ? MetricsSql.DEFAULT_GAP_DAYS
                    : Math.min(MetricsSql.MAX_GAP_DAYS, Math.max(MetricsSql.MIN_GAP_DAYS, (l - f) * 1.0 / (distinctDays - 1)));
            long days = asOfDay - l;
            first[ck] = f;
            last[ck] = l;
            orders[ck] = n;
            revenue[ck] = rev.value();
            orders12[ck] = n12;
            revenue12[ck] = rev12.value();
            aov[ck] = n > 0 ? revenue[ck] / n : Double.NaN;
            since[ck] = days;
            lifecycle[ck] = days <= MetricsSql.ACTIVE_GAPS * gap ? 1 : days <= MetricsSql.COOLING_GAPS * gap ? 2
                    : days <= MetricsSql.AT_RISK_GAPS * gap ? 3 : 4;
        }
        return new MetricColumns(Map.of("first_order_date", new NumberColumn(first),
                "last_order_date", new NumberColumn(last), "orders", new NumberColumn(orders),
                "revenue", new NumberColumn(revenue), "orders_12m", new NumberColumn(orders12),
                "revenue_12m", new NumberColumn(revenue12), "aov", new NumberColumn(aov),
                "days_since_last_order", new NumberColumn(since),
                "lifecycle", new TextColumn(lifecycle, LIFECYCLES.clone())));
    }

    /**
     * Inserts one row per customer key into the metrics table {@code table}, with the values and storage
     * classes {@link MetricsSql#fill} would give them (whole numbers as integers, sums as reals, NULL where
     * there is no value).
     */
    void insertInto(Connection c, String table, CustomerKeys keys) throws SQLException {
        String[] names = MetricsSql.COLUMNS.split(",\\s*");
        String row = "(?" + ", ?".repeat(names.length - 1) + ")";
        String insert = "INSERT INTO " + Identifiers.quote(table) + "(" + MetricsSql.COLUMNS + ") VALUES ";
        // Many customers a statement: SQLite's cost per statement is paid once for all of them.
        try (PreparedStatement many = c.prepareStatement(insert + row + (", " + row).repeat(ROWS - 1));
             PreparedStatement one = c.prepareStatement(insert + row)) {
            int[] left = new int[ROWS];
            int pending = 0;
            for (var it = keys.all().getIntIterator(); it.hasNext(); ) {
                left[pending] = it.next();
                if (++pending == ROWS) {
                    for (int r = 0; r < ROWS; r++) {
                        bind(many, r * names.length, left[r], names);
                    }
                    many.executeUpdate();
                    pending = 0;
                }
            }
            for (int r = 0; r < pending; r++) {
                bind(one, 0, left[r], names);
                one.executeUpdate();
            }
        }
    }

    /** Binds customer {@code ck}'s metrics to the parameters after {@code offset}. */
    private void bind(PreparedStatement ps, int offset, int ck, String[] names) throws SQLException {
        ps.setInt(offset + 1, ck);
        for (int i = 1; i < names.length; i++) {
            Column column = columns.get(names[i]);
            int at = offset + i + 1;
            if (column instanceof TextColumn text) {
                int code = text.codes()[ck];
                ps.setString(at, code == TextColumn.NULL ? null : text.dictionary()[code]);
                continue;
            }
            double v = ((NumberColumn) column).values()[ck];
            if (Double.isNaN(v)) {
                ps.setNull(at, Types.NULL);
            } else if (REAL.contains(names[i])) {
                ps.setDouble(at, v);
            } else {
                ps.setLong(at, (long) v);
            }
        }
    }

    private static final int ROWS = 64;
    /** The metrics that are sums or averages (SQL {@code REAL}); the others are whole numbers or text. */
    private static final java.util.Set<String> REAL = java.util.Set.of("revenue", "revenue_12m", "aov");

    private static double[] nan(int size) {
        double[] a = new double[size];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
