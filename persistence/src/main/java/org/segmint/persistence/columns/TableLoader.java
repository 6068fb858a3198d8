package org.segmint.persistence.columns;

import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.workspace.Identifiers;

/**
 * Reads tables into columns. Tables with many rows per customer are read in their own (rowid) order with
 * {@code NOT INDEXED}, so that every pass over a table meets the rows in the same order, then sorted by
 * customer key and date or time ({@link RowLayout#sort}); later passes put each value straight into its
 * sorted place.
 */
final class TableLoader {
    /** What the temporal expression returns for an empty value and for a value that is not a whole number. */
    static final long SQL_EMPTY = -9_223_372_036_854_775_806L;
    static final long SQL_ODD = -9_223_372_036_854_775_807L;

    private TableLoader() {
    }

    /** {@code x} as a whole number, or one of the two markers above. */
    static String whole(String column) {
        String x = Identifiers.quote(column);
        return "CASE WHEN typeof(" + x + ") = 'integer' THEN " + x
                + " WHEN typeof(" + x + ") = 'real' AND " + x + " = CAST(" + x + " AS INTEGER) THEN CAST(" + x
                + " AS INTEGER) WHEN " + x + " IS NULL OR " + x + " = '' THEN " + SQL_EMPTY + " ELSE " + SQL_ODD
                + " END";
    }

    /** The rows of a table that belong to customer keys 0 .. size - 1, in the table's order. */
    static String rows(String table, String columns, int size) {
        return "SELECT " + columns + " FROM " + Identifiers.quote(table) + " NOT INDEXED WHERE ck BETWEEN 0 AND "
                + (size - 1);
    }

    /** First pass over a table: customer keys and the sort key (a date or time column). */
    static RowLayout.Sorted layout(ColumnReader reader, String table, String keyColumn, int size) {
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8,
                Math.max(16, reader.number("SELECT max(rowid) FROM " + Identifiers.quote(table), 16)));
        int[][] cks = {new int[capacity]};
        long[][] keys = {new long[capacity]};
        int n = reader.scan(rows(table, "ck, " + whole(keyColumn), size), (rs, i) -> {
            if (i == cks[0].length) {
                cks[0] = Arrays.copyOf(cks[0], i + i / 2 + 16);
                keys[0] = Arrays.copyOf(keys[0], cks[0].length);
            }
            cks[0][i] = rs.getInt(1);
            keys[0][i] = rs.getLong(2);
        });
        return RowLayout.sort(cks[0], keys[0], n, size);
    }

    /** Rows read from a table, with each row's sorted position (for storing, and for later columns). */
    record Built<T>(T rows, int[] position) {
    }

    static Built<PurchaseRows> purchases(ColumnReader reader, String table, boolean items, int size) {
        RowLayout.Sorted sorted = layout(reader, table, "order_date", size);
        int n = sorted.layout().rows();
        int[] position = sorted.position();
        PurchaseValues values = new PurchaseValues(n);
        String amountColumn = items ? "quantity" : "units";
        reader.scan(rows(table, whole("order_date") + ", revenue, " + amountColumn + ", order_id", size), (rs, i) -> {
            String id = rs.getString(4);
            values.set(position[i], rs.getLong(1), rs.getDouble(2), rs.getDouble(3), id != null,
                    id == null ? 0 : hash(id));
        });
        return values.rows(sorted);
    }

    /** The values of purchase rows put in their sorted places, then numbered into {@link PurchaseRows}. */
    static final class PurchaseValues {
        private final int[] day;
        private final double[] revenue;
        private final double[] amount;
        private final long[] idHash;
        private final boolean[] hasId;
        /** Set to false only, from any thread filling its own places; read after they are done. */
        private volatile boolean regular = true;

        PurchaseValues(int n) {
            day = new int[n];
            revenue = new double[n];
            amount = new double[n];
            idHash = new long[n];
            hasId = new boolean[n];
        }

        /** One row at sorted place {@code p}; {@code date} as {@link #whole} reads it. */
        void set(int p, long date, double rowRevenue, double rowAmount, boolean withId, long hashOfId) {
            if (date == SQL_EMPTY) {
                day[p] = PurchaseRows.NO_DATE;
            } else if (date == SQL_ODD || date <= Integer.MIN_VALUE || date > Integer.MAX_VALUE) {
                day[p] = PurchaseRows.NO_DATE;
                regular = false;
            } else {
                day[p] = (int) date;
            }
            revenue[p] = rowRevenue;
            amount[p] = rowAmount;
            hasId[p] = withId;
            idHash[p] = hashOfId;
        }

        /** The order id hashes by sorted place (0 where {@link #hasId} is false). */
        long[] idHash() {
            return idHash;
        }

        boolean[] hasId() {
            return hasId;
        }

        Built<PurchaseRows> rows(RowLayout.Sorted sorted) {
            int[] order = new int[day.length];
            int most = ordinals(sorted.layout(), idHash, hasId, order);
            return new Built<>(new PurchaseRows(sorted.layout(), day, revenue, amount, order, most, regular),
                    sorted.position());
        }
    }

    static Built<EventRows> events(ColumnReader reader, int size) {
        RowLayout.Sorted sorted = layout(reader, "events", "event_time", size);
        int n = sorted.layout().rows();
        int[] position = sorted.position();
        long[] time = new long[n];
        int[] type = new int[n];
        Map<String, Integer> codes = new HashMap<>();
        boolean[] regular = {true};
        reader.scan(rows("events", whole("event_time") + ", event_type", size), (rs, i) -> {
            int p = position[i];
            long t = rs.getLong(1);
            if (t == SQL_EMPTY) {
                time[p] = EventRows.NO_TIME;
            } else if (t == SQL_ODD) {
                time[p] = EventRows.NO_TIME;
                regular[0] = false;
            } else {
                time[p] = t;
            }
            String ty = rs.getString(2);
            type[p] = ty == null ? TextColumn.NULL : codes.computeIfAbsent(ty, k -> codes.size());
        });
        String[] types = new String[codes.size()];
        codes.forEach((t, c) -> types[c] = t);
        return new Built<>(new EventRows(sorted.layout(), type, types, time, regular[0]), position);
    }

    /** One column of a table with many rows per customer, in the sorted order of {@code sorted}. */
    static Column rowColumn(ColumnReader reader, Field field, int[] position, int rows, int size) {
        String sql = rows(field.table(), Identifiers.quote(field.column()), size);
        if (field.type() == FieldType.TEXT) {
            int[] codes = new int[rows];
            Dictionary dictionary = new Dictionary();
            reader.scan(sql, (rs, i) -> codes[position[i]] = dictionary.code(rs.getString(1)));
            return new TextColumn(codes, dictionary.texts());
        }
        double[] values = new double[rows];
        reader.scan(sql, (rs, i) -> values[position[i]] = NumberColumn.of(rs.getObject(1)));
        return new NumberColumn(values);
    }

    /** One column of a table with one row per customer key ({@code customers}, {@code metrics}). */
    static Column keyedColumn(ColumnReader reader, Field field, int size) {
        String sql = "SELECT ck, " + Identifiers.quote(field.column()) + " FROM " + Identifiers.quote(field.table())
                + " WHERE ck BETWEEN 0 AND " + (size - 1);
        if (field.type() == FieldType.TEXT) {
            int[] codes = new int[size];
            Arrays.fill(codes, TextColumn.NULL);
            Dictionary dictionary = new Dictionary();
            reader.scan(sql, (rs, i) -> codes[rs.getInt(1)] = dictionary.code(rs.getString(2)));
            return new TextColumn(codes, dictionary.texts());
        }
        double[] values = new double[size];
        Arrays.fill(values, Double.NaN);
        reader.scan(sql, (rs, i) -> values[rs.getInt(1)] = NumberColumn.of(rs.getObject(2)));
        return new NumberColumn(values);
    }

    /**
     * Numbers each customer's distinct order ids 0, 1, ... (rows without an id get {@link PurchaseRows#NO_ID}).
     * Ids are compared by a 64-bit hash of their text; returns the most distinct ids of one customer.
     */
    private static int ordinals(RowLayout layout, long[] idHash, boolean[] hasId, int[] order) {
        int most = 0;
        long[] seen = new long[16];
        Map<Long, Integer> many = new HashMap<>();
        for (int k = 0; k < layout.keys(); k++) {
            int from = layout.from(k);
            int to = layout.to(k);
            int distinct = 0;
            boolean big = to - from > 32;
            if (big) {
                many.clear();
            }
            for (int p = from; p < to; p++) {
                if (!hasId[p]) {
                    order[p] = PurchaseRows.NO_ID;
                    continue;
                }
                long h = idHash[p];
                int found = -1;
                if (big) {
                    Integer o = many.get(h);
                    found = o == null ? -1 : o;
                } else {
                    for (int s = 0; s < distinct; s++) {
                        if (seen[s] == h) {
                            found = s;
                            break;
                        }
                    }
                }
                if (found < 0) {
                    found = distinct++;
                    if (big) {
                        many.put(h, found);
                    } else {
                        if (found == seen.length) {
                            seen = Arrays.copyOf(seen, seen.length * 2);
                        }
                        seen[found] = h;
                    }
                }
                order[p] = found;
            }
            most = Math.max(most, distinct);
        }
        return most;
    }

    /**
     * A 64-bit hash of a text (every character mixed in, then avalanched): two different order ids of one
     * customer share it with a probability of about 2^-64.
     */
    static long hash(String s) {
        long h = 0x9E3779B97F4A7C15L ^ s.length();
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
            h ^= h >>> 29;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** Texts to codes, in order of first appearance. */
    static final class Dictionary {
        private final Map<String, Integer> codes = new HashMap<>();

        int code(String text) {
            if (text == null) {
                return TextColumn.NULL;
            }
            Integer c = codes.get(text);
            if (c == null) {
                c = codes.size();
                codes.put(text, c);
            }
            return c;
        }

        String[] texts() {
            String[] texts = new String[codes.size()];
            codes.forEach((t, c) -> texts[c] = t);
            return texts;
        }
    }
}
