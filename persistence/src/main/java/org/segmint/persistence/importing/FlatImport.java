package org.segmint.persistence.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.ProtectedFiles;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceBusyException;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Imports a file of order lines into customers, orders and order items in one step, completely or not at all (one
 * transaction, as {@link Importer}). Each line is read once, with the types, rejects and customer-id normalisation
 * of any import, and:
 * <ul>
 *   <li>its line columns go to {@code order_items} (replace: the table holds the file's lines afterwards; upsert: the
 *       lines of every order id in the file replace that order's lines);</li>
 *   <li>its customer id, with the columns that go to customers (the last non-empty value of each customer's lines),
 *       makes one customer row per distinct id (replace: customers not in the file are deleted; upsert: updated or
 *       added, keeping their internal keys);</li>
 *   <li>one order per order id is derived from its lines: customer, earliest date, revenue = sum of line revenue
 *       ({@code quantity * unit_price} where the file has none), units = sum of quantity.</li>
 * </ul>
 * Then the derived data is refreshed as after every import. Lines without a customer id are kept as order items
 * without a customer (unless another line of the same order names one).
 */
public final class FlatImport {
    private static final int PROGRESS_EVERY = 16_384;
    private static final String FILE_ORDERS = "sg_flat_orders";

    private final Workspace ws;
    private final Progress progress;
    private final Cancellation cancel;

    private FlatImport(Workspace ws, Progress progress, Cancellation cancel) {
        this.ws = ws;
        this.progress = progress == null ? Progress.NONE : progress;
        this.cancel = cancel == null ? Cancellation.none() : cancel;
    }

    /** Imports a CSV file of order lines; {@code settings} null means detect them. */
    public static FlatImportSummary importCsv(Workspace ws, Path file, CsvSettings settings, FlatRequest request,
                                              Progress progress, Cancellation cancel) {
        if (!Files.isRegularFile(file)) {
            throw new WorkspaceException(file + ": no such file");
        }
        try (ProtectedFiles.Registration reading = ProtectedFiles.input(file)) {
            CsvSettings used = settings == null ? CsvDetector.detect(file) : settings;
            return new FlatImport(ws, progress, cancel).run(CsvSource.opener(file, used), used, request);
        }
    }

    /** Imports a table of order lines of another SQLite database. */
    public static FlatImportSummary importSqlite(Workspace ws, Path database, String table, FlatRequest request,
                                                 Progress progress, Cancellation cancel) {
        try (ProtectedFiles.Registration reading = ProtectedFiles.input(database)) {
            return new FlatImport(ws, progress, cancel).run(SqliteSource.opener(database, table), null, request);
        }
    }

    private FlatImportSummary run(RowSource.Opener opener, CsvSettings settings, FlatRequest request) {
        long started = System.nanoTime();
        try {
            List<String> sourceColumns;
            try (RowSource source = opener.open()) {
                sourceColumns = source.columns();
            }
            ImportPlan plan = ImportPlan.resolveFlat(request, sourceColumns, ws.catalog(), opener.name());
            TypeInference.run(plan, opener, progress, cancel);
            Connection c = ws.connection();
            c.setAutoCommit(false);
            try (RejectsFile rejects = new RejectsFile(request.rejectsFile())) {
                Load load = load(plan, request.mode(), opener, rejects);
                Path rejectsPath = rejects.commit();
                try {
                    c.commit();
                } catch (SQLException e) {
                    if (rejectsPath != null) {
                        Files.deleteIfExists(rejectsPath);
                    }
                    throw e;
                }
                Map<String, ColumnType> types = new LinkedHashMap<>();
                List<String> customerColumns = new ArrayList<>();
                for (ImportPlan.Column col : plan.columns) {
                    types.put(col.table + "." + col.target, col.type);
                    if (Catalog.CUSTOMERS.equals(col.table)) {
                        customerColumns.add(col.target);
                    }
                }
                Map<String, Long> conflicts = new LinkedHashMap<>();
                for (int j = 0; j < customerColumns.size(); j++) {
                    conflicts.put(customerColumns.get(j), load.conflicts[j]);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                progress.update(1, 1, "Imported " + load.lines + " lines");
                return new FlatImportSummary(opener.name(), request.mode(), load.lines, load.rejected,
                        load.withoutCustomer, load.customers, load.orders, customerColumns, conflicts, load.added,
                        types, settings, rejectsPath, seconds);
            } catch (RuntimeException | SQLException | IOException e) {
                rollback(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw WorkspaceBusyException.of(opener.name() + ": the import failed and changed nothing", e);
        } catch (IOException e) {
            throw new WorkspaceException(opener.name() + ": cannot read the source (" + e.getMessage() + ")", e);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the user needs to see
        }
    }

    /** Counts of one load. */
    private static final class Load {
        long lines;
        long rejected;
        long withoutCustomer;
        /** Lines with neither an order id nor a customer id: no order can give them a customer. */
        long withoutOrder;
        long customers;
        long orders;
        long[] conflicts;
        final List<String> added = new ArrayList<>();
    }

    /** One customer of the file: the last non-empty value of each customer column, and where values differed. */
    private static final class CustomerRow {
        final Object[] values;
        boolean[] mixed;

        CustomerRow(int width) {
            values = new Object[width];
        }
    }

    private Load load(ImportPlan plan, ImportMode mode, RowSource.Opener opener, RejectsFile rejects)
            throws SQLException, IOException {
        Load load = new Load();
        List<String> itemTargets = new ArrayList<>();
        List<String> customerTargets = new ArrayList<>();
        List<Integer> itemIndexes = new ArrayList<>();
        List<Integer> customerIndexes = new ArrayList<>();
        for (int i = 0; i < plan.columns.size(); i++) {
            ImportPlan.Column col = plan.columns.get(i);
            boolean toCustomers = Catalog.CUSTOMERS.equals(col.table);
            (toCustomers ? customerTargets : itemTargets).add(col.target);
            (toCustomers ? customerIndexes : itemIndexes).add(i);
        }
        load.conflicts = new long[customerTargets.size()];
        prepareTables(plan, load);
        Map<String, Long> cks = customerKeys();
        RowConverter converter = new RowConverter(plan);
        int customerIndex = converter.customerIndex();
        int orderIndex = -1;
        for (int i = 0; i < plan.columns.size(); i++) {
            if (Catalog.ORDER_ITEMS.equals(plan.columns.get(i).table) && "order_id".equals(plan.columns.get(i).target)) {
                orderIndex = i;
            }
        }
        List<String> itemColumns = new ArrayList<>(List.of("ck"));
        itemColumns.addAll(itemTargets);
        Map<String, CustomerRow> customers = new LinkedHashMap<>();
        try (RowSource source = opener.open();
             RowTableWriter items = new RowTableWriter(ws.connection(), Catalog.ORDER_ITEMS, itemColumns, mode,
                     List.of("order_id"))) {
            items.begin();
            long nextReport = PROGRESS_EVERY;
            try (ReadAhead rows = new ReadAhead(source, converter, rejects, cancel)) {
                List<ReadAhead.Item> batch;
                while ((batch = rows.next()) != null) {
                    for (ReadAhead.Item item : batch) {
                        Object[] values = item.values();
                        String customerId = (String) values[customerIndex];
                        Object[] line = new Object[itemIndexes.size()];
                        for (int j = 0; j < line.length; j++) {
                            line[j] = values[itemIndexes.get(j)];
                        }
                        items.add(customerId == null ? null : cks.get(customerId), line);
                        if (customerId == null) {
                            Object order = values[orderIndex];
                            if (order == null || order.toString().isEmpty()) {
                                load.withoutOrder++;
                            }
                        } else {
                            remember(customers.computeIfAbsent(customerId, id -> new CustomerRow(customerIndexes
                                    .size())), values, customerIndexes, load);
                        }
                        load.lines++;
                    }
                    if (rows.read() >= nextReport) {
                        nextReport = rows.read() + PROGRESS_EVERY;
                        cancel.throwIfCancelled();
                        progress.update(source.position(), source.size(), "Importing order lines: line " + rows.read());
                    }
                }
                load.rejected = rows.rejected();
            }
            cancel.throwIfCancelled();
            progress.update(source.size(), source.size(), "Writing customers and orders");
            items.flush();
            rememberFileOrders(mode);
            items.finish();
        }
        load.customers = writeCustomers(customers, customerTargets, mode, cks);
        load.orders = deriveOrders();
        cancel.throwIfCancelled();
        progress.update(-1, -1, "Updating customer metrics");
        DerivedData.refresh(ws, progress);
        load.withoutCustomer = linesWithoutCustomer() + load.withoutOrder;
        dropFileOrders();
        cancel.throwIfCancelled();
        return load;
    }

    private static void remember(CustomerRow row, Object[] values, List<Integer> indexes, Load load) {
        for (int j = 0; j < indexes.size(); j++) {
            Object v = values[indexes.get(j)];
            if (v == null || v instanceof String text && text.isBlank()) {
                continue;
            }
            Object before = row.values[j];
            if (before != null && !before.equals(v)) {
                if (row.mixed == null) {
                    row.mixed = new boolean[indexes.size()];
                }
                if (!row.mixed[j]) {
                    row.mixed[j] = true;
                    load.conflicts[j]++;
                }
            }
            row.values[j] = v;
        }
    }

    /** Creates the new columns of both tables and drops the ix_ indexes the refresh rebuilds. */
    private void prepareTables(ImportPlan plan, Load load) throws SQLException {
        for (ImportPlan.Column col : plan.columns) {
            if (col.isNew) {
                ws.addColumn(col.table, col.target, col.type.type(), null);
                load.added.add(col.table + "." + col.target);
            }
        }
        List<String> indexes = new ArrayList<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN"
                     + " ('order_items', 'orders') AND name LIKE 'ix\\_%' ESCAPE '\\'")) {
            while (rs.next()) {
                indexes.add(rs.getString(1));
            }
        }
        try (Statement st = ws.connection().createStatement()) {
            for (String index : indexes) {
                st.executeUpdate("DROP INDEX " + Identifiers.quote(index));
            }
        }
    }

    /** The order ids of the file, for the orders to derive (read from the upsert's staged lines). */
    private void rememberFileOrders(ImportMode mode) throws SQLException {
        try (Statement st = ws.connection().createStatement()) {
            st.executeUpdate("DROP TABLE IF EXISTS temp." + FILE_ORDERS);
            String from = mode == ImportMode.UPSERT ? "temp." + RowTableWriter.STAGE : "main.order_items";
            st.executeUpdate("CREATE TEMP TABLE " + FILE_ORDERS + "(order_id TEXT PRIMARY KEY)");
            st.executeUpdate("INSERT OR IGNORE INTO temp." + FILE_ORDERS + " SELECT order_id FROM " + from
                    + " WHERE order_id IS NOT NULL AND order_id <> ''");
        }
    }

    private long writeCustomers(Map<String, CustomerRow> customers, List<String> targets, ImportMode mode,
                                Map<String, Long> cks) throws SQLException {
        try (CustomerKeyedWriter writer = new CustomerKeyedWriter(ws.connection(), Catalog.CUSTOMERS, targets, mode,
                cks, false)) {
            writer.begin();
            for (Map.Entry<String, CustomerRow> e : customers.entrySet()) {
                writer.add(e.getKey(), e.getValue().values);
            }
            writer.finish();
        }
        return customers.size();
    }

    /** Replaces the orders of the file's order ids by those derived from their lines; returns how many. */
    private long deriveOrders() throws SQLException {
        String ofFile = " WHERE order_id IN (SELECT order_id FROM temp." + FILE_ORDERS + ")";
        try (Statement st = ws.connection().createStatement()) {
            st.executeUpdate("DELETE FROM main.orders" + ofFile);
            return st.executeUpdate("INSERT INTO main.orders(order_id, customer_id, order_date, revenue, units)"
                    + " SELECT order_id, max(nullif(customer_id, '')), min(order_date),"
                    + " sum(coalesce(revenue, quantity * unit_price)), sum(quantity) FROM main.order_items" + ofFile
                    + " GROUP BY order_id");
        }
    }

    /** Lines of the file's orders that no customer claims after linking. */
    private long linesWithoutCustomer() throws SQLException {
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM main.order_items WHERE ck IS NULL AND order_id IN"
                     + " (SELECT order_id FROM temp." + FILE_ORDERS + ")")) {
            return rs.getLong(1);
        }
    }

    private void dropFileOrders() throws SQLException {
        try (Statement st = ws.connection().createStatement()) {
            st.executeUpdate("DROP TABLE IF EXISTS temp." + FILE_ORDERS);
        }
    }

    /** customer_id to ck of every customer, loaded once. */
    private Map<String, Long> customerKeys() throws SQLException {
        Map<String, Long> cks = new HashMap<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT customer_id, ck FROM customers")) {
            while (rs.next()) {
                cks.put(rs.getString(1), rs.getLong(2));
            }
        }
        return cks;
    }
}
