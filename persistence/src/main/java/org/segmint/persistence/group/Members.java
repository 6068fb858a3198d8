package org.segmint.persistence.group;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.roaringbitmap.RoaringBitmap;

/**
 * The stored members of a group ({@code sg_group_members}, by customer id) seen as keys of today's customers.
 * A stored id that no customer has any more (the customer went in a re-import) is a "ghost": it stays in a static
 * group, so the customer is back in it if re-imported, and it leaves a smart group at its next recalculation.
 */
final class Members {
    private Members() {
    }

    /** The keys of the group's members who are customers today, and how many stored ids are no customer. */
    record Stored(RoaringBitmap keys, long ghosts) {
    }

    static Stored stored(Connection c, long groupId) throws SQLException {
        RoaringBitmap remembered = remembered(c, groupId);
        if (remembered != null) {
            return new Stored(remembered, 0);
        }
        // the keys travel as one comma-separated text (group_concat): one row instead of one per member
        String text = Jdbc.text(c, "SELECT group_concat(c.ck) FROM sg_group_members gm JOIN customers c"
                + " ON c.customer_id = gm.customer_id WHERE gm.group_id = ?", groupId).orElse(null);
        RoaringBitmap keys = parse(text);
        long stored = Jdbc.longValue(c, "SELECT count(*) FROM sg_group_members WHERE group_id = ?", groupId);
        return new Stored(keys, stored - keys.getLongCardinality());
    }

    /**
     * The keys remembered at the group's last recalculation, when the data has not changed since (then no stored id
     * can be a ghost: a recalculation removes them, and only an import makes new ones); else null.
     */
    private static RoaringBitmap remembered(Connection c, long groupId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT g.member_keys FROM sg_groups g WHERE g.id = ?"
                + " AND g.member_keys IS NOT NULL AND g.member_keys_version = (SELECT CAST(value AS INTEGER)"
                + " FROM sg_meta WHERE key = 'data_version')")) {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                RoaringBitmap keys = new RoaringBitmap();
                keys.deserialize(ByteBuffer.wrap(rs.getBytes(1)));
                return keys;
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** Remembers {@code keys} as the group's members at the current data version. */
    static void remember(Connection c, long groupId, RoaringBitmap keys) throws SQLException {
        keys.runOptimize();
        ByteBuffer bytes = ByteBuffer.allocate(keys.serializedSizeInBytes());
        keys.serialize(bytes);
        Jdbc.update(c, "UPDATE sg_groups SET member_keys = ?, member_keys_version = (SELECT CAST(value AS INTEGER)"
                + " FROM sg_meta WHERE key = 'data_version') WHERE id = ?", bytes.array(), groupId);
    }

    /** Forgets the remembered keys (the members changed in another way than a recalculation). */
    static void forget(Connection c, long groupId) throws SQLException {
        Jdbc.update(c, "UPDATE sg_groups SET member_keys = NULL, member_keys_version = NULL WHERE id = ?", groupId);
    }

    /** Keys from "12,7,300" (any order). */
    static RoaringBitmap parse(String keys) {
        RoaringBitmap result = new RoaringBitmap();
        if (keys == null || keys.isEmpty()) {
            return result;
        }
        int[] buffer = new int[4096];
        int n = 0;
        int value = 0;
        for (int i = 0, len = keys.length(); i <= len; i++) {
            char ch = i < len ? keys.charAt(i) : ',';
            if (ch == ',') {
                buffer[n++] = value;
                value = 0;
                if (n == buffer.length) {
                    result.addN(buffer, 0, n);
                    n = 0;
                }
            } else {
                value = value * 10 + (ch - '0');
            }
        }
        result.addN(buffer, 0, n);
        result.runOptimize();
        return result;
    }

    static RoaringBitmap keys(Connection c, long groupId) throws SQLException {
        return stored(c, groupId).keys();
    }

    /** Makes {@code next} the members of the group (ghosts leave), returning what changed. */
    static MemberChange replace(Connection c, long groupId, RoaringBitmap next) throws SQLException {
        Stored before = stored(c, groupId);
        RoaringBitmap joined = RoaringBitmap.andNot(next, before.keys());
        RoaringBitmap left = RoaringBitmap.andNot(before.keys(), next);
        if (before.ghosts() > 0) {
            Jdbc.update(c, "DELETE FROM sg_group_members WHERE group_id = ? AND customer_id NOT IN"
                    + " (SELECT customer_id FROM customers)", groupId);
        }
        remove(c, groupId, left);
        add(c, groupId, joined);
        remember(c, groupId, next.clone());
        return new MemberChange(next.getLongCardinality(), joined.getLongCardinality(),
                left.getLongCardinality() + before.ghosts());
    }

    /** Adds the customers of {@code keys} (members already in are skipped); returns how many were added. */
    static long add(Connection c, long groupId, RoaringBitmap keys) throws SQLException {
        if (keys.isEmpty()) {
            return 0;
        }
        forget(c, groupId);
        KeyTable.fill(c, keys);
        return Jdbc.update(c, "INSERT OR IGNORE INTO sg_group_members(group_id, customer_id) SELECT ?, c.customer_id"
                + " FROM customers c WHERE c.ck IN (SELECT ck FROM " + KeyTable.NAME + ")", groupId);
    }

    /** Removes the customers of {@code keys}; returns how many were members. */
    static long remove(Connection c, long groupId, RoaringBitmap keys) throws SQLException {
        if (keys.isEmpty()) {
            return 0;
        }
        forget(c, groupId);
        KeyTable.fill(c, keys);
        return Jdbc.update(c, "DELETE FROM sg_group_members WHERE group_id = ? AND customer_id IN"
                + " (SELECT c.customer_id FROM customers c WHERE c.ck IN (SELECT ck FROM " + KeyTable.NAME + "))",
                groupId);
    }
}
