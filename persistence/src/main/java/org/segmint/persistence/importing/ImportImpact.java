package org.segmint.persistence.importing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import org.segmint.model.catalog.Catalog;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * What an import would take away from the workspace, said before it runs, so that a user never replaces data
 * without being told what is lost. Only "replace" of a table that has rows loses anything: its rows go, and
 * when the table is {@code customers}, the orders, items and events of customers not in the file are left
 * without a customer.
 *
 * @param rowsNow        rows the table has now
 * @param linkedOrders   orders linked to a customer now (customers only)
 * @param linkedEvents   events linked to a customer now (customers only)
 */
public record ImportImpact(String table, ImportMode mode, long rowsNow, long linkedOrders, long linkedEvents) {

    /** The impact of importing into {@code table} with {@code mode}, from the workspace as it is now. */
    public static ImportImpact of(Workspace ws, String table, ImportMode mode) {
        if (!ws.catalog().hasTable(table)) {
            return new ImportImpact(table, mode, 0, 0, 0);
        }
        boolean customers = Catalog.CUSTOMERS.equals(table);
        return new ImportImpact(table, mode, ws.rowCount(table),
                customers ? linked(ws, Catalog.ORDERS) : 0, customers ? linked(ws, Catalog.EVENTS) : 0);
    }

    /** The safe mode for a table: replace when it is empty (nothing to lose), else add and update, or add. */
    public static ImportMode safeMode(Workspace ws, String table, boolean customerKeyed) {
        if (!ws.catalog().hasTable(table) || ws.rowCount(table) == 0) {
            return ImportMode.REPLACE;
        }
        return customerKeyed ? ImportMode.UPSERT : ImportMode.APPEND;
    }

    /** Whether the import removes rows the workspace has. */
    public boolean losesData() {
        return mode == ImportMode.REPLACE && rowsNow > 0;
    }

    /** What will be lost, in a sentence ("Replaces the 50,000 customers ..."), or empty when nothing is. */
    public Optional<String> warning() {
        if (!losesData()) {
            return Optional.empty();
        }
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        StringBuilder b = new StringBuilder("Replaces the " + n.format(rowsNow) + " " + rowsWord() + " now in "
                + table + " with the rows of the file.");
        if (Catalog.CUSTOMERS.equals(table)) {
            b.append(" Customers missing from the file are deleted");
            if (linkedOrders > 0 || linkedEvents > 0) {
                b.append(", and their orders and events will have no customer (")
                        .append(n.format(linkedOrders)).append(" orders and ").append(n.format(linkedEvents))
                        .append(" events belong to customers now)");
            }
            b.append('.');
        }
        return Optional.of(b.toString());
    }

    /**
     * What a one-step import of order lines takes away: with replace, the customers, orders and order items the
     * workspace has (customers missing from the file are deleted, with their events left without a customer); empty
     * when those tables are empty or the mode keeps them.
     */
    public static Optional<String> ofOrderLines(Workspace ws, ImportMode mode) {
        if (mode != ImportMode.REPLACE) {
            return Optional.empty();
        }
        long customers = ws.rowCount(Catalog.CUSTOMERS);
        long orders = ws.rowCount(Catalog.ORDERS);
        long items = ws.rowCount(Catalog.ORDER_ITEMS);
        if (customers + orders + items == 0) {
            return Optional.empty();
        }
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        long events = linked(ws, Catalog.EVENTS);
        return Optional.of("Replaces the " + n.format(customers) + " customers, " + n.format(orders) + " orders and "
                + n.format(items) + " order items now in the workspace with those of the file. Customers missing from"
                + " the file are deleted" + (events > 0 ? ", and their events will have no customer ("
                + n.format(events) + " events belong to customers now)." : "."));
    }

    private String rowsWord() {
        return Catalog.CUSTOMERS.equals(table) ? (rowsNow == 1 ? "customer" : "customers")
                : rowsNow == 1 ? "row" : "rows";
    }

    private static long linked(Workspace ws, String table) {
        try (PreparedStatement ps = ws.connection().prepareStatement(
                "SELECT count(*) FROM " + Identifiers.quote(table) + " WHERE ck IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new WorkspaceException(table + ": cannot count the linked rows (" + e.getMessage() + ")", e);
        }
    }
}
