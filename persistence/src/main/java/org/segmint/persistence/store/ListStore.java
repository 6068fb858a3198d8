package org.segmint.persistence.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.importing.CsvColumn;
import org.segmint.persistence.importing.CustomerIds;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Uploaded lists ({@code sg_lists}, values in {@code sg_list_members}): customer ids or emails read from one column
 * of a CSV file ({@link ListFile}). A list matches customers on {@code customer_id} or on {@code email}, as recorded
 * in {@code match_on}; emails are trimmed, customer ids normalised as in every import ({@code 12923.0} is
 * {@code 12923}), and then compared exactly, as the segment engine does. Values that match no customer are kept
 * (the customers may be imported later) and reported at upload.
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

    /**
     * What an upload of a file column would give, or gave: the rows read, the distinct values, how many customers
     * they match now, and the rows and values that match no customer (with a few examples).
     *
     * @param name the list's name, or null for a check before uploading
     */
    public record ListReport(String name, MatchOn matchOn, long rows, long values, long customers, long unmatchedRows,
                             long unmatchedValues, List<String> unmatchedExamples) {
        public ListReport {
            unmatchedExamples = List.copyOf(unmatchedExamples);
        }
    }

    /** How many unmatched values a report names. */
    static final int EXAMPLES = 5;

    /**
     * Checks an upload without saving anything: reads the column to the end and matches its values against the
     * customers as they are now.
     */
    public ListReport check(ListFile file, int column, MatchOn matchOn, Cancellation cancel) {
        MatchOn match = matchOn == null ? file.suggestedMatch(column) : matchOn;
        requireMatchColumn(match, file);
        CsvColumn.Values values = read(file, column, match, cancel);
        return Sql.read(ws, "Cannot check the list", c -> {
            ListReport report = measure(c, null, match, values);
            dropCheck(c);
            return report;
        });
    }

    /**
     * How the stored list {@code name} matches the customers now (a re-import may have changed them); rows are its
     * distinct values, as the file's repeats were not kept.
     */
    public ListReport report(String name) {
        ListInfo info = info(name);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String v : values(name)) {
            counts.put(v, 1L);
        }
        return Sql.read(ws, "Cannot read list '" + name + "'", c -> {
            ListReport report = measure(c, name, info.matchOn(), new CsvColumn.Values(counts, counts.size(), 0));
            dropCheck(c);
            return report;
        });
    }

    /**
     * Uploads column {@code column} of {@code file} as the list {@code name}, in one transaction. A list of that
     * name is refused unless {@code replace}: then its values are replaced (segments that use it keep working).
     * {@code matchOn} null means the file's suggestion ({@link ListFile#suggestedMatch}).
     */
    public ListReport upload(String name, ListFile file, int column, MatchOn matchOn, boolean replace,
                             Cancellation cancel) {
        String n = Sql.checkName(name, "List");
        MatchOn match = matchOn == null ? file.suggestedMatch(column) : matchOn;
        requireMatchColumn(match, file);
        CsvColumn.Values values = read(file, column, match, cancel);
        return Sql.inTransaction(ws, "Cannot save list '" + n + "'", c -> {
            Optional<Long> existing = id(c, n);
            if (existing.isPresent() && !replace) {
                throw new WorkspaceException("A list named '" + n + "' already exists (upload it again with"
                        + " --replace to replace its values)");
            }
            long id;
            if (existing.isPresent()) {
                id = existing.get();
                Sql.update(c, "DELETE FROM sg_list_members WHERE list_id = ?", id);
                Sql.update(c, "UPDATE sg_lists SET match_on = ? WHERE id = ?", match.column(), id);
            } else {
                Sql.update(c, "INSERT INTO sg_lists(name, match_on, created_at) VALUES(?, ?, ?)", n, match.column(),
                        clock.instant().toString());
                id = id(c, n).orElseThrow();
            }
            ListReport report = measure(c, n, match, values);
            Sql.update(c, "INSERT INTO sg_list_members(list_id, value) SELECT ?, value FROM temp." + CHECK, id);
            dropCheck(c);
            return report;
        });
    }

    private static final String CHECK = "sg_list_check";

    private CsvColumn.Values read(ListFile file, int column, MatchOn match, Cancellation cancel) {
        if (column < 0 || column >= file.columns().size()) {
            throw new WorkspaceException(file.file().getFileName() + ": there is no column " + (column + 1));
        }
        CsvColumn.Values values = CsvColumn.read(file.file(), file.settings(), column,
                match == MatchOn.CUSTOMER_ID ? CustomerIds::normalise : String::strip,
                cancel == null ? Cancellation.none() : cancel);
        if (values.counts().isEmpty()) {
            throw new WorkspaceException(file.file().getFileName() + ": column '" + file.columns().get(column)
                    + "' has no values");
        }
        return values;
    }

    private void requireMatchColumn(MatchOn match, ListFile file) {
        if (match == MatchOn.EMAIL && ws.catalog().field(Catalog.CUSTOMERS, "email").isEmpty()) {
            throw new WorkspaceException(file.file().getFileName() + ": a list of emails needs a customers.email"
                    + " column; import the customers' emails first, or upload customer ids");
        }
    }

    /**
     * Puts the values in a temporary table and matches them against the customers (one pass over customers); the
     * table stays for the caller to copy from, and is dropped by the next check or {@link #dropCheck}.
     */
    private ListReport measure(Connection c, String name, MatchOn match, CsvColumn.Values values)
            throws SQLException {
        String column = Identifiers.quote(match.column());
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DROP TABLE IF EXISTS temp." + CHECK);
            st.executeUpdate("CREATE TEMP TABLE " + CHECK + "(value TEXT PRIMARY KEY, rows INTEGER NOT NULL)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO temp." + CHECK + "(value, rows) VALUES(?, ?)")) {
            int pending = 0;
            for (Map.Entry<String, Long> e : values.counts().entrySet()) {
                ps.setString(1, e.getKey());
                ps.setLong(2, e.getValue());
                ps.addBatch();
                if (++pending % 4096 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        long customers;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM customers"
                + " WHERE " + column + " IN (SELECT value FROM temp." + CHECK + ")")) {
            customers = rs.getLong(1);
        }
        long unmatchedValues = 0;
        long unmatchedRows = 0;
        List<String> examples = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT t.value, t.rows FROM temp."
                + CHECK + " t WHERE t.value NOT IN (SELECT " + column + " FROM customers WHERE " + column
                + " IN (SELECT value FROM temp." + CHECK + ")) ORDER BY t.rowid")) {
            while (rs.next()) {
                unmatchedValues++;
                unmatchedRows += rs.getLong(2);
                if (examples.size() < EXAMPLES) {
                    examples.add(rs.getString(1));
                }
            }
        }
        return new ListReport(name, match, values.rows() - values.empty(), values.counts().size(), customers,
                unmatchedRows, unmatchedValues, examples);
    }

    private static void dropCheck(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DROP TABLE IF EXISTS temp." + CHECK);
        }
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
