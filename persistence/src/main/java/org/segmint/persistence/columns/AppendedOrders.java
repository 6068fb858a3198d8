package org.segmint.persistence.columns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order columns after an append, made from the columns before it and the appended rows an import collected
 * ({@link PurchaseCapture}), instead of reading every order back from the table: each customer's run of rows is
 * the old run and the new rows merged by date, the old rows first among equal dates (they have the lower row
 * numbers, and the rows are sorted by date and then by their order in the table). The result is exactly what
 * {@link TableLoader#purchases} reads from the table after the append: values, sorted places, row positions and
 * order numbers.
 *
 * <p>Order numbers count a customer's distinct order ids, which only the table knows for the rows already there:
 * the customers the append touched have their old rows' ids read back ({@link OldRun}, one pass over the table in
 * SQL); every other customer keeps its numbers (they are its ids' first appearances, so numbering them again
 * gives the same).
 */
final class AppendedOrders {
    private AppendedOrders() {
    }

    /** A touched customer's old rows in their sorted order: the order id hash and presence of each. */
    record OldRun(long[] idHash, boolean[] hasId) {
    }

    /** One old row of a touched customer as read back: its date (as {@link TableLoader#whole}) and order id. */
    record OldRow(long date, String orderId) {
    }

    /**
     * Puts the old rows of each touched customer (as read back in table order) in their sorted order, checked
     * against the old columns; null when they do not match (the caller then reads the table).
     */
    static Map<Integer, OldRun> oldRuns(int[] touched, Map<Integer, List<OldRow>> read, PurchaseRows old) {
        Map<Integer, OldRun> runs = new HashMap<>();
        int[] day = old.day();
        RowLayout layout = old.layout();
        for (int k : touched) {
            List<OldRow> rows = new ArrayList<>(read.getOrDefault(k, List.of()));
            // Stable: rows of one date keep their table order, as the sort of the columns keeps it.
            rows.sort((a, b) -> Long.compare(a.date(), b.date()));
            int from = k < layout.keys() ? layout.from(k) : 0;
            if (rows.size() != count(layout, k)) {
                return null;
            }
            long[] hashes = new long[rows.size()];
            boolean[] present = new boolean[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                OldRow r = rows.get(i);
                if (sortKey(day[from + i]) != r.date()) {
                    return null;
                }
                present[i] = r.orderId() != null;
                hashes[i] = r.orderId() == null ? 0 : TableLoader.hash(r.orderId());
            }
            runs.put(k, new OldRun(hashes, present));
        }
        return runs;
    }

    /**
     * The merged columns: {@code old} with its row positions {@code oldPosition}, and the appended rows
     * {@code added} (sorted by the capture, with {@code addedValues} holding their order id hashes), for
     * {@code keys} customer keys; {@code oldRuns} has every customer with appended rows.
     */
    static TableLoader.Built<PurchaseRows> merge(PurchaseRows old, int[] oldPosition,
                                                 TableLoader.Built<PurchaseRows> added,
                                                 TableLoader.PurchaseValues addedValues, Map<Integer, OldRun> oldRuns,
                                                 int keys) {
        RowLayout oldLayout = old.layout();
        RowLayout newLayout = added.rows().layout();
        int oldRows = oldLayout.rows();
        int newRows = newLayout.rows();
        int[] start = new int[keys + 1];
        for (int k = 0; k < keys; k++) {
            start[k + 1] = start[k] + count(oldLayout, k) + count(newLayout, k);
        }
        int total = oldRows + newRows;
        TableLoader.PurchaseValues values = new TableLoader.PurchaseValues(total);
        int[] oldToMerged = new int[oldRows];
        int[] newToMerged = new int[newRows];
        int[] oldDay = old.day();
        double[] oldRevenue = old.revenue();
        double[] oldAmount = old.amount();
        int[] oldOrder = old.order();
        PurchaseRows fresh = added.rows();
        int[] newDay = fresh.day();
        double[] newRevenue = fresh.revenue();
        double[] newAmount = fresh.amount();
        long[] newHash = addedValues.idHash();
        boolean[] newHasId = addedValues.hasId();
        for (int k = 0; k < keys; k++) {
            int o = k < oldLayout.keys() ? oldLayout.from(k) : 0;
            int oEnd = o + count(oldLayout, k);
            int n = k < newLayout.keys() ? newLayout.from(k) : 0;
            int nEnd = n + count(newLayout, k);
            OldRun run = n < nEnd ? oldRuns.get(k) : null;
            int oFirst = o;
            for (int p = start[k]; p < start[k + 1]; p++) {
                boolean takeOld = o < oEnd && (n == nEnd || sortKey(oldDay[o]) <= sortKey(newDay[n]));
                if (takeOld) {
                    // An untouched customer's order numbers stand in for its ids (see the class comment).
                    boolean withId = run == null ? oldOrder[o] != PurchaseRows.NO_ID : run.hasId()[o - oFirst];
                    long hash = run == null ? oldOrder[o] : run.idHash()[o - oFirst];
                    values.set(p, sortKey(oldDay[o]), oldRevenue[o], oldAmount[o], withId, hash);
                    oldToMerged[o++] = p;
                } else {
                    values.set(p, sortKey(newDay[n]), newRevenue[n], newAmount[n], newHasId[n], newHash[n]);
                    newToMerged[n++] = p;
                }
            }
        }
        int[] position = new int[total];
        for (int i = 0; i < oldRows; i++) {
            position[i] = oldToMerged[oldPosition[i]];
        }
        int[] newPosition = added.position();
        for (int j = 0; j < newRows; j++) {
            position[oldRows + j] = newToMerged[newPosition[j]];
        }
        return values.rows(new RowLayout.Sorted(new RowLayout(start), position, null));
    }

    /** The customers with appended rows. */
    static int[] touched(PurchaseRows added) {
        RowLayout layout = added.layout();
        int[] keys = new int[layout.keys()];
        int n = 0;
        for (int k = 0; k < layout.keys(); k++) {
            if (layout.to(k) > layout.from(k)) {
                keys[n++] = k;
            }
        }
        return Arrays.copyOf(keys, n);
    }

    private static int count(RowLayout layout, int k) {
        return k < layout.keys() ? layout.to(k) - layout.from(k) : 0;
    }

    /** A day as the columns' sort key ({@link TableLoader#whole}): an empty date first. */
    private static long sortKey(int day) {
        return day == PurchaseRows.NO_DATE ? TableLoader.SQL_EMPTY : day;
    }
}
