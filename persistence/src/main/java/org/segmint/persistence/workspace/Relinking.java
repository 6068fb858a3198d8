package org.segmint.persistence.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Keeps the customer key {@code ck} of orders, items and events equal to their customer's, after a load.
 * Rows the importer writes carry the right key already; what a load can break is linked here: rows of customers
 * that appear (orphans found), rows of customers that a replace deleted (now orphans), items that got their
 * customer id from their order. Only a load of unknown kind relinks every row.
 */
final class Relinking {
    static final List<String> TABLES = List.of("orders", "order_items", "events");
    private static final String DELETED = "sg_deleted_customers";

    private Relinking() {
    }

    static void relink(Connection c, DataChange change, boolean itemsFilled, boolean ordersDerived)
            throws SQLException {
        if (change.isEverything() || ordersDerived) {
            for (String table : TABLES) {
                relinkAll(c, table);
            }
            return;
        }
        if (change.touches("customers")) {
            unlinkDeleted(c, change.deletedCustomers());
            for (String table : TABLES) {
                linkOrphans(c, table);
            }
        } else if (itemsFilled) {
            linkOrphans(c, "order_items");
        }
    }

    /**
     * Sets {@code ck} from {@code customers}; rows whose key already matches their customer id are left
     * alone (one primary-key probe each), so a re-run writes only what changed.
     */
    static void relinkAll(Connection c, String table) throws SQLException {
        String t = Identifiers.quote(table);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE " + t + " SET ck = (SELECT cu.ck FROM customers cu"
                    + " WHERE cu.customer_id = " + t + ".customer_id)"
                    + " WHERE NOT EXISTS (SELECT 1 FROM customers cu WHERE cu.ck = " + t + ".ck"
                    + " AND cu.customer_id = " + t + ".customer_id)"
                    + " AND (ck IS NOT NULL OR EXISTS (SELECT 1 FROM customers cu"
                    + " WHERE cu.customer_id = " + t + ".customer_id))");
        }
    }

    /** Rows without a key whose customer is now known get its key (the partial orphan index finds them). */
    private static void linkOrphans(Connection c, String table) throws SQLException {
        String t = Identifiers.quote(table);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE " + t + " SET ck = (SELECT cu.ck FROM customers cu"
                    + " WHERE cu.customer_id = " + t + ".customer_id) WHERE ck IS NULL AND EXISTS (SELECT 1 FROM"
                    + " customers cu WHERE cu.customer_id = " + t + ".customer_id)");
        }
    }

    /** Rows of deleted customers become orphans. */
    private static void unlinkDeleted(Connection c, Set<Long> deleted) throws SQLException {
        if (deleted.isEmpty()) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DROP TABLE IF EXISTS temp." + DELETED);
            st.executeUpdate("CREATE TEMP TABLE " + DELETED + "(ck INTEGER PRIMARY KEY)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO temp." + DELETED + "(ck) VALUES (?)")) {
            for (long ck : deleted) {
                ps.setLong(1, ck);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            for (String table : TABLES) {
                st.executeUpdate("UPDATE " + Identifiers.quote(table) + " SET ck = NULL WHERE ck IN (SELECT ck FROM"
                        + " temp." + DELETED + ")");
            }
            st.executeUpdate("DROP TABLE temp." + DELETED);
        }
    }
}
