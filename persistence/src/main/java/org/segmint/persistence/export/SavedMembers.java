package org.segmint.persistence.export;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.segment.Condition;
import org.segmint.persistence.json.ConditionJson;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The groups and uploaded lists of a workspace with their members as customer ids, for a copy of the workspace
 * elsewhere: group members as stored; list members resolved to the customers the list matches (on customer id or
 * on email, exactly as a {@code list} condition matches them).
 */
public final class SavedMembers {
    /**
     * A stored group.
     *
     * @param definition the definition of a smart group, null for a static one
     * @param schedule   when a smart group recalculates by itself ({@code manual} when not set)
     */
    public record GroupInfo(String name, String kind, Condition definition, String schedule) {
        public boolean smart() {
            return definition != null;
        }
    }

    /** Receives one member: the group's or list's name and a customer id. */
    @FunctionalInterface
    public interface MemberConsumer {
        void member(String name, String customerId) throws Exception;
    }

    private SavedMembers() {
    }

    /** Every group, by name. */
    public static List<GroupInfo> groups(Workspace ws) {
        List<GroupInfo> groups = new ArrayList<>();
        try (PreparedStatement ps = ws.connection().prepareStatement("SELECT name, kind, definition, schedule"
                + " FROM sg_groups ORDER BY name"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                String definition = rs.getString(3);
                Condition parsed = definition == null || definition.isBlank() ? null
                        : ConditionJson.parse(definition, "group '" + name + "'");
                String schedule = rs.getString(4);
                groups.add(new GroupInfo(name, rs.getString(2), parsed,
                        schedule == null || schedule.isBlank() ? "manual" : schedule));
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read the groups (" + e.getMessage() + ")", e);
        }
        return groups;
    }

    /** Every list name. */
    public static List<String> lists(Workspace ws) {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = ws.connection().prepareStatement("SELECT name FROM sg_lists ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read the lists (" + e.getMessage() + ")", e);
        }
        return names;
    }

    /** Hands every group member to {@code consumer}; returns how many. */
    public static long groupMembers(Workspace ws, MemberConsumer consumer) {
        return members(ws, "SELECT g.name, m.customer_id FROM sg_group_members m JOIN sg_groups g ON g.id = m.group_id"
                + " ORDER BY g.name",
                "groups", consumer);
    }

    /** Hands every customer the uploaded list {@code name} matches to {@code consumer}; returns how many. */
    public static long listMembers(Workspace ws, String name, MemberConsumer consumer) {
        String matchOn;
        try (PreparedStatement ps = ws.connection().prepareStatement("SELECT match_on FROM sg_lists WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new WorkspaceException("Unknown list '" + name + "'");
                }
                matchOn = rs.getString(1);
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read list '" + name + "' (" + e.getMessage() + ")", e);
        }
        if (ws.catalog().field(Catalog.CUSTOMERS, matchOn).isEmpty()) {
            return 0;
        }
        String sql = "SELECT l.name, c.customer_id FROM sg_lists l JOIN sg_list_members m ON m.list_id = l.id"
                + " JOIN customers c ON c." + Identifiers.quote(matchOn) + " = m.value WHERE l.name = ?";
        long n = 0;
        try (PreparedStatement ps = ws.connection().prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.member(rs.getString(1), rs.getString(2));
                    n++;
                }
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read list '" + name + "' (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WorkspaceException("Cannot copy list '" + name + "' (" + e.getMessage() + ")", e);
        }
        return n;
    }

    private static long members(Workspace ws, String sql, String what, MemberConsumer consumer) {
        long n = 0;
        try (PreparedStatement ps = ws.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                consumer.member(rs.getString(1), rs.getString(2));
                n++;
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read the " + what + " (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WorkspaceException("Cannot copy the " + what + " (" + e.getMessage() + ")", e);
        }
        return n;
    }
}
