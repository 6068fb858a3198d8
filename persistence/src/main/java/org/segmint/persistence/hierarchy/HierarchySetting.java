package org.segmint.persistence.hierarchy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.hierarchy.Hierarchy;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The workspace's hierarchy, stored in {@code sg_meta.hierarchy} as its columns, lowest first, separated by
 * commas (column names never hold one). A workspace that never set one uses {@code household_id} and then
 * {@code account_id}, those of the two its customers have; setting an empty hierarchy turns levels off.
 */
public final class HierarchySetting {
    static final String KEY = "hierarchy";
    private static final List<String> DEFAULT_COLUMNS = List.of("household_id", "account_id");
    private static final List<String> NOT_PARENTS = List.of("ck", "customer_id");

    private HierarchySetting() {
    }

    /** The workspace's hierarchy (the default one when never set). */
    public static Hierarchy read(Workspace ws) {
        return stored(ws).orElseGet(() -> defaultFor(ws.catalog()));
    }

    /** Whether the hierarchy was set (else {@link #read} returns the default). */
    public static boolean isSet(Workspace ws) {
        return stored(ws).isPresent();
    }

    /**
     * Sets the parent columns, lowest first (empty: no hierarchy). Each must be a customers column other than
     * the customer id, named once.
     */
    public static Hierarchy write(Workspace ws, List<String> columns) {
        Hierarchy h = check(ws.catalog(), columns);
        ws.inTransaction(() -> {
            ws.setSetting(KEY, String.join(",", h.columns()));
            return null;
        });
        return h;
    }

    /** The columns checked against the catalog; throws a {@link WorkspaceException} for the user. */
    public static Hierarchy check(Catalog catalog, List<String> columns) {
        List<String> names = new ArrayList<>();
        for (String raw : columns) {
            String name = raw.strip();
            if (name.startsWith(Catalog.CUSTOMERS + ".")) {
                name = name.substring(Catalog.CUSTOMERS.length() + 1);
            }
            if (NOT_PARENTS.contains(name)) {
                throw new WorkspaceException("'" + name + "' identifies the customer; a level needs a parent column"
                        + " such as household_id");
            }
            if (catalog.field(Catalog.CUSTOMERS, name).isEmpty()) {
                throw new WorkspaceException("Unknown customers column '" + name + "' (customers columns: "
                        + catalog.fields(Catalog.CUSTOMERS).stream().map(Field::column)
                        .collect(Collectors.joining(", ")) + ")");
            }
            if (names.contains(name)) {
                throw new WorkspaceException("Column '" + name + "' is named twice; each level needs its own column");
            }
            names.add(name);
        }
        return new Hierarchy(names);
    }

    private static Optional<Hierarchy> stored(Workspace ws) {
        return ws.setting(KEY).map(text -> new Hierarchy(text.isEmpty() ? List.of()
                : Arrays.asList(text.split(","))));
    }

    private static Hierarchy defaultFor(Catalog catalog) {
        return new Hierarchy(DEFAULT_COLUMNS.stream()
                .filter(c -> catalog.field(Catalog.CUSTOMERS, c).isPresent()).toList());
    }
}
