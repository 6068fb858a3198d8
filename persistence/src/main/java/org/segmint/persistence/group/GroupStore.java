package org.segmint.persistence.group;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.group.GroupKind;
import org.segmint.model.group.Schedule;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.persistence.json.ConditionJson;
import org.segmint.persistence.store.ListStore.MatchOn;
import org.segmint.persistence.store.Names;
import org.segmint.persistence.store.Usage;
import org.segmint.persistence.store.UsageFinder;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Static and smart groups of a workspace ({@code sg_groups}; members by customer id in {@code sg_group_members},
 * so they survive a re-import; recalculations in {@code sg_group_history}). Names are unique among groups. Every
 * change is one transaction.
 */
public final class GroupStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECT = "SELECT g.id, g.name, g.kind, g.folder, g.description, g.definition,"
            + " g.schedule, g.recalculated_at, g.recalculated_as_of, g.error, g.created_at, g.updated_at,"
            + " (SELECT count(*) FROM sg_group_members gm JOIN customers c ON c.customer_id = gm.customer_id"
            + " WHERE gm.group_id = g.id) FROM sg_groups g";

    private final Workspace ws;
    private final Clock clock;

    public GroupStore(Workspace ws) {
        this(ws, Clock.systemDefaultZone());
    }

    public GroupStore(Workspace ws, Clock clock) {
        this.ws = ws;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    // Reading //

    /** Every group, by name. */
    public List<Group> list() {
        return read("Cannot list groups", c -> {
            List<Group> result = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SELECT + " ORDER BY g.name")) {
                while (rs.next()) {
                    result.add(group(rs));
                }
            }
            return result;
        });
    }

    public Optional<Group> find(String name) {
        return read("Cannot read group '" + name + "'", c -> find(c, name));
    }

    public Group get(String name) {
        return find(name).orElseThrow(() -> unknown(name));
    }

    /** The keys of the group's members who are customers today. */
    public RoaringBitmap memberKeys(String name) {
        return read("Cannot read group '" + name + "'", c -> Members.keys(c, require(c, name)));
    }

    /** Recalculations of a smart group, newest first. */
    public List<HistoryEntry> history(String name) {
        return read("Cannot read the history of '" + name + "'", c -> {
            long id = require(c, name);
            List<HistoryEntry> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT at, as_of, total, joined, left_count FROM"
                    + " sg_group_history WHERE group_id = ? ORDER BY id DESC")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new HistoryEntry(Instant.parse(rs.getString(1)), LocalDate.parse(rs.getString(2)),
                                rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                    }
                }
            }
            return result;
        });
    }

    /** Where the group is used: segments, models and smart groups with a {@code group} condition, clusters. */
    public List<Usage> usedIn(String name) {
        return read("Cannot check where '" + name + "' is used",
                c -> new UsageFinder().usedIn(c, MembershipCondition.Kind.GROUP, name));
    }

    // Creating //

    /** New empty static groups, all or none (a name given twice or already taken refuses them all). */
    public List<Group> createStatic(List<String> names, String folder) {
        if (names.isEmpty()) {
            throw new WorkspaceException("Give the name of at least one group");
        }
        List<String> checked = checkNewNames(names);
        String f = folder(folder);
        return ws.inTransaction(() -> {
            Connection c = ws.connection();
            List<Group> created = new ArrayList<>();
            for (String n : checked) {
                requireFree(c, n);
                insert(c, n, GroupKind.STATIC, f, "", null, null);
                created.add(find(c, n).orElseThrow());
            }
            return created;
        });
    }

    /**
     * A new smart group with its first calculation: {@code members} are its definition's members as of
     * {@code asOf} (every member has joined).
     */
    public Group createSmart(String name, Condition definition, Schedule schedule, String folder, String description,
                             RoaringBitmap members, LocalDate asOf) {
        String n = checkNewNames(List.of(name)).get(0);
        String f = folder(folder);
        return ws.inTransaction(() -> {
            Connection c = ws.connection();
            requireFree(c, n);
            long id = insert(c, n, GroupKind.SMART, f, description == null ? "" : description.strip(),
                    ConditionJson.toText(definition), schedule.text());
            recordRun(c, id, Members.replace(c, id, members), asOf, clock.instant());
            return find(c, n).orElseThrow();
        });
    }

    // Members of static groups //

    /** Adds customers (by key) to a static group. */
    public MembersEdit add(String name, RoaringBitmap keys) {
        return editKeys(name, keys, true, 0);
    }

    /** Removes customers (by key) from a static group. */
    public MembersEdit remove(String name, RoaringBitmap keys) {
        return editKeys(name, keys, false, 0);
    }

    /**
     * Adds the customers whose customer id (or email) is one of {@code values}; values that match no customer are
     * counted as unknown and not added.
     */
    public MembersEdit addValues(String name, Collection<String> values, MatchOn matchOn) {
        return editValues(name, values, matchOn, true);
    }

    /** Removes the customers whose customer id (or email) is one of {@code values}. */
    public MembersEdit removeValues(String name, Collection<String> values, MatchOn matchOn) {
        return editValues(name, values, matchOn, false);
    }

    private MembersEdit editKeys(String name, RoaringBitmap keys, boolean add, long unknown) {
        return ws.inTransaction(() -> {
            Connection c = ws.connection();
            long id = requireStatic(c, name);
            long changed = add ? Members.add(c, id, keys) : Members.remove(c, id, keys);
            touch(c, id);
            return new MembersEdit(name, Members.keys(c, id).getLongCardinality(), changed, unknown);
        });
    }

    private MembersEdit editValues(String name, Collection<String> values, MatchOn matchOn, boolean add) {
        if (matchOn == MatchOn.EMAIL && ws.catalog().field(Catalog.CUSTOMERS, "email").isEmpty()) {
            throw new WorkspaceException("Cannot match emails: the customers have no email attribute");
        }
        return ws.inTransaction(() -> {
            Connection c = ws.connection();
            long id = requireStatic(c, name);
            Members.forget(c, id);
            fillValues(c, values);
            String column = matchOn == MatchOn.EMAIL ? "email" : "customer_id";
            long unknown = Jdbc.longValue(c, "SELECT count(*) FROM temp.sg_values WHERE value NOT IN (SELECT "
                    + column + " FROM customers WHERE " + column + " IS NOT NULL)");
            long changed;
            if (add) {
                changed = Jdbc.update(c, "INSERT OR IGNORE INTO sg_group_members(group_id, customer_id) SELECT ?,"
                        + " c.customer_id FROM customers c WHERE c." + column + " IN (SELECT value FROM temp.sg_values)",
                        id);
            } else if (matchOn == MatchOn.EMAIL) {
                changed = Jdbc.update(c, "DELETE FROM sg_group_members WHERE group_id = ? AND customer_id IN (SELECT"
                        + " c.customer_id FROM customers c WHERE c.email IN (SELECT value FROM temp.sg_values))", id);
            } else {
                changed = Jdbc.update(c, "DELETE FROM sg_group_members WHERE group_id = ? AND customer_id IN (SELECT"
                        + " value FROM temp.sg_values)", id);
            }
            touch(c, id);
            return new MembersEdit(name, Members.keys(c, id).getLongCardinality(), changed, unknown);
        });
    }

    /** Puts the values into {@code temp.sg_values}, as JSON text bound to one parameter per 50,000 values. */
    private static void fillValues(Connection c, Collection<String> values) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS sg_values(value TEXT PRIMARY KEY) WITHOUT ROWID");
            st.execute("DELETE FROM temp.sg_values");
        }
        List<String> chunk = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO temp.sg_values(value)"
                + " SELECT value FROM json_each(?)")) {
            for (String v : values) {
                if (v == null || v.isBlank()) {
                    continue;
                }
                chunk.add(v.strip());
                if (chunk.size() == 50_000) {
                    ps.setString(1, JSON.writeValueAsString(chunk));
                    ps.executeUpdate();
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                ps.setString(1, JSON.writeValueAsString(chunk));
                ps.executeUpdate();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON array of text", e);
        }
    }

    /** Whether a customer has this customer id or email (tells a header from a first value in a CSV of ids). */
    public boolean isCustomerIdOrEmail(String value) {
        boolean email = ws.catalog().field(Catalog.CUSTOMERS, "email").isPresent();
        return read("Cannot read the customers", c -> Jdbc.longValue(c, "SELECT EXISTS(SELECT 1 FROM customers WHERE"
                + " customer_id = ?)" + (email ? " OR EXISTS(SELECT 1 FROM customers WHERE email = ?)" : ""),
                email ? new Object[] {value, value} : new Object[] {value}) > 0);
    }

    // Changing groups //

    /** Sets the schedule of a smart group. */
    public Group setSchedule(String name, Schedule schedule) {
        return ws.inTransaction(() -> {
            Connection c = ws.connection();
            long id = require(c, name);
            if (!find(c, name).orElseThrow().isSmart()) {
                throw new WorkspaceException("Group '" + name + "' is static: only smart groups have a schedule");
            }
            Jdbc.update(c, "UPDATE sg_groups SET schedule = ?, updated_at = ? WHERE id = ?", schedule.text(),
                    clock.instant().toString(), id);
            return find(c, name).orElseThrow();
        });
    }

    /** Renames a group and every reference to it (segments, models, smart groups, clusters). */
    public Group rename(String name, String newName) {
        String target = Names.check(newName, "Group");
        return ws.inTransaction(() -> {
            Connection c = ws.connection();
            long id = require(c, name);
            if (target.equals(name)) {
                return find(c, name).orElseThrow();
            }
            requireFree(c, target);
            UsageFinder usages = new UsageFinder();
            for (Usage u : usages.usedIn(c, MembershipCondition.Kind.GROUP, name)) {
                usages.renameIn(c, u, MembershipCondition.Kind.GROUP, name, target);
            }
            Jdbc.update(c, "UPDATE sg_groups SET name = ?, updated_at = ? WHERE id = ?", target,
                    clock.instant().toString(), id);
            return find(c, target).orElseThrow();
        });
    }

    /** Deletes a group and its members; refused while it is used (see {@link #usedIn}), unless {@code force}. */
    public Group delete(String name, boolean force) {
        return ws.inTransaction(() -> {
            Connection c = ws.connection();
            Group group = find(c, name).orElseThrow(() -> unknown(name));
            List<Usage> used = new UsageFinder().usedIn(c, MembershipCondition.Kind.GROUP, name);
            if (!used.isEmpty() && !force) {
                throw new WorkspaceException("Group '" + name + "' is used in " + used.stream().map(Usage::describe)
                        .collect(Collectors.joining(", ")) + "; remove those references first or delete with --force");
            }
            Jdbc.update(c, "DELETE FROM sg_groups WHERE name = ?", name);
            return group;
        });
    }

    // Shared with the recalculation, split and set operations //

    static Optional<Group> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE g.name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(group(rs)) : Optional.empty();
            }
        }
    }

    static long require(Connection c, String name) throws SQLException {
        long id = Jdbc.longValue(c, "SELECT coalesce((SELECT id FROM sg_groups WHERE name = ?), -1)", name);
        if (id < 0) {
            throw unknown(name);
        }
        return id;
    }

    static long requireStatic(Connection c, String name) throws SQLException {
        long id = require(c, name);
        String kind = Jdbc.text(c, "SELECT kind FROM sg_groups WHERE id = ?", id).orElse("");
        if (!GroupKind.STATIC.jsonName().equals(kind)) {
            throw new WorkspaceException("Group '" + name + "' is a smart group: its members come from its"
                    + " definition; add to or remove from a static group");
        }
        return id;
    }

    static void requireFree(Connection c, String name) throws SQLException {
        if (Jdbc.longValue(c, "SELECT count(*) FROM sg_groups WHERE name = ?", name) > 0) {
            throw new WorkspaceException("A group named '" + name + "' already exists");
        }
    }

    /** Trimmed, valid names, each once. */
    static List<String> checkNewNames(List<String> names) {
        List<String> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            String n = Names.check(name, "Group");
            if (!seen.add(n)) {
                throw new WorkspaceException("Group name '" + n + "' is given twice");
            }
            checked.add(n);
        }
        return checked;
    }

    long insert(Connection c, String name, GroupKind kind, String folder, String description, String definition,
                String schedule) throws SQLException {
        String now = clock.instant().toString();
        Jdbc.update(c, "INSERT INTO sg_groups(name, kind, folder, description, definition, schedule, created_at,"
                + " updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)", name, kind.jsonName(), folder, description,
                definition, schedule, now, now);
        return require(c, name);
    }

    /** Records one successful run of a smart group (its history row and last recalculation). */
    static void recordRun(Connection c, long id, MemberChange change, LocalDate asOf, Instant at)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO sg_group_history(group_id, at, as_of, total, joined, left_count)"
                + " VALUES(?, ?, ?, ?, ?, ?)", id, at.toString(), asOf.toString(), change.total(), change.joined(),
                change.left());
        Jdbc.update(c, "UPDATE sg_groups SET recalculated_at = ?, recalculated_as_of = ?, error = NULL,"
                + " updated_at = ? WHERE id = ?", at.toString(), asOf.toString(), at.toString(), id);
    }

    void touch(Connection c, long id) throws SQLException {
        Jdbc.update(c, "UPDATE sg_groups SET updated_at = ? WHERE id = ?", clock.instant().toString(), id);
    }

    Workspace workspace() {
        return ws;
    }

    static WorkspaceException unknown(String name) {
        return new WorkspaceException("Unknown group '" + name + "'");
    }

    private static String folder(String folder) {
        return folder == null || folder.isBlank() ? "" : Names.check(folder, "Folder");
    }

    private static Group group(ResultSet rs) throws SQLException {
        String name = rs.getString(2);
        GroupKind kind = GroupKind.fromJson(rs.getString(3)).orElse(GroupKind.STATIC);
        String definition = rs.getString(6);
        Condition condition = definition == null ? null : ConditionJson.parse(definition, "group '" + name + "'");
        Schedule schedule = kind == GroupKind.SMART ? parseSchedule(rs.getString(7)) : Schedule.MANUAL;
        String asOf = rs.getString(9);
        return new Group(name, kind, rs.getString(4), rs.getString(5), condition, schedule,
                instant(rs.getString(8)), asOf == null ? null : LocalDate.parse(asOf), rs.getString(10),
                instant(rs.getString(11)), instant(rs.getString(12)), rs.getLong(13));
    }

    private static Schedule parseSchedule(String text) {
        try {
            return Schedule.parse(text);
        } catch (IllegalArgumentException e) {
            // A schedule this version does not know never runs by itself; the group still works by hand.
            return Schedule.MANUAL;
        }
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** Work on the workspace connection that may throw SQLException. */
    @FunctionalInterface
    interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T read(String what, Read<T> work) {
        try {
            return work.run(ws.connection());
        } catch (SQLException e) {
            throw new WorkspaceException(what + " (" + e.getMessage() + ")", e);
        }
    }
}
