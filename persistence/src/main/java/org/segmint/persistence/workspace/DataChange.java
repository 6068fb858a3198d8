package org.segmint.persistence.workspace;

import java.util.Objects;
import java.util.Set;

/**
 * What one load changed, so that {@link DerivedData#refresh(Workspace, DataChange, org.segmint.model.task.Progress)}
 * redoes only what depends on it.
 *
 * @param table          the table loaded, or null when anything may have changed (the full refresh)
 * @param replaced       the table's rows were all replaced
 * @param rowidAfter     rows of {@code table} with a rowid above this are the new ones (0 when replaced; for
 *                       customers the rowid is the key {@code ck})
 * @param changedKeys    customer keys whose rows of {@code table} were deleted by the load (an upsert's
 *                       replaced rows); their metrics are recomputed
 * @param deletedCustomers keys of the customers a replace of {@code customers} deleted
 * @param rowsDeleted    rows of {@code table} may have been deleted (a replace, an upsert, or anything), not only
 *                       added
 */
public record DataChange(String table, boolean replaced, long rowidAfter, Set<Long> changedKeys,
                         Set<Long> deletedCustomers, boolean rowsDeleted) {

    public DataChange {
        changedKeys = Set.copyOf(changedKeys);
        deletedCustomers = Set.copyOf(deletedCustomers);
    }

    /** Anything may have changed: every derived column, index and metric is recomputed. */
    public static DataChange everything() {
        return new DataChange(null, true, 0, Set.of(), Set.of(), true);
    }

    /** Every row of {@code table} was replaced; {@code deletedCustomers} for a replace of customers. */
    public static DataChange replaced(String table, Set<Long> deletedCustomers) {
        return new DataChange(Objects.requireNonNull(table, "table"), true, 0, Set.of(), deletedCustomers, true);
    }

    /**
     * Rows were added to {@code table} (rowids above {@code rowidAfter}); {@code changedKeys} are the customers
     * whose earlier rows were replaced (upsert) or updated.
     */
    public static DataChange added(String table, long rowidAfter, Set<Long> changedKeys) {
        return new DataChange(Objects.requireNonNull(table, "table"), false, rowidAfter, changedKeys, Set.of(), false);
    }

    /**
     * An upsert into {@code table}: rows whose key the file has were deleted (among them rows without a known
     * customer, which {@code changedKeys} cannot name), then the file's rows added above {@code rowidAfter}.
     */
    public static DataChange upserted(String table, long rowidAfter, Set<Long> changedKeys) {
        return new DataChange(Objects.requireNonNull(table, "table"), false, rowidAfter, changedKeys, Set.of(), true);
    }

    boolean isEverything() {
        return table == null;
    }

    /** Whether rows of {@code t} may have changed. */
    boolean touches(String t) {
        return table == null || table.equals(t);
    }

    /** SQL restricting {@code t} to its new rows ("" when every row is new). */
    String newRows(String t) {
        return table == null || replaced || !table.equals(t) ? "" : " AND rowid > " + rowidAfter;
    }
}
