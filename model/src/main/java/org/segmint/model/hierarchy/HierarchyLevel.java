package org.segmint.model.hierarchy;

/**
 * One level of a {@link Hierarchy}: what a count counts.
 *
 * @param name   {@code customers}, {@code households}, {@code accounts}, or the column of a deeper level
 * @param column the customers column holding the parent id; null for customers
 * @param depth  0 for customers, 1 for the first parent level, ...
 */
public record HierarchyLevel(String name, String column, int depth) {
    /** The customers themselves. */
    public static final HierarchyLevel CUSTOMER = new HierarchyLevel(Hierarchy.CUSTOMERS, null, 0);

    public boolean isCustomer() {
        return depth == 0;
    }

    /** "households (household_id)" or "customers", for labels and messages. */
    public String label() {
        return column == null || column.equals(name) ? name : name + " (" + column + ")";
    }
}
