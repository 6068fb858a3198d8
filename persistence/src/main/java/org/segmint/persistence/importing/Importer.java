package org.segmint.persistence.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.columns.ColumnMetrics;
import org.segmint.persistence.columns.ColumnStore;
import org.segmint.persistence.columns.Columns;
import org.segmint.persistence.columns.PurchaseCapture;
import org.segmint.persistence.workspace.DataChange;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.ProtectedFiles;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceBusyException;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Imports one source into one table of a workspace, completely or not at all: every change (new
 * table, new columns, rows, derived data) happens in one transaction on the workspace connection,
 * rolled back on any error or cancel. Rows that cannot be read are rejects (counted, and written to
 * the rejects file with their line and reason); rows whose customer is empty or unknown are kept
 * with no internal key and counted as orphans. See docs/import.md.
 */
public final class Importer {
    private static final int PROGRESS_EVERY = 16_384;

    private final Workspace ws;
    private final Progress progress;
    private final Cancellation cancel;
    /** The order columns collected while replacing every order, or null; see {@link PurchaseCapture}. */
    private PurchaseCapture capture;
    /** Before an append of orders, the order columns to extend (see {@link ColumnStore#adoptAppended}), or null. */
    private Columns.OrdersBefore ordersBefore;
    /** The rows of the load are those with a rowid above this. */
    private long appendedAfter;
    /** Where each captured column is among the written values: date, revenue, units, order id (-1: absent). */
    private int[] captured;
    /** The data version the import's transaction committed. */
    private long committedVersion;

    private Importer(Workspace ws, Progress progress, Cancellation cancel) {
        this.ws = ws;
        this.progress = progress == null ? Progress.NONE : progress;
        this.cancel = cancel == null ? Cancellation.none() : cancel;
    }

    /** Imports a CSV file; {@code settings} null means detect them ({@link CsvDetector#detect}). */
    public static ImportSummary importCsv(Workspace ws, Path file, CsvSettings settings, ImportRequest request,
                                          Progress progress, Cancellation cancel) {
        if (!Files.isRegularFile(file)) {
            throw new WorkspaceException(file + ": no such file");
        }
        try (ProtectedFiles.Registration reading = ProtectedFiles.input(file)) {
            CsvSettings used = settings == null ? CsvDetector.detect(file) : settings;
            return new Importer(ws, progress, cancel).run(CsvSource.opener(file, used), used, request);
        }
    }

    /** Imports a table of another SQLite database (see {@link SqliteSource}). */
    public static ImportSummary importSqlite(Workspace ws, Path database, String sourceTable, ImportRequest request,
                                             Progress progress, Cancellation cancel) {
        try (ProtectedFiles.Registration reading = ProtectedFiles.input(database)) {
            return new Importer(ws, progress, cancel).run(SqliteSource.opener(database, sourceTable), null, request);
        }
    }

    private ImportSummary run(RowSource.Opener opener, CsvSettings settings, ImportRequest request) {
        long started = System.nanoTime();
        ImportSummary summary = loadAndCommit(opener, settings, request, started);
        // After the commit, with the connection back in autocommit mode (it holds no lock while they are stored).
        progress.update(-1, -1, "Preparing the columns for counting");
        if (capture != null && ordersBefore != null) {
            ColumnStore.adoptAppended(ws, committedVersion, ordersBefore, capture, appendedAfter, cancel);
        } else if (capture != null) {
            ColumnStore.adopt(ws, committedVersion, capture, cancel);
        }
        capture = null;
        ordersBefore = null;
        ColumnStore.prepare(ws, cancel);
        return summary;
    }

    private ImportSummary loadAndCommit(RowSource.Opener opener, CsvSettings settings, ImportRequest request,
                                        long started) {
        try {
            List<String> sourceColumns;
            try (RowSource source = opener.open()) {
                sourceColumns = source.columns();
            }
            ImportPlan plan = ImportPlan.resolve(request, sourceColumns, ws.catalog(), opener.name());
            TypeInference.run(plan, opener, progress, cancel);
            // Appending orders: the order columns as they are now, to extend with the new rows after the commit.
            ordersBefore = Catalog.ORDERS.equals(plan.table) && request.mode() == ImportMode.APPEND
                    && !hasRowsIn(Catalog.ORDER_ITEMS) ? ColumnStore.ordersBefore(ws, cancel) : null;
            progress.update(-1, -1, "Starting the import into " + plan.table);
            Connection c = ws.connection();
            c.setAutoCommit(false);
            try (RejectsFile rejects = new RejectsFile(request.rejectsFile())) {
                Load load = load(plan, request, opener, rejects);
                Path rejectsPath = rejects.commit();
                committedVersion = ws.dataVersion();
                try {
                    c.commit();
                } catch (SQLException e) {
                    if (rejectsPath != null) {
                        Files.deleteIfExists(rejectsPath);
                    }
                    throw e;
                }
                Map<String, ColumnType> types = new LinkedHashMap<>();
                for (ImportPlan.Column col : plan.columns) {
                    types.put(col.target, col.type);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                progress.update(1, 1, "Imported " + load.rows + " rows into " + plan.table);
                return new ImportSummary(plan.table, opener.name(), request.mode(), load.rows, load.rejected,
                        load.orphans, load.added, types, settings, rejectsPath, seconds);
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
        long rows;
        long rejected;
        long orphans;
        /** Items imported without customer ids take them from their orders: orphans are counted after linking. */
        boolean orphansAfterLinking;
        /** What the load changed, for the derived-data refresh. */
        DataChange change;
        final List<String> added = new ArrayList<>();
    }

    private Load load(ImportPlan plan, ImportRequest request, RowSource.Opener opener, RejectsFile rejects)
            throws SQLException, IOException {
        Load load = new Load();
        if (ordersBefore != null && ordersBefore.version() != ws.dataVersion()) {
            // Another writer moved the data on after the columns were taken (this read starts the transaction's
            // snapshot, so none can from here on): the columns are read from the table after the commit.
            ordersBefore = null;
        }
        prepareTable(plan, request.mode(), load);
        Map<String, Long> cks = customerKeys();
        RowConverter converter = new RowConverter(plan);
        if (Catalog.ORDER_ITEMS.equals(plan.table) && converter.customerIndex() < 0) {
            load.orphansAfterLinking = true;
        }
        List<String> targets = new ArrayList<>();
        for (ImportPlan.Column col : plan.columns) {
            targets.add(col.target);
        }
        // Replacing every order, or appending to order columns at hand: the order columns are collected as the
        // rows are written (see PurchaseCapture).
        capture = Catalog.ORDERS.equals(plan.table)
                && (request.mode() == ImportMode.REPLACE || (request.mode() == ImportMode.APPEND && ordersBefore != null))
                ? new PurchaseCapture() : null;
        captured = new int[] {targets.indexOf("order_date"), targets.indexOf("revenue"), targets.indexOf("units"),
            targets.indexOf("order_id")};
        try (RowSource source = opener.open(); TableWriter writer = writer(plan, request, targets, cks)) {
            writer.begin();
            long nextReport = PROGRESS_EVERY;
            try (ReadAhead rows = new ReadAhead(source, converter, rejects, cancel,
                    plan.customerKeyed ? values -> null : keyLookup(converter.customerIndex(), cks))) {
                List<ReadAhead.Item> batch;
                while ((batch = rows.next()) != null) {
                    for (ReadAhead.Item item : batch) {
                        write(writer, converter.customerIndex(), item, load, rejects, source);
                    }
                    if (rows.read() >= nextReport) {
                        nextReport = rows.read() + PROGRESS_EVERY;
                        cancel.throwIfCancelled();
                        progress.update(source.position(), source.size(), "Importing " + plan.table + ": row "
                                + rows.read());
                    }
                }
                load.rejected += rows.rejected();
            }
            cancel.throwIfCancelled();
            progress.update(source.size(), source.size(), "Finishing " + plan.table);
            writer.finish();
            load.change = change(plan.table, request.mode(), writer);
        }
        cancel.throwIfCancelled();
        progress.update(-1, -1, "Updating customer metrics");
        if (capture != null) {
            try (Statement st = ws.connection().createStatement()) {
                if (hasRows(st, Catalog.ORDER_ITEMS)) {
                    // Orders may be completed from their items (units) by the refresh: read them back instead.
                    capture.giveUp();
                }
            }
        }
        // Every order replaced: the metrics come from the captured orders rather than a sort of every row (an
        // append refills only its customers' metrics, in SQL).
        DerivedData.refresh(ws, load.change, progress,
                capture == null || ordersBefore != null ? null : ColumnMetrics.of(capture));
        appendedAfter = load.change.rowidAfter();
        if (load.orphansAfterLinking) {
            load.orphans = unlinkedRowsAfter(plan.table, load.change.rowidAfter());
        }
        cancel.throwIfCancelled();
        return load;
    }

    /** What the finished load changed: the derived data is brought up to date for that only. */
    private static DataChange change(String table, ImportMode mode, TableWriter writer) {
        if (writer instanceof CustomerKeyedWriter keyed) {
            return new DataChange(table, false, keyed.keysAfter(), Set.of(), keyed.deletedCustomers(),
                    !keyed.deletedCustomers().isEmpty());
        }
        RowTableWriter rows = (RowTableWriter) writer;
        return switch (mode) {
            case REPLACE -> DataChange.replaced(table, Set.of());
            case UPSERT -> DataChange.upserted(table, rows.rowidAfter(), rows.replacedKeys());
            default -> DataChange.added(table, rows.rowidAfter(), rows.replacedKeys());
        };
    }

    private long unlinkedRowsAfter(String table, long rowid) throws SQLException {
        try (PreparedStatement ps = ws.connection().prepareStatement(
                "SELECT count(*) FROM " + Identifiers.quote(table) + " WHERE rowid > ? AND ck IS NULL")) {
            ps.setLong(1, rowid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.getLong(1);
            }
        }
    }

    private void write(TableWriter writer, int customerIndex, ReadAhead.Item item, Load load, RejectsFile rejects,
                       RowSource source) throws SQLException, IOException {
        Object[] values = item.values();
        String customerId = customerIndex < 0 ? null : (String) values[customerIndex];
        if (writer instanceof CustomerKeyedWriter) {
            Object[] rest = new Object[values.length - 1];
            for (int i = 0, j = 0; i < values.length; i++) {
                if (i != customerIndex) {
                    rest[j++] = values[i];
                }
            }
            try {
                if (!((CustomerKeyedWriter) writer).add(customerId, rest)) {
                    load.orphans++;
                }
            } catch (IllegalStateException e) {
                reject(load, rejects, source, item.row(), e.getMessage());
                return;
            }
        } else {
            Long ck = item.ck();
            if (ck == null && !load.orphansAfterLinking) {
                load.orphans++;
            }
            ((RowTableWriter) writer).add(ck, values);
            if (capture != null) {
                capture.add(ck, valueAt(values, captured[0]), valueAt(values, captured[1]),
                        valueAt(values, captured[2]), valueAt(values, captured[3]));
            }
        }
        load.rows++;
    }

    /** The customer key of a converted row of orders, items or events, found on the reading thread. */
    private static ReadAhead.KeyLookup keyLookup(int customerIndex, Map<String, Long> cks) {
        if (customerIndex < 0) {
            return values -> null;
        }
        CustomerLookup lookup = new CustomerLookup(cks);
        return values -> values[customerIndex] == null ? null : lookup.get((String) values[customerIndex]);
    }

    private TableWriter writer(ImportPlan plan, ImportRequest request, List<String> targets, Map<String, Long> cks) {
        Connection c = ws.connection();
        if (plan.customerKeyed) {
            List<String> rest = new ArrayList<>(targets);
            rest.remove("customer_id");
            return new CustomerKeyedWriter(c, plan.table, rest, request.mode(), cks, request.lastWins());
        }
        List<String> columns = new ArrayList<>();
        columns.add("ck");
        columns.addAll(targets);
        return new RowTableWriter(c, plan.table, columns, request.mode(), request.keys());
    }

    private static Object valueAt(Object[] values, int index) {
        return index < 0 ? null : values[index];
    }

    private void reject(Load load, RejectsFile rejects, RowSource source, RowSource.SourceRow row, String reason)
            throws IOException {
        load.rejected++;
        rejects.add(row.line(), reason, source.text(row));
    }

    /**
     * Creates a new customer-keyed table and adds new columns. A replace, or a load into an empty table, drops
     * the table's ix_ indexes for speed (the refresh builds them again, sorting once); an append or upsert into
     * a table with rows keeps them, so that it costs what the new rows cost, not a rebuild of the whole table.
     */
    private void prepareTable(ImportPlan plan, ImportMode mode, Load load) throws SQLException {
        String table = Identifiers.quote(plan.table);
        try (Statement st = ws.connection().createStatement()) {
            if (plan.tableIsNew) {
                st.executeUpdate("CREATE TABLE " + table + "(ck INTEGER, customer_id TEXT NOT NULL UNIQUE)");
                ws.registerColumn(plan.table, "customer_id", FieldType.TEXT, "Customer id");
            }
            for (ImportPlan.Column col : plan.columns) {
                if (col.isNew) {
                    ws.addColumn(plan.table, col.target, col.type.type(), null);
                    load.added.add(col.target);
                }
            }
            if (mode != ImportMode.REPLACE && !plan.tableIsNew && hasRows(st, plan.table)) {
                return;
            }
            for (String index : indexesDroppedForLoading(ws.connection(), plan.table)) {
                st.executeUpdate("DROP INDEX " + Identifiers.quote(index));
            }
        }
    }

    /**
     * The indexes of {@code table} a replace drops before loading: the refresh after the load rebuilds them, and
     * inserting without them is much faster. The partial indexes of orphan rows stay: they hold only rows without
     * a known customer (usually none), cost nothing to keep up while inserting, and building one afterwards would
     * read every row.
     */
    static List<String> indexesDroppedForLoading(Connection c, String table) throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM sqlite_master WHERE type = 'index'"
                + " AND tbl_name = ? AND name LIKE 'ix\\_%' ESCAPE '\\'"
                + " AND name NOT LIKE '%\\_orphans' ESCAPE '\\' ORDER BY name")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.add(rs.getString(1));
                }
            }
        }
        return indexes;
    }

    private boolean hasRowsIn(String table) throws SQLException {
        try (Statement st = ws.connection().createStatement()) {
            return hasRows(st, table);
        }
    }

    private static boolean hasRows(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT 1 FROM " + Identifiers.quote(table) + " LIMIT 1")) {
            return rs.next();
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
