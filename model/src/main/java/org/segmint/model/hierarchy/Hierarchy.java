package org.segmint.model.hierarchy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The workspace's group hierarchy (SPEC §7): customer columns naming parent groups, lowest first (for example
 * {@code household_id} under {@code account_id}). Level 0 is the customer itself.
 *
 * <p>A level is chosen by name: {@code customers}, {@code households} (the first level), {@code accounts} (the
 * second level), or a level's column name.
 */
public record Hierarchy(List<String> columns) {
    /** The names of the first and second level. */
    public static final String CUSTOMERS = "customers";
    public static final String HOUSEHOLDS = "households";
    public static final String ACCOUNTS = "accounts";

    public static final Hierarchy NONE = new Hierarchy(List.of());

    public Hierarchy {
        columns = List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (!seen.add(c)) {
                throw new IllegalArgumentException("Column " + c + " is named twice in the hierarchy");
            }
        }
    }

    /** Every level, customers first. */
    public List<HierarchyLevel> levels() {
        List<HierarchyLevel> levels = new ArrayList<>();
        levels.add(HierarchyLevel.CUSTOMER);
        for (int i = 0; i < columns.size(); i++) {
            levels.add(level(i + 1));
        }
        return levels;
    }

    /**
     * The level named {@code text}: {@code customers}, {@code households} / {@code accounts} (first / second
     * level), or a level's column.
     *
     * @throws IllegalArgumentException with a message for the user when there is no such level
     */
    public HierarchyLevel level(String text) {
        String name = text == null ? "" : text.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(CUSTOMERS)) {
            return HierarchyLevel.CUSTOMER;
        }
        int depth = lower.equals(HOUSEHOLDS) ? 1 : lower.equals(ACCOUNTS) ? 2 : columns.indexOf(name) + 1;
        if (depth >= 1 && depth <= columns.size()) {
            return level(depth);
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("The workspace has no hierarchy, so there is no level '" + name
                    + "': set its parent columns first (segmint hierarchy WS set household_id account_id)");
        }
        throw new IllegalArgumentException("No level '" + name + "': expected " + String.join(", ", choices()));
    }

    /** What {@link #level(String)} accepts. */
    public List<String> choices() {
        List<String> choices = new ArrayList<>();
        choices.add(CUSTOMERS);
        if (columns.size() >= 1) {
            choices.add(HOUSEHOLDS);
        }
        if (columns.size() >= 2) {
            choices.add(ACCOUNTS);
        }
        choices.addAll(columns);
        return choices;
    }

    private HierarchyLevel level(int depth) {
        String column = columns.get(depth - 1);
        String name = depth == 1 ? HOUSEHOLDS : depth == 2 ? ACCOUNTS : column;
        return new HierarchyLevel(name, column, depth);
    }
}
