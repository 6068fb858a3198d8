package org.segmint.persistence.members;

import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Which attributes hold one value per customer, and the SQL that reads such an attribute for every customer key:
 * {@code customers.*}, {@code metrics.*} (as of the workspace's date) and the columns of any other imported table
 * keyed by {@code customer_id} (joined by the user's customer id). Orders, order items and events have many rows
 * per customer and are refused.
 */
public final class PerCustomer {
    private PerCustomer() {
    }

    /** Whether {@code field} has one value per customer. */
    public static boolean holds(Field field) {
        return !Catalog.hasManyRowsPerCustomer(field.table());
    }

    /** {@code SELECT ck, value} for every customer that has a row; identifiers from the catalog, quoted. */
    public static String select(Field field) {
        if (!holds(field)) {
            throw new WorkspaceException("'" + field.id() + "' has many rows per customer; choose customers.*,"
                    + " metrics.* or a column of another per-customer table");
        }
        String column = Identifiers.quote(field.column());
        if (field.table().equals(Catalog.CUSTOMERS) || field.table().equals(Catalog.METRICS)) {
            return "SELECT ck, " + column + " FROM " + Identifiers.quote(field.table());
        }
        return "SELECT c.ck, t." + column + " FROM customers c JOIN " + Identifiers.quote(field.table())
                + " t ON t.\"customer_id\" = c.\"customer_id\"";
    }
}
