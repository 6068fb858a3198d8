package org.segmint.persistence.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Uploaded lists ({@code sg_lists}, values in {@code sg_list_members}): customer ids or emails read from
 * a CSV. A list matches customers on {@code customer_id} or on {@code email}, as recorded in
 * {@code match_on}; values are trimmed and then compared exactly, as the segment engine does.
 */
public final class ListStore {

    /** What the values of a list are matched against. */
    public enum MatchOn {
        CUSTOMER_ID("customer_id"),
        EMAIL("email");

        private final String column;

        MatchOn(String column) {
            this.column = column;
        }

        /** The customers column and the value stored in {@code sg_lists.match_on}. */
        public String column() {
            return column;
        }

        public static Optional<MatchOn> fromColumn(String column) {
            for (MatchOn m : values()) {
                if (m.column.equals(column)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    /** A list with what it matches on and how many distinct values it holds. */
    public record ListInfo(String name, MatchOn matchOn, long values) {
    }

    private final Workspace ws;
    private final Clock clock;

    public ListStore(Workspace ws) {
        this(ws, Clock.systemUTC());
    }

    public ListStore(Workspace ws, Clock clock) {
        this.ws = ws;
        this.clock = clock;
    }

    /** Creates a list from a CSV file; see {@link #create(String, Reader, String, String, MatchOn)}. */
    public ListInfo create(String name, Path csv, String column, MatchOn matchOn) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return create(name, reader, csv.toString(), column, matchOn);
        } catch (IOException e) {
            throw new WorkspaceException(csv + ": cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Creates a list from CSV text. With {@code column} the values come from that header column; without
     * it the file must have one column, and its first row is a header unless it already looks like a
     * value (an email or a number). {@code matchOn} null means: emails when every value contains
     * {@code @}, customer ids otherwise.
     */
    public ListInfo create(String name, Reader csv, String source, String column, MatchOn matchOn) {
        String n = Sql.checkName(name, "List");
        Set<String> values = CsvValues.read(csv, source, column);
        if (values.isEmpty()) {
            throw new WorkspaceException(source + ": no values found");
        }
        MatchOn match = matchOn != null ? matchOn
                : values.stream().allMatch(v -> v.contains("@")) ? MatchOn.EMAIL : MatchOn.CUSTOMER_ID;
        if (match == MatchOn.EMAIL && !ws.catalog().field(Catalog.CUSTOMERS, "email").isPresent()) {
            throw new WorkspaceException(source + ": a list of emails needs a customers.email column");
        }
        Sql.inTransaction(ws, "Cannot create list '" + n + "'", c -> {
            if (id(c, n).isPresent()) {
                throw new WorkspaceException("A list named '" + n + "' already exists");
            }
            Sql.update(c, "INSERT INTO sg_lists(name, match_on, created_at) VALUES(?, ?, ?)", n, match.column(),
                    clock.instant().toString());
            long id = id(c, n).orElseThrow();
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO sg_list_members(list_id, value)"
                    + " VALUES(?, ?)")) {
                for (String v : values) {
                    ps.setLong(1, id);
                    ps.setString(2, v);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return id;
        });
        return info(n);
    }

    public ListInfo info(String name) {
        return list().stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new WorkspaceException("Unknown list '" + name + "'"));
    }

    public List<ListInfo> list() {
        return Sql.read(ws, "Cannot list uploaded lists", c -> {
            List<ListInfo> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT l.name, l.match_on, (SELECT count(*) FROM"
                    + " sg_list_members m WHERE m.list_id = l.id) FROM sg_lists l ORDER BY l.name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new ListInfo(rs.getString(1), MatchOn.fromColumn(rs.getString(2))
                            .orElse(MatchOn.CUSTOMER_ID), rs.getLong(3)));
                }
            }
            return result;
        });
    }

    /** The values as stored, sorted. */
    public List<String> values(String name) {
        return Sql.read(ws, "Cannot read list '" + name + "'", c -> {
            long id = require(c, name);
            return strings(c, "SELECT value FROM sg_list_members WHERE list_id = ? ORDER BY value", id);
        });
    }

    /** The customer ids of the workspace's customers that the list matches, sorted. */
    public List<String> members(String name) {
        MatchOn match = info(name).matchOn();
        String on = match == MatchOn.EMAIL ? "m.value = c.email" : "m.value = c.customer_id";
        return Sql.read(ws, "Cannot read list '" + name + "'", c -> {
            long id = require(c, name);
            return strings(c, "SELECT c.customer_id FROM customers c JOIN sg_list_members m ON m.list_id = ? AND "
                    + on + " ORDER BY c.customer_id", id);
        });
    }

    /** Where the list is used in definitions (segments, models, smart groups). */
    public List<Usage> usedIn(String name) {
        return Sql.read(ws, "Cannot check where '" + name + "' is used",
                c -> new UsageFinder().usedIn(c, MembershipCondition.Kind.LIST, name));
    }

    /** Deletes a list; refused while definitions use it, unless {@code force}. */
    public void delete(String name, boolean force) {
        Sql.inTransaction(ws, "Cannot delete list '" + name + "'", c -> {
            long id = require(c, name);
            List<Usage> used = new UsageFinder().usedIn(c, MembershipCondition.Kind.LIST, name);
            if (!used.isEmpty() && !force) {
                throw new WorkspaceException("List '" + name + "' is used in " + used.stream().map(Usage::describe)
                        .collect(Collectors.joining(", ")) + "; remove those references first or force the delete");
            }
            return Sql.update(c, "DELETE FROM sg_lists WHERE id = ?", id);
        });
    }

    private static long require(Connection c, String name) throws SQLException {
        return id(c, name).orElseThrow(() -> new WorkspaceException("Unknown list '" + name + "'"));
    }

    private static Optional<Long> id(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sg_lists WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static List<String> strings(Connection c, String sql, long id) throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }
}
