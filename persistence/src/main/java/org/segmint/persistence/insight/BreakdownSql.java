package org.segmint.persistence.insight;

import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.members.PerCustomer;

/**
 * "View SQL" of one breakdown chart: the members' values of the attribute grouped into the chart's buckets, with
 * customers, purchasers and revenue in the date range per bucket; one statement that runs in the {@code sqlite3}
 * shell. For reading only: Segmint tallies per-customer arrays in memory (see {@link Breakdowns}) and folds the
 * categories beyond the top N into "Other" there.
 */
public final class BreakdownSql {
    private BreakdownSql() {
    }

    /** @param membersSql the members' query (selecting {@code ck}) */
    public static String of(Breakdown b, Field field, String membersSql) {
        String bucket;
        switch (b.kind()) {
            case HISTOGRAM: {
                Breakdown.Bucket first = b.buckets().stream().filter(x -> x.low() != null).findFirst().orElse(null);
                double step = first == null ? 1 : first.high() - first.low();
                double start = first == null ? 0 : first.low();
                bucket = "CASE WHEN v.value IS NULL OR v.value = '' THEN NULL ELSE " + start + " + " + step
                        + " * floor((v.value - " + start + ") / " + step + ") END";
                break;
            }
            case MONTHS:
                String days = field.type() == FieldType.DATETIME ? "v.value" : "v.value * 86400";
                bucket = "strftime('%Y-%m', " + days + ", 'unixepoch')";
                break;
            default:
                bucket = field.type() == FieldType.BOOLEAN
                        ? "CASE v.value WHEN 1 THEN 'true' WHEN 0 THEN 'false' END" : "nullif(v.value, '')";
        }
        String range = b.range().from() == null && b.range().to() == null ? "1"
                : (b.range().from() == null ? "" : "order_date >= " + b.range().from().toEpochDay() + " /* "
                + b.range().from() + " */") + (b.range().from() != null && b.range().to() != null ? " AND " : "")
                + (b.range().to() == null ? "" : "order_date <= " + b.range().to().toEpochDay() + " /* "
                + b.range().to() + " */");
        return "WITH v(ck, value) AS (" + PerCustomer.select(field) + "),\n"
                + "  p AS (SELECT ck, total(revenue) AS revenue FROM orders WHERE " + range + " GROUP BY ck)\n"
                + "SELECT coalesce(" + bucket + ", '(empty)') AS bucket, count(*) AS customers,\n"
                + "  count(p.ck) AS purchasers, total(p.revenue) AS revenue\n"
                + "FROM (SELECT ck FROM (\n  " + membersSql.strip().replace("\n", "\n  ") + "\n)) m\n"
                + "LEFT JOIN v ON v.ck = m.ck\nLEFT JOIN p ON p.ck = m.ck\n"
                + "GROUP BY bucket\nORDER BY customers DESC";
    }
}
