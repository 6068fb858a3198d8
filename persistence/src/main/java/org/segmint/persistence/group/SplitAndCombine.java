package org.segmint.persistence.group;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.group.GroupKind;
import org.segmint.model.group.RandomSplit;
import org.segmint.model.group.SetOperation;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * New static groups made from existing ones: a random split ({@link RandomSplit}) and the set operations
 * ({@link SetOperation}). Each makes its groups in one transaction and is logged so that {@link Undo} can delete
 * them again. Members are today's customers of the source groups.
 */
public final class SplitAndCombine {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GroupStore store;
    private final Workspace ws;

    public SplitAndCombine(GroupStore store) {
        this.store = store;
        this.ws = store.workspace();
    }

    /**
     * Splits {@code group} into new static groups named {@code into}: evenly when {@code percents} is null, else
     * by those percentages (one per group, summing to 100); stratified by the customer attribute
     * {@code stratify} when it is not null.
     */
    public List<Group> split(String group, List<String> into, List<BigDecimal> percents, long seed, String stratify) {
        List<String> names = GroupStore.checkNewNames(into);
        if (names.size() < 2) {
            throw new WorkspaceException("A split needs at least two new groups (--into A,B)");
        }
        if (percents != null) {
            checkPercents(names, percents);
        }
        Field stratum = stratify == null ? null : stratumField(stratify);
        return ws.inTransaction(() -> {
            Connection c = ws.connection();
            long source = GroupStore.require(c, group);
            for (String n : names) {
                GroupStore.requireFree(c, n);
            }
            List<String> ids = new ArrayList<>();
            List<String> strata = stratum == null ? null : new ArrayList<>();
            readMembers(c, source, stratum, ids, strata);
            int[] sizes = percents == null ? RandomSplit.evenSizes(ids.size(), names.size())
                    : RandomSplit.percentSizes(ids.size(), percents);
            List<List<String>> parts = RandomSplit.split(ids, strata, sizes, seed);
            String description = "split '" + group + "' into " + String.join(", ", names);
            long batch = Undo.begin(c, group, "split", description, Undo.groupsText(names), ids.size(),
                    store.clock().instant());
            List<Group> created = new ArrayList<>();
            for (int k = 0; k < names.size(); k++) {
                long id = store.insert(c, names.get(k), GroupKind.STATIC, "", description, null, null);
                insertIds(c, id, parts.get(k));
                created.add(GroupStore.find(c, names.get(k)).orElseThrow());
            }
            Undo.finish(c, batch, ids.size());
            return created;
        });
    }

    /** Saves {@code op} of two groups as the new static group {@code into}. */
    public Group combine(SetOperation op, String first, String second, String into) {
        return combine(op, first, null, second, into);
    }

    /**
     * Saves {@code op} of a group and a set of customers (a segment's members, computed by the caller) as the new
     * static group {@code into}; {@code secondName} names the set in the group's description.
     */
    public Group combine(SetOperation op, String first, RoaringBitmap secondMembers, String secondName, String into) {
        String name = GroupStore.checkNewNames(List.of(into)).get(0);
        return ws.inTransaction(() -> {
            Connection c = ws.connection();
            RoaringBitmap a = Members.keys(c, GroupStore.require(c, first));
            RoaringBitmap b = secondMembers != null ? secondMembers : Members.keys(c, GroupStore.require(c, secondName));
            GroupStore.requireFree(c, name);
            RoaringBitmap result = op.apply(a, b);
            String description = op.jsonName() + " of '" + first + "' and '" + secondName + "'";
            long batch = Undo.begin(c, first, "combine", description + " into '" + name + "'",
                    Undo.groupsText(List.of(name)), result.getLongCardinality(), store.clock().instant());
            long id = store.insert(c, name, GroupKind.STATIC, "", description, null, null);
            Members.add(c, id, result);
            Undo.finish(c, batch, result.getLongCardinality());
            return GroupStore.find(c, name).orElseThrow();
        });
    }

    private static void checkPercents(List<String> names, List<BigDecimal> percents) {
        if (percents.size() != names.size()) {
            throw new WorkspaceException("Give one percentage per new group: " + names.size() + " groups, "
                    + percents.size() + " percentages");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal p : percents) {
            if (p.signum() <= 0) {
                throw new WorkspaceException("Each percentage must be more than 0, not " + p.toPlainString());
            }
            sum = sum.add(p);
        }
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new WorkspaceException("The percentages must add up to 100, not " + sum.stripTrailingZeros()
                    .toPlainString());
        }
    }

    private Field stratumField(String name) {
        String column = name.strip().startsWith(Catalog.CUSTOMERS + ".") ? name.strip().substring(10) : name.strip();
        return ws.catalog().field(Catalog.CUSTOMERS, column).orElseThrow(() -> new WorkspaceException(
                "Cannot stratify by '" + name + "': no such customer attribute"));
    }

    private static void readMembers(Connection c, long group, Field stratum, List<String> ids, List<String> strata)
            throws SQLException {
        String value = stratum == null ? "NULL" : "c." + Identifiers.quote(stratum.column());
        try (PreparedStatement ps = c.prepareStatement("SELECT c.customer_id, " + value + " FROM sg_group_members gm"
                + " JOIN customers c ON c.customer_id = gm.customer_id WHERE gm.group_id = ?")) {
            ps.setLong(1, group);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    if (strata != null) {
                        strata.add(rs.getString(2));
                    }
                }
            }
        }
    }

    private static void insertIds(Connection c, long group, List<String> ids) throws SQLException {
        Members.forget(c, group);
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO sg_group_members(group_id, customer_id)"
                + " SELECT ?, value FROM json_each(?)")) {
            for (int from = 0; from < ids.size(); from += 50_000) {
                ps.setLong(1, group);
                ps.setString(2, JSON.writeValueAsString(ids.subList(from, Math.min(ids.size(), from + 50_000))));
                ps.executeUpdate();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON array of text", e);
        }
    }
}
