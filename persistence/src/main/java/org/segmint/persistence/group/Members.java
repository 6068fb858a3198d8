package org.segmint.persistence.group;

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
        RoaringBitmap keys = new RoaringBitmap();
        long ghosts = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT c.ck FROM sg_group_members gm LEFT JOIN customers c"
                + " ON c.customer_id = gm.customer_id WHERE gm.group_id = ?")) {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int ck = rs.getInt(1);
                    if (rs.wasNull()) {
                        ghosts++;
                    } else {
                        keys.add(ck);
                    }
                }
            }
        }
        keys.runOptimize();
        return new Stored(keys, ghosts);
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
        return new MemberChange(next.getLongCardinality(), joined.getLongCardinality(),
                left.getLongCardinality() + before.ghosts());
    }

    /** Adds the customers of {@code keys} (members already in are skipped); returns how many were added. */
    static long add(Connection c, long groupId, RoaringBitmap keys) throws SQLException {
        if (keys.isEmpty()) {
            return 0;
        }
        KeyTable.fill(c, keys);
        return Jdbc.update(c, "INSERT OR IGNORE INTO sg_group_members(group_id, customer_id) SELECT ?, c.customer_id"
                + " FROM customers c WHERE c.ck IN (SELECT ck FROM " + KeyTable.NAME + ")", groupId);
    }

    /** Removes the customers of {@code keys}; returns how many were members. */
    static long remove(Connection c, long groupId, RoaringBitmap keys) throws SQLException {
        if (keys.isEmpty()) {
            return 0;
        }
        KeyTable.fill(c, keys);
        return Jdbc.update(c, "DELETE FROM sg_group_members WHERE group_id = ? AND customer_id IN"
                + " (SELECT c.customer_id FROM customers c WHERE c.ck IN (SELECT ck FROM " + KeyTable.NAME + "))",
                groupId);
    }
}
