package org.segmint.persistence.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * A set of customer keys put into the temporary table {@code temp.sg_keys(ck)} of one connection, so that SQL
 * can join it with customers (to reach their customer ids) in one statement. The keys travel as JSON arrays of
 * up to 100,000 numbers, one statement each, which is far faster than a row-by-row batch.
 */
final class KeyTable {
    static final String NAME = "temp.sg_keys";
    private static final int CHUNK = 100_000;

    private KeyTable() {
    }

    /** Empties the table and fills it with {@code keys}. */
    static void fill(Connection c, RoaringBitmap keys) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS sg_keys(ck INTEGER PRIMARY KEY)");
            st.execute("DELETE FROM temp.sg_keys");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO temp.sg_keys(ck)"
                + " SELECT value FROM json_each(?)")) {
            StringBuilder chunk = new StringBuilder("[");
            int n = 0;
            IntIterator it = keys.getIntIterator();
            while (it.hasNext()) {
                if (n > 0) {
                    chunk.append(',');
                }
                chunk.append(it.next());
                if (++n == CHUNK) {
                    ps.setString(1, chunk.append(']').toString());
                    ps.executeUpdate();
                    chunk.setLength(0);
                    chunk.append('[');
                    n = 0;
                }
            }
            if (n > 0) {
                ps.setString(1, chunk.append(']').toString());
                ps.executeUpdate();
            }
        }
    }
}
