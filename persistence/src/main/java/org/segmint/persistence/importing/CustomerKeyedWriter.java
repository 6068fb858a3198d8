package org.segmint.persistence.importing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.segmint.model.catalog.Catalog;
import org.segmint.persistence.workspace.Identifiers;

/**
 * Writes tables with one row per customer: {@code customers} and customer-keyed attribute tables.
 * A customer id repeated in the file is a reject, unless the request lets the last row win. Customers
 * keep their internal key {@code ck} on replace and upsert, so segments, groups and other tables stay
 * linked; a new customer gets the next free key. Replace deletes the customers the file does not
 * have; append refuses (rejects) customers the table already has.
 */
final class CustomerKeyedWriter extends TableWriter {
    private final Connection connection;
    private final String table;
    private final List<String> columns;
    private final ImportMode mode;
    private final Map<String, Long> cks;
    private final boolean isCustomers;
    private final Set<String> before = new HashSet<>();
    private final Set<String> inFile = new HashSet<>();
    private final boolean lastWins;
    private long nextCk;
    private long keysAfter;
    private Set<String> replacedIds = Set.of();

    /**
     * @param columns imported columns other than customer_id, in parameter order
     * @param cks     customer_id to ck of every customer; new customers are added to it
     */
    CustomerKeyedWriter(Connection connection, String table, List<String> columns, ImportMode mode,
                        Map<String, Long> cks, boolean lastWins) {
        this.lastWins = lastWins;
        this.connection = connection;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.mode = mode;
        this.cks = cks;
        this.isCustomers = Catalog.CUSTOMERS.equals(table);
    }

    @Override
    void begin() throws SQLException {
        try (Statement st = connection.createStatement()) {
            if (mode == ImportMode.APPEND) {
                try (ResultSet rs = st.executeQuery("SELECT customer_id FROM main." + Identifiers.quote(table))) {
                    while (rs.next()) {
                        before.add(rs.getString(1));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(ck), 0) FROM main.customers")) {
                keysAfter = rs.getLong(1);
                nextCk = keysAfter + 1;
            }
            if (mode == ImportMode.REPLACE && isCustomers) {
                replacedIds = new HashSet<>(cks.keySet());
            }
            if (mode == ImportMode.REPLACE) {
                st.executeUpdate("DELETE FROM main." + Identifiers.quote(table));
            }
        }
        List<String> all = new ArrayList<>(List.of("ck", "customer_id"));
        all.addAll(columns);
        List<String> updates = new ArrayList<>();
        for (String c : isCustomers ? columns : all.subList(0, 1)) {
            updates.add(Identifiers.quote(c) + " = excluded." + Identifiers.quote(c));
        }
        if (!isCustomers) {
            for (String c : columns) {
                updates.add(Identifiers.quote(c) + " = excluded." + Identifiers.quote(c));
            }
        }
        String onConflict = updates.isEmpty() ? " ON CONFLICT(customer_id) DO NOTHING"
                : " ON CONFLICT(customer_id) DO UPDATE SET " + String.join(", ", updates);
        prepare(connection.prepareStatement("INSERT INTO main." + Identifiers.quote(table) + "(" + quotedList(all)
                + ") VALUES(" + placeholders(all.size()) + ")" + onConflict));
    }

    /**
     * Writes one customer's row; returns whether the customer is known (always, for customers).
     *
     * @throws IllegalStateException with the reject reason when append meets a customer already present
     */
    boolean add(String customerId, Object[] values) throws SQLException {
        if (mode == ImportMode.APPEND && before.contains(customerId)) {
            throw new IllegalStateException("customer_id " + customerId + " is already in " + table
                    + " (use --mode upsert to update it)");
        }
        if (!inFile.add(customerId) && !lastWins) {
            throw new IllegalStateException("customer_id " + customerId + " is on an earlier line of the file too;"
                    + " the first is kept (let the last one win instead with --duplicates last)");
        }
        Long ck = cks.get(customerId);
        if (ck == null && isCustomers) {
            ck = nextCk++;
            cks.put(customerId, ck);
        }
        Object[] parameters = new Object[values.length + 2];
        parameters[0] = ck;
        parameters[1] = customerId;
        System.arraycopy(values, 0, parameters, 2, values.length);
        addRow(parameters);
        return ck != null;
    }

    @Override
    void finish() throws SQLException {
        flush();
    }

    /** Customers with a key above this are new (they were not in the workspace before the load). */
    long keysAfter() {
        return keysAfter;
    }

    /** The keys of the customers a replace of {@code customers} deleted: those the file does not have. */
    Set<Long> deletedCustomers() {
        Set<Long> deleted = new HashSet<>();
        for (String id : replacedIds) {
            if (!inFile.contains(id)) {
                deleted.add(cks.get(id));
            }
        }
        return deleted;
    }
}
