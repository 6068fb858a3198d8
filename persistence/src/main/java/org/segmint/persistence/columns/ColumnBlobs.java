package org.segmint.persistence.columns;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/**
 * Columns kept inside the workspace, so that opening it does not read every row again: each table's arrays
 * (layout, dates, amounts, codes, dictionaries) as little-endian blobs in {@code sg_column_blobs}, split into
 * parts of at most {@value #PART_BYTES} bytes, and in {@code sg_column_sets} the data version they were read
 * at. A set is used only at that data version; writers that leave a table unchanged carry its set forward to the
 * new version ({@link #carryForward}). Both tables are a cache: dropping them loses nothing.
 *
 * <p>Each set is written in one transaction, so a crash while writing leaves the previous state. Each part also
 * records how many parts its array has and a CRC-32C of its bytes; an array with a missing part, a wrong length
 * or a damaged byte is never used: reading it throws {@link DamagedColumnsException}, and the set is read from
 * the rows again.
 */
public final class ColumnBlobs {
    static final int PART_BYTES = 8 << 20;

    private static final String CREATE_SETS = "CREATE TABLE IF NOT EXISTS sg_column_sets(table_name TEXT PRIMARY KEY,"
            + " data_version INTEGER NOT NULL, built_version INTEGER NOT NULL)";
    private static final String CREATE_BLOBS = "CREATE TABLE IF NOT EXISTS sg_column_blobs(table_name TEXT NOT NULL,"
            + " name TEXT NOT NULL, part INTEGER NOT NULL, parts INTEGER NOT NULL, crc INTEGER NOT NULL,"
            + " data BLOB NOT NULL, PRIMARY KEY(table_name, name, part))";

    private ColumnBlobs() {
    }

    /**
     * The stored set of a table: valid at {@code dataVersion}; {@code builtVersion} is the version its rows were
     * read at (carrying it forward keeps that), so arrays held in memory from the same build can be kept.
     */
    record SetVersion(long dataVersion, long builtVersion) {
    }

    /** The versions of the stored set of {@code table}, or null when there is none. */
    static SetVersion version(Connection c, String table) throws SQLException {
        if (!exists(c)) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT data_version, built_version FROM sg_column_sets WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new SetVersion(rs.getLong(1), rs.getLong(2)) : null;
            }
        }
    }

    /** Whether the stored set holds an array named {@code name}. */
    static boolean has(Connection c, String table, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sg_column_blobs WHERE table_name = ? AND name = ? AND part = 0")) {
            ps.setString(1, table);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Whether the blobs table is missing or has this layout (an older one is dropped: it is only a cache). */
    private static boolean currentLayout(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pragma_table_info('sg_column_blobs')"
                     + " WHERE name IN ('parts', 'crc')")) {
            return rs.next() && rs.getInt(1) == 2 || !exists(c);
        }
    }

    private static boolean exists(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM sqlite_schema WHERE type = 'table'"
                     + " AND name = 'sg_column_sets'")) {
            return rs.next();
        }
    }

    /** Starts a new set of {@code table} at {@code version}, dropping the arrays of any older one. */
    static void startSet(Connection c, String table, long version) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (!currentLayout(c)) {
                st.execute("DROP TABLE IF EXISTS sg_column_blobs");
                st.execute("DROP TABLE IF EXISTS sg_column_sets");
            }
            st.execute(CREATE_SETS);
            st.execute(CREATE_BLOBS);
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM sg_column_blobs WHERE table_name = ?");
             PreparedStatement set = c.prepareStatement("INSERT INTO sg_column_sets(table_name, data_version,"
                     + " built_version) VALUES(?, ?, ?) ON CONFLICT(table_name) DO UPDATE SET"
                     + " data_version = excluded.data_version, built_version = excluded.built_version")) {
            del.setString(1, table);
            del.executeUpdate();
            set.setString(1, table);
            set.setLong(2, version);
            set.setLong(3, version);
            set.executeUpdate();
        }
    }

    /**
     * Moves every set stored at {@code from} to {@code to}, except the sets of {@code changed} tables, which
     * are dropped: called in the transaction that moves the data version on.
     */
    public static void carryForward(Connection c, long from, long to, java.util.Collection<String> changed)
            throws SQLException {
        if (!exists(c)) {
            return;
        }
        try (PreparedStatement drop = c.prepareStatement("DELETE FROM sg_column_blobs WHERE table_name = ?");
             PreparedStatement dropSet = c.prepareStatement("DELETE FROM sg_column_sets WHERE table_name = ?")) {
            for (String table : changed) {
                drop.setString(1, table);
                drop.executeUpdate();
                dropSet.setString(1, table);
                dropSet.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE sg_column_sets SET data_version = ? WHERE data_version = ?")) {
            ps.setLong(1, to);
            ps.setLong(2, from);
            ps.executeUpdate();
        }
    }

    /** Drops every stored set (the data changed in a way nobody tracked). */
    public static void dropAll(Connection c) throws SQLException {
        if (exists(c)) {
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM sg_column_blobs");
                st.execute("DELETE FROM sg_column_sets");
            }
        }
    }

    // Writing //

    static void write(Connection c, String table, String name, int[] values) throws SQLException {
        ByteBuffer b = buffer(4L * values.length);
        b.asIntBuffer().put(values);
        put(c, table, name, b.array());
    }

    static void write(Connection c, String table, String name, long[] values) throws SQLException {
        ByteBuffer b = buffer(8L * values.length);
        b.asLongBuffer().put(values);
        put(c, table, name, b.array());
    }

    static void write(Connection c, String table, String name, double[] values) throws SQLException {
        ByteBuffer b = buffer(8L * values.length);
        b.asDoubleBuffer().put(values);
        put(c, table, name, b.array());
    }

    static void write(Connection c, String table, String name, String[] values) throws SQLException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(values.length);
            for (String v : values) {
                byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        put(c, table, name, bytes.toByteArray());
    }

    static void write(Connection c, String table, String name, RoaringBitmap values) throws SQLException {
        ByteBuffer b = ByteBuffer.allocate(values.serializedSizeInBytes());
        values.serialize(b);
        put(c, table, name, b.array());
    }

    private static ByteBuffer buffer(long bytes) {
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("column too large: " + bytes + " bytes");
        }
        return ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void put(Connection c, String table, String name, byte[] data) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO sg_column_blobs(table_name, name, part,"
                + " parts, crc, data) VALUES(?, ?, ?, ?, ?, ?)")) {
            int parts = Math.max(1, (data.length + PART_BYTES - 1) / PART_BYTES);
            for (int p = 0; p < parts; p++) {
                int from = p * PART_BYTES;
                int to = Math.min(data.length, from + PART_BYTES);
                ps.setString(1, table);
                ps.setString(2, name);
                byte[] part = java.util.Arrays.copyOfRange(data, from, to);
                ps.setInt(3, p);
                ps.setInt(4, parts);
                ps.setLong(5, crc(part));
                ps.setBytes(6, part);
                ps.executeUpdate();
            }
        }
    }

    // Reading //

    static int[] readInts(Connection c, String table, String name) throws SQLException {
        long bytes = size(c, table, name);
        int[] values = new int[(int) (bytes / 4)];
        int[] at = {0};
        parts(c, table, name, b -> {
            int n = b.remaining() / 4;
            if (b.remaining() % 4 != 0 || at[0] + n > values.length) {
                throw new DamagedColumnsException(table + "." + name + " has parts of the wrong length");
            }
            b.asIntBuffer().get(values, at[0], n);
            at[0] += n;
        });
        if (bytes % 4 != 0 || at[0] != values.length) {
            throw new DamagedColumnsException(table + "." + name + " has the wrong length");
        }
        return values;
    }

    static long[] readLongs(Connection c, String table, String name) throws SQLException {
        long bytes = size(c, table, name);
        long[] values = new long[(int) (bytes / 8)];
        int[] at = {0};
        parts(c, table, name, b -> {
            int n = b.remaining() / 8;
            if (b.remaining() % 8 != 0 || at[0] + n > values.length) {
                throw new DamagedColumnsException(table + "." + name + " has parts of the wrong length");
            }
            b.asLongBuffer().get(values, at[0], n);
            at[0] += n;
        });
        if (bytes % 8 != 0 || at[0] != values.length) {
            throw new DamagedColumnsException(table + "." + name + " has the wrong length");
        }
        return values;
    }

    static double[] readDoubles(Connection c, String table, String name) throws SQLException {
        long bytes = size(c, table, name);
        double[] values = new double[(int) (bytes / 8)];
        int[] at = {0};
        parts(c, table, name, b -> {
            int n = b.remaining() / 8;
            if (b.remaining() % 8 != 0 || at[0] + n > values.length) {
                throw new DamagedColumnsException(table + "." + name + " has parts of the wrong length");
            }
            b.asDoubleBuffer().get(values, at[0], n);
            at[0] += n;
        });
        if (bytes % 8 != 0 || at[0] != values.length) {
            throw new DamagedColumnsException(table + "." + name + " has the wrong length");
        }
        return values;
    }

    private static long size(Connection c, String table, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), sum(length(data)), min(parts), max(parts)"
                + " FROM sg_column_blobs WHERE table_name = ? AND name = ?")) {
            ps.setString(1, table);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getLong(1) == 0) {
                    throw new DamagedColumnsException(table + "." + name + " is missing");
                }
                if (rs.getLong(1) != rs.getLong(3) || rs.getLong(3) != rs.getLong(4)) {
                    throw new DamagedColumnsException(table + "." + name + " has " + rs.getLong(1) + " of "
                            + rs.getLong(4) + " parts");
                }
                return rs.getLong(2);
            }
        }
    }

    /** The CRC-32C of a part, as stored beside it. */
    private static long crc(byte[] part) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(part);
        return crc.getValue();
    }

    /** A part's bytes after checking them against the part's stored count and CRC. */
    private static byte[] checked(ResultSet rs, String table, String name, int expectedPart) throws SQLException {
        byte[] data = rs.getBytes(1);
        if (rs.getInt(2) != expectedPart || data == null || crc(data) != rs.getLong(3)) {
            throw new DamagedColumnsException(table + "." + name + " part " + expectedPart + " is damaged");
        }
        return data;
    }

    /** Hands each part of an array, in order, as a little-endian buffer. */
    private interface PartReader {
        void part(ByteBuffer part);
    }

    private static void parts(Connection c, String table, String name, PartReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT data, part, crc FROM sg_column_blobs"
                + " WHERE table_name = ? AND name = ? ORDER BY part")) {
            ps.setString(1, table);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                int part = 0;
                while (rs.next()) {
                    byte[] data = checked(rs, table, name, part++);
                    reader.part(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN));
                }
            }
        }
    }

    static String[] readTexts(Connection c, String table, String name) throws SQLException {
        ByteBuffer b = ByteBuffer.wrap(get(c, table, name));
        String[] values = new String[b.getInt()];
        for (int i = 0; i < values.length; i++) {
            byte[] utf8 = new byte[b.getInt()];
            b.get(utf8);
            values[i] = new String(utf8, StandardCharsets.UTF_8);
        }
        return values;
    }

    static RoaringBitmap readBitmap(Connection c, String table, String name) throws SQLException {
        RoaringBitmap bitmap = new RoaringBitmap();
        try {
            bitmap.deserialize(ByteBuffer.wrap(get(c, table, name)));
        } catch (IOException | RuntimeException e) {
            throw new DamagedColumnsException(table + "." + name + " cannot be read (" + e.getMessage() + ")");
        }
        return bitmap;
    }

    /** The parts of one array joined; the set must hold it (see {@link #has}). */
    private static byte[] get(Connection c, String table, String name) throws SQLException {
        List<byte[]> parts = new ArrayList<>();
        long total = 0;
        long expected = size(c, table, name);
        try (PreparedStatement ps = c.prepareStatement("SELECT data, part, crc FROM sg_column_blobs"
                + " WHERE table_name = ? AND name = ? ORDER BY part")) {
            ps.setString(1, table);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] part = checked(rs, table, name, parts.size());
                    parts.add(part);
                    total += part.length;
                }
            }
        }
        if (parts.isEmpty() || total != expected) {
            throw new DamagedColumnsException(table + "." + name + " changed while it was read");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        byte[] all = new byte[(int) total];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
