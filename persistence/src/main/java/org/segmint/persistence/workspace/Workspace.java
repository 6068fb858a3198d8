package org.segmint.persistence.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;

/**
 * An open workspace: one SQLite file with the customer data, the catalog, saved objects and settings.
 *
 * <p>The workspace owns one connection for writes and short reads ({@link #connection()}); work that
 * runs concurrently (a count in the background while the user edits) takes its own connection from
 * {@link #openConnection()}, which WAL mode lets read while another connection writes.
 */
public final class Workspace implements AutoCloseable {
    /** The schema version this build writes. Older files are migrated forward, newer ones refused. */
    public static final int SCHEMA_VERSION = Migrations.ALL.size();
    /** How long a write waits for another writer to finish before it fails as busy. */
    public static final int BUSY_TIMEOUT_MS = 10_000;
    /** The wait of writes that may be skipped (remembering a count). */
    public static final int SHORT_BUSY_TIMEOUT_MS = 1_000;

    private final Path file;
    private final Connection connection;
    private final ProtectedFiles.Registration protection;

    private Workspace(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.protection = ProtectedFiles.workspace(file);
    }

    /** Creates a new, empty workspace; refuses to overwrite an existing file. */
    public static Workspace create(Path file) {
        build(file, ws -> { });
        return open(file);
    }

    /** Something that fills a new workspace before it appears under its name. */
    @FunctionalInterface
    public interface Filler {
        void fill(Workspace ws) throws SQLException, IOException;
    }

    /**
     * Builds a new workspace at {@code file}, which must not exist: the workspace is created under a hidden
     * temporary name in the same folder, filled, closed, and only then linked into place, which succeeds only
     * while no file of that name exists. Two processes creating the same workspace at once therefore never see a
     * half-made file and never delete each other's: one wins, the other gets {@link AlreadyExistsException}.
     * A failure (or a kill) leaves no file under the real name.
     */
    public static void build(Path file, Filler filler) {
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new AlreadyExistsException(file);
        }
        Path temp = null;
        // While it is built, nothing may be written under the name it will have (a rejects file, say).
        try (ProtectedFiles.Registration future = ProtectedFiles.workspace(file)) {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".creating");
            Files.delete(temp);
            try (Workspace ws = new Workspace(temp, connect(temp))) {
                ws.migrate(0);
                filler.fill(ws);
            }
            place(temp, file);
        } catch (SQLException | IOException e) {
            throw new WorkspaceException(file + ": cannot create the workspace (" + OutputFile.reason(asIo(e)) + ")", e);
        } finally {
            if (temp != null) {
                for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                    try {
                        Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + suffix));
                    } catch (IOException ignored) {
                        // a hidden leftover; the workspace itself is in place or was never made
                    }
                }
            }
        }
    }

    private static IOException asIo(Exception e) {
        return e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }

    /** Gives the finished file its name only if the name is free (a hard link fails when it exists). */
    private static void place(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new AlreadyExistsException(file);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new AlreadyExistsException(file);
            }
            // A file system without hard links: a plain move, which refuses an existing target.
            Files.move(temp, file);
        }
    }

    /** Creating a workspace whose file already exists. */
    public static final class AlreadyExistsException extends WorkspaceException {
        AlreadyExistsException(Path file) {
            super(file + ": a file with this name already exists");
        }
    }

    /**
     * Checks, without opening it, that {@code file} is a workspace this build can open: it exists, is a file, is an
     * SQLite database of Segmint and not of a newer version. Throws the one-line reason {@link #open} would give.
     */
    public static void checkOpenable(Path file) {
        checkFile(file);
    }

    /** Opens an existing workspace, migrating it (after a backup copy) when it is older. */
    public static Workspace open(Path file) {
        int version = checkFile(file);
        Workspace ws;
        try {
            ws = new Workspace(file, connect(file));
        } catch (SQLException e) {
            throw new WorkspaceException(file + ": cannot open the workspace (" + e.getMessage() + ")", e);
        }
        if (version < SCHEMA_VERSION) {
            try {
                ws.backUpAndMigrate();
            } catch (SQLException | IOException | RuntimeException e) {
                ws.close();
                throw new WorkspaceException(file + ": cannot upgrade the workspace to version " + SCHEMA_VERSION
                        + "; it is unchanged (" + e.getMessage() + ")", e);
            }
        }
        return ws;
    }

    /**
     * Opens an existing workspace for reading only: nothing is written to the file (no migration, no setting), and
     * every read through the returned workspace comes from one snapshot of it (one read transaction, held until
     * {@link #close()}), so a copy taken while the app imports is never half old, half new. A workspace of an older
     * version is refused: it would need the migration that opening it in Segmint does.
     */
    public static Workspace openReadOnly(Path file) {
        if (Files.isDirectory(file)) {
            throw new WorkspaceException(file + ": is a folder, not a workspace file (give the .segmint file)");
        }
        if (!Files.isRegularFile(file)) {
            throw new WorkspaceException(file + ": no such workspace file");
        }
        int version = checkHeader(file);
        if (version < SCHEMA_VERSION) {
            throw new WorkspaceException(file + ": made by an older Segmint (workspace version " + version
                    + "); open it once in Segmint to upgrade it, then try again");
        }
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA query_only=ON");
                st.execute("PRAGMA cache_size=-262144");
                st.execute("PRAGMA mmap_size=1073741824");
            }
            c.setAutoCommit(false);
            return new Workspace(file, c);
        } catch (SQLException e) {
            throw new WorkspaceException(file + ": cannot open the workspace (" + e.getMessage() + ")", e);
        }
    }

    /** Opens the workspace, creating it first when it does not exist (a concurrent creator may win; it is opened). */
    public static Workspace openOrCreate(Path file) {
        if (!Files.exists(file)) {
            try {
                build(file, ws -> { });
            } catch (AlreadyExistsException e) {
                // another process created it a moment ago: open theirs
            }
        }
        return open(file);
    }

    public Path file() {
        return file;
    }

    /** The workspace's own connection; use it from one thread at a time. */
    public Connection connection() {
        return connection;
    }

    /** A new connection to the same file with the same settings; the caller closes it. */
    public Connection openConnection() {
        try {
            return connect(file);
        } catch (SQLException e) {
            throw new WorkspaceException(file + ": cannot open a connection (" + e.getMessage() + ")", e);
        }
    }

    /** Work that runs inside a transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run() throws Exception;
    }

    /**
     * Runs {@code work} in one transaction on the workspace's connection: it commits only when the work returns,
     * and rolls back on any failure (an error included), so nothing of a failed change is kept. Inside another
     * transaction the work simply joins it.
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        try {
            if (!connection.getAutoCommit()) {
                return work.run();
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (Exception | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (SQLException e) {
            throw WorkspaceBusyException.of(file + ": the change was not saved", e);
        } catch (Exception e) {
            throw new WorkspaceException(file + ": the change was not saved (" + e.getMessage() + ")", e);
        }
    }

    /** Runs {@code work} on the workspace's connection with another busy timeout, then restores the usual one. */
    public <T> T withBusyTimeout(int millis, java.util.function.Supplier<T> work) {
        setBusyTimeout(millis);
        try {
            return work.get();
        } finally {
            setBusyTimeout(BUSY_TIMEOUT_MS);
        }
    }

    private void setBusyTimeout(int millis) {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA busy_timeout=" + millis);
        } catch (SQLException e) {
            throw new WorkspaceException(file + ": cannot set the busy timeout (" + e.getMessage() + ")", e);
        }
    }

    // Settings //

    public Optional<String> setting(String key) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM sg_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WorkspaceException(file + ": cannot read setting " + key + " (" + e.getMessage() + ")", e);
        }
    }

    public void setSetting(String key, String value) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO sg_meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new WorkspaceException(file + ": cannot save setting " + key + " (" + e.getMessage() + ")", e);
        }
    }

    public AsOfSetting asOfSetting() {
        return AsOfSetting.parse(setting("as_of").orElse("latest"));
    }

    public void setAsOfSetting(AsOfSetting setting) {
        setSetting("as_of", setting.text());
    }

    /**
     * The date relative windows end on, from the as-of setting. "Latest" is the latest order date or
     * event date in the data (today when the workspace has neither).
     */
    public LocalDate asOf() {
        AsOfSetting s = asOfSetting();
        switch (s.mode()) {
            case FIXED:
                return s.fixedDate();
            case TODAY:
                return LocalDate.now();
            default:
                return latestDateInData().orElse(LocalDate.now());
        }
    }

    /** The latest order date or event date in the data (kept by the refresh, see {@link LatestDates}). */
    public Optional<LocalDate> latestDateInData() {
        Optional<Optional<LocalDate>> stored = LatestDates.stored(this);
        if (stored.isPresent()) {
            return stored.get();
        }
        String sql = "SELECT max(d) FROM (SELECT max(order_date) AS d FROM orders"
                + " UNION ALL SELECT max(event_time) / 86400 FROM events)";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            long day = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(day));
        } catch (SQLException e) {
            throw new WorkspaceException(file + ": cannot read the latest date (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A number that changes whenever the data changes (each import, each demo generation). Caches of
     * computed memberships are keyed by it.
     */
    public long dataVersion() {
        return setting("data_version").map(Long::parseLong).orElse(0L);
    }

    public void bumpDataVersion() {
        setSetting("data_version", Long.toString(dataVersion() + 1));
    }

    // Catalog //

    /** Every attribute: the columns of the data tables (without internal keys) and the metrics. */
    public Catalog catalog() {
        List<Field> fields = new ArrayList<>();
        String sql = "SELECT table_name, column_name, type, label FROM sg_columns ORDER BY"
                + " CASE table_name WHEN 'customers' THEN 0 WHEN 'metrics' THEN 1 WHEN 'orders' THEN 2"
                + " WHEN 'order_items' THEN 3 WHEN 'events' THEN 4 ELSE 5 END, table_name, position";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                FieldType type = FieldType.fromJson(rs.getString(3)).orElse(FieldType.TEXT);
                fields.add(new Field(rs.getString(1), rs.getString(2), type, rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new WorkspaceException(file + ": cannot read the catalog (" + e.getMessage() + ")", e);
        }
        return new Catalog(fields);
    }

    /**
     * Adds a column to a data table and to the catalog. The name must be a plain identifier
     * ({@link Identifiers#requireValid}); it is quoted in the DDL all the same.
     */
    public void addColumn(String table, String column, FieldType type, String label) {
        Identifiers.requireValid(table);
        Identifiers.requireValid(column);
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("ALTER TABLE " + Identifiers.quote(table) + " ADD COLUMN " + Identifiers.quote(column)
                    + " " + type.sqlType());
        } catch (SQLException e) {
            throw new WorkspaceException(table + "." + column + ": cannot add the column (" + e.getMessage() + ")", e);
        }
        registerColumn(table, column, type, label);
    }

    /** Records a column in the catalog (the column must exist in the table). */
    public void registerColumn(String table, String column, FieldType type, String label) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO sg_columns(table_name, column_name, type, label, position) VALUES(?, ?, ?, ?,"
                        + " (SELECT count(*) FROM sg_columns WHERE table_name = ?))"
                        + " ON CONFLICT(table_name, column_name) DO UPDATE SET type = excluded.type,"
                        + " label = excluded.label")) {
            ps.setString(1, table);
            ps.setString(2, column);
            ps.setString(3, type.jsonName());
            ps.setString(4, label == null ? Field.defaultLabel(column) : label);
            ps.setString(5, table);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new WorkspaceException(table + "." + column + ": cannot record the column (" + e.getMessage() + ")", e);
        }
    }

    /** Row count of a data table (validated against the catalog). */
    public long rowCount(String table) {
        if (!catalog().hasTable(table)) {
            throw new WorkspaceException("Unknown table '" + table + "'");
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + Identifiers.quote(table))) {
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new WorkspaceException(table + ": cannot count rows (" + e.getMessage() + ")", e);
        }
    }

    /** Rows of an orders, items or events table whose customer is unknown (validated against the catalog). */
    public long orphanCount(String table) {
        if (!catalog().hasTable(table)) {
            throw new WorkspaceException("Unknown table '" + table + "'");
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + Identifiers.quote(table) + " WHERE ck IS NULL")) {
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new WorkspaceException(table + ": cannot count orphans (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        // The columns held for this workspace go with it (the store's map would otherwise keep them reachable).
        org.segmint.persistence.columns.ColumnStore.forget(this);
        protection.close();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new WorkspaceException(file + ": cannot close (" + e.getMessage() + ")", e);
        }
    }

    // Opening and migrating //

    private static Connection connect(Path file) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        // Write transactions take the write lock when they begin (waiting up to the busy timeout for another
        // writer), instead of failing at once with SQLITE_BUSY when a read turns into a write mid-transaction.
        properties.setProperty("transaction_mode", "IMMEDIATE");
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=NORMAL");
            st.execute("PRAGMA foreign_keys=ON");
            st.execute("PRAGMA cache_size=-262144");
            st.execute("PRAGMA mmap_size=1073741824");
            st.execute("PRAGMA temp_store=MEMORY");
            st.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
        }
        return c;
    }

    private static int checkFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new WorkspaceException(file + ": is a folder, not a workspace file (give the .segmint file)");
        }
        if (!Files.isRegularFile(file)) {
            throw new WorkspaceException(file + ": no such workspace file");
        }
        return checkHeader(file);
    }

    /** Reads the SQLite header: refuses files that are not SQLite, not Segmint, or newer than this build. */
    private static int checkHeader(Path file) {
        byte[] header = new byte[100];
        try (var in = Files.newInputStream(file)) {
            int n = in.readNBytes(header, 0, 100);
            if (n < 100 || !new String(header, 0, 15, java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("SQLite format 3")) {
                throw new WorkspaceException(file + ": not a Segmint workspace (not an SQLite database)");
            }
        } catch (IOException e) {
            throw new WorkspaceException(file + ": cannot read the file (" + e.getMessage() + ")", e);
        }
        int userVersion = readInt(header, 60);
        int applicationId = readInt(header, 68);
        if (applicationId != Schema.APPLICATION_ID) {
            throw new WorkspaceException(file + ": not a Segmint workspace (an SQLite database of another program)");
        }
        if (userVersion > SCHEMA_VERSION) {
            throw new WorkspaceException(file + ": made by a newer Segmint (workspace version " + userVersion
                    + ", this version reads up to " + SCHEMA_VERSION + "); please update Segmint");
        }
        return userVersion;
    }

    private static int readInt(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16) | ((b[offset + 2] & 0xff) << 8)
                | (b[offset + 3] & 0xff);
    }

    /**
     * Copies the workspace to {@code NAME.vN.bak} (N = its version now), then migrates it. The copy is made by
     * SQLite ({@code VACUUM INTO}), so it holds every committed change, also those still in the {@code -wal} file,
     * and is written to a hidden name first and moved into place. Another process may migrate the same file at the
     * same moment: the version is read again inside the migration's transaction, and a migrated file is left alone.
     */
    private void backUpAndMigrate() throws SQLException, IOException {
        int version = userVersion();
        if (version >= SCHEMA_VERSION) {
            return;
        }
        Path copy = file.resolveSibling(file.getFileName() + ".v" + version + ".bak");
        Path temp = file.resolveSibling("." + file.getFileName() + ".v" + version + ".bak." + ProcessHandle.current()
                .pid() + ".part");
        Files.deleteIfExists(temp);
        try {
            try (PreparedStatement ps = connection.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, temp.toAbsolutePath().toString());
                ps.execute();
            }
            Files.move(temp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        migrate(version);
    }

    private int userVersion() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }

    /**
     * Applies every migration after {@code fromVersion} in one transaction; when the workspace turns out to be newer
     * by then (migrated by another process meanwhile), only what is still missing.
     */
    private void migrate(int fromVersion) throws SQLException {
        List<List<String>> migrations = Migrations.ALL;
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            // The transaction began IMMEDIATE: no other writer can change the version from here on.
            int start = Math.max(fromVersion, userVersion());
            for (int v = start; v < migrations.size(); v++) {
                for (String sql : migrations.get(v)) {
                    st.execute(sql);
                }
                if (v == 0) {
                    seedCatalog();
                }
            }
            st.execute("PRAGMA application_id=" + Schema.APPLICATION_ID);
            st.execute("PRAGMA user_version=" + SCHEMA_VERSION);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void seedCatalog() {
        for (Field f : Schema.STANDARD_COLUMNS) {
            registerColumn(f.table(), f.column(), f.type(), f.label());
        }
        for (Field f : Schema.METRIC_COLUMNS) {
            registerColumn(f.table(), f.column(), f.type(), f.label());
        }
        setSetting("as_of", "latest");
        setSetting("data_version", "0");
    }
}
