package org.segmint.persistence.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Static groups ({@code sg_groups} of kind {@code static}, members in {@code sg_group_members} by
 * customer id): what {@code group} conditions read. Smart groups share the tables with a definition.
 */
public final class GroupStore {
    public static final String STATIC = "static";

    /** A group and its member count. */
    public record GroupInfo(String name, String kind, long members) {
    }

    private final Workspace ws;
    private final Clock clock;

    public GroupStore(Workspace ws) {
        this(ws, Clock.systemUTC());
    }

    public GroupStore(Workspace ws, Clock clock) {
        this.ws = ws;
        this.clock = clock;
    }

    public GroupInfo createStatic(String name) {
        String n = Sql.checkName(name, "Group");
        String now = clock.instant().toString();
        Sql.inTransaction(ws, "Cannot create group '" + n + "'", c -> {
            if (id(c, n).isPresent()) {
                throw new WorkspaceException("A group named '" + n + "' already exists");
            }
            return Sql.update(c, "INSERT INTO sg_groups(name, kind, created_at, updated_at) VALUES(?, ?, ?, ?)", n,
                    STATIC, now, now);
        });
        return new GroupInfo(n, STATIC, 0);
    }

    /** Adds customers by customer id (ids already in the group are skipped); returns how many were added. */
    public int add(String name, Collection<String> customerIds) {
        return changeMembers(name, customerIds, "INSERT OR IGNORE INTO sg_group_members(group_id, customer_id)"
                + " VALUES(?, ?)");
    }

    /** Removes customers by customer id; returns how many were removed. */
    public int remove(String name, Collection<String> customerIds) {
        return changeMembers(name, customerIds, "DELETE FROM sg_group_members WHERE group_id = ? AND customer_id = ?");
    }

    /** The customer ids of a group, sorted. */
    public List<String> members(String name) {
        return Sql.read(ws, "Cannot read group '" + name + "'", c -> {
            long id = require(c, name);
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT customer_id FROM sg_group_members WHERE group_id = ?"
                    + " ORDER BY customer_id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    public List<GroupInfo> list() {
        return Sql.read(ws, "Cannot list groups", c -> {
            List<GroupInfo> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT g.name, g.kind, (SELECT count(*) FROM"
                    + " sg_group_members m WHERE m.group_id = g.id) FROM sg_groups g ORDER BY g.name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new GroupInfo(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return result;
        });
    }

    /** Where the group is used in definitions (segments, models, smart groups). */
    public List<Usage> usedIn(String name) {
        return Sql.read(ws, "Cannot check where '" + name + "' is used",
                c -> new UsageFinder().usedIn(c, MembershipCondition.Kind.GROUP, name));
    }

    /** Deletes a group and its members; refused while definitions use it, unless {@code force}. */
    public void delete(String name, boolean force) {
        Sql.inTransaction(ws, "Cannot delete group '" + name + "'", c -> {
            long id = require(c, name);
            List<Usage> used = new UsageFinder().usedIn(c, MembershipCondition.Kind.GROUP, name);
            if (!used.isEmpty() && !force) {
                throw new WorkspaceException("Group '" + name + "' is used in " + used.stream().map(Usage::describe)
                        .collect(Collectors.joining(", ")) + "; remove those references first or force the delete");
            }
            return Sql.update(c, "DELETE FROM sg_groups WHERE id = ?", id);
        });
    }

    private int changeMembers(String name, Collection<String> customerIds, String sql) {
        return Sql.inTransaction(ws, "Cannot change group '" + name + "'", c -> {
            long id = require(c, name);
            int changed = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (String customerId : customerIds) {
                    if (customerId == null || customerId.isBlank()) {
                        continue;
                    }
                    ps.setLong(1, id);
                    ps.setString(2, customerId.strip());
                    changed += ps.executeUpdate();
                }
            }
            Sql.update(c, "UPDATE sg_groups SET updated_at = ? WHERE id = ?", clock.instant().toString(), id);
            return changed;
        });
    }

    private static long require(Connection c, String name) throws SQLException {
        return id(c, name).orElseThrow(() -> new WorkspaceException("Unknown group '" + name + "'"));
    }

    private static Optional<Long> id(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sg_groups WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }
}
